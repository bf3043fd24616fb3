// Reads a landmark clip file, refusing anything truncated, oversized, corrupt or foreign with a ClipFormatError.
import { ClipFormatError } from '../../core/errors';
import { frameRateProblem } from './clipLimits';
import { crc32 } from './crc32';
import { LandmarkClip, landmarkClipProblem } from './LandmarkClip';
import {
  CHECKSUM_BYTES, FLAG_HAS_TRANSFORMS, LANDMARK_CLIP_MAGIC, LANDMARK_CLIP_VERSION, LANDMARK_FLOATS, LANDMARK_HEADER_BYTES, landmarkFrameBytes,
  MAX_LANDMARK_CLIP_FRAMES, OFFSET_FLAGS, OFFSET_FRAME_COUNT, OFFSET_FRAME_RATE, OFFSET_IMAGE_HEIGHT, OFFSET_IMAGE_WIDTH, OFFSET_NEUTRAL,
  OFFSET_VERSION, TRANSFORM_FLOATS,
} from './landmarkClipLayout';

/** Largest file a reader accepts: the most frames, each with a transform. */
export const MAX_LANDMARK_CLIP_FILE_BYTES = LANDMARK_HEADER_BYTES + MAX_LANDMARK_CLIP_FRAMES * landmarkFrameBytes(true) + CHECKSUM_BYTES;

/**
 * The clip in a file from encodeLandmarkClip. Checks size, magic, version, flags, header, length and
 * CRC-32 before allocating, then every value; anything wrong throws ClipFormatError saying what.
 */
export function decodeLandmarkClip(file: Uint8Array | ArrayBuffer): LandmarkClip {
  const bytes = file instanceof ArrayBuffer ? new Uint8Array(file) : file;
  if (!(bytes instanceof Uint8Array)) throw new ClipFormatError(`expected the file's bytes as a Uint8Array or ArrayBuffer, got ${file === null ? 'null' : typeof file}`);
  if (bytes.length > MAX_LANDMARK_CLIP_FILE_BYTES) {
    throw new ClipFormatError(`the file has ${bytes.length} bytes, more than the largest possible landmark clip (${MAX_LANDMARK_CLIP_FILE_BYTES})`);
  }
  if (bytes.length < LANDMARK_HEADER_BYTES + CHECKSUM_BYTES) {
    throw new ClipFormatError(`the file is truncated: ${bytes.length} bytes, shorter than the ${LANDMARK_HEADER_BYTES + CHECKSUM_BYTES}-byte minimum`);
  }
  for (let i = 0; i < LANDMARK_CLIP_MAGIC.length; i++) {
    if (bytes[i] !== LANDMARK_CLIP_MAGIC[i]) throw new ClipFormatError('the file is not a landmark clip: it does not start with the bytes "TPLC"');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(OFFSET_VERSION, true);
  if (version !== LANDMARK_CLIP_VERSION) throw new ClipFormatError(`the file is landmark clip version ${version}; this plugin reads version ${LANDMARK_CLIP_VERSION} only`);
  const flags = view.getUint16(OFFSET_FLAGS, true);
  if ((flags & ~FLAG_HAS_TRANSFORMS) !== 0) throw new ClipFormatError(`unknown header flags 0x${flags.toString(16)}`);
  const frameRate = view.getFloat64(OFFSET_FRAME_RATE, true);
  const rateProblem = frameRateProblem(frameRate);
  if (rateProblem !== undefined) throw new ClipFormatError(rateProblem);
  const frameCount = view.getUint32(OFFSET_FRAME_COUNT, true);
  if (frameCount < 1 || frameCount > MAX_LANDMARK_CLIP_FRAMES) throw new ClipFormatError(`the frame count ${frameCount} is outside 1..${MAX_LANDMARK_CLIP_FRAMES}`);
  const hasTransforms = (flags & FLAG_HAS_TRANSFORMS) !== 0;
  const expected = LANDMARK_HEADER_BYTES + frameCount * landmarkFrameBytes(hasTransforms) + CHECKSUM_BYTES;
  if (bytes.length < expected) throw new ClipFormatError(`the file is truncated: the header declares ${frameCount} frames (${expected} bytes) but it has ${bytes.length} bytes`);
  if (bytes.length > expected) throw new ClipFormatError(`the file has ${bytes.length - expected} unexpected bytes after its ${expected} bytes of clip`);
  const stored = view.getUint32(expected - CHECKSUM_BYTES, true);
  const actual = crc32(bytes, 0, expected - CHECKSUM_BYTES);
  if (stored !== actual) throw new ClipFormatError(`the checksum does not match (stored 0x${stored.toString(16)}, computed 0x${actual.toString(16)}): the file is corrupt`);

  const neutral = new Float32Array(LANDMARK_FLOATS);
  for (let i = 0; i < LANDMARK_FLOATS; i++) neutral[i] = view.getFloat32(OFFSET_NEUTRAL + i * 4, true);
  const deltas = new Int16Array(frameCount * LANDMARK_FLOATS);
  const transforms = hasTransforms ? new Float32Array(frameCount * TRANSFORM_FLOATS) : null;
  let offset = LANDMARK_HEADER_BYTES;
  for (let f = 0; f < frameCount; f++) {
    for (let i = 0; i < LANDMARK_FLOATS; i++, offset += 2) deltas[f * LANDMARK_FLOATS + i] = view.getInt16(offset, true);
    if (!transforms) continue;
    for (let i = 0; i < TRANSFORM_FLOATS; i++, offset += 4) transforms[f * TRANSFORM_FLOATS + i] = view.getFloat32(offset, true);
  }
  const data = {
    frameRate, imageWidth: view.getUint32(OFFSET_IMAGE_WIDTH, true), imageHeight: view.getUint32(OFFSET_IMAGE_HEIGHT, true), neutral, deltas, transforms,
  };
  const problem = landmarkClipProblem(data);
  if (problem !== undefined) throw new ClipFormatError(problem);
  return new LandmarkClip(data);
}
