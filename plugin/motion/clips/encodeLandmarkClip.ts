// Writes a LandmarkClip as the compact, versioned, checksummed file described in landmarkClipLayout.
import { crc32 } from './crc32';
import { LandmarkClip } from './LandmarkClip';
import {
  CHECKSUM_BYTES, FLAG_HAS_TRANSFORMS, LANDMARK_CLIP_MAGIC, LANDMARK_CLIP_VERSION, LANDMARK_FLOATS, LANDMARK_HEADER_BYTES, landmarkFrameBytes,
  OFFSET_FLAGS, OFFSET_FRAME_COUNT, OFFSET_FRAME_RATE, OFFSET_IMAGE_HEIGHT, OFFSET_IMAGE_WIDTH, OFFSET_NEUTRAL, OFFSET_VERSION, TRANSFORM_FLOATS,
} from './landmarkClipLayout';

/** The clip as a binary file (a fresh Uint8Array) that decodeLandmarkClip reads back exactly. */
export function encodeLandmarkClip(clip: LandmarkClip): Uint8Array {
  if (!(clip instanceof LandmarkClip)) throw new TypeError('encodeLandmarkClip: expected a LandmarkClip, e.g. from LandmarkClip.FromFrames().');
  const hasTransforms = clip.transforms !== null;
  const frameCount = clip.frameCount;
  const bytes = new Uint8Array(LANDMARK_HEADER_BYTES + frameCount * landmarkFrameBytes(hasTransforms) + CHECKSUM_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(LANDMARK_CLIP_MAGIC, 0);
  view.setUint16(OFFSET_VERSION, LANDMARK_CLIP_VERSION, true);
  view.setUint16(OFFSET_FLAGS, hasTransforms ? FLAG_HAS_TRANSFORMS : 0, true);
  view.setFloat64(OFFSET_FRAME_RATE, clip.frameRate, true);
  view.setUint32(OFFSET_FRAME_COUNT, frameCount, true);
  view.setUint32(OFFSET_IMAGE_WIDTH, clip.imageWidth, true);
  view.setUint32(OFFSET_IMAGE_HEIGHT, clip.imageHeight, true);
  for (let i = 0; i < LANDMARK_FLOATS; i++) view.setFloat32(OFFSET_NEUTRAL + i * 4, clip.neutral[i], true);
  let offset = LANDMARK_HEADER_BYTES;
  for (let f = 0; f < frameCount; f++) {
    for (let i = 0; i < LANDMARK_FLOATS; i++, offset += 2) view.setInt16(offset, clip.deltas[f * LANDMARK_FLOATS + i], true);
    if (!clip.transforms) continue;
    for (let i = 0; i < TRANSFORM_FLOATS; i++, offset += 4) view.setFloat32(offset, clip.transforms[f * TRANSFORM_FLOATS + i], true);
  }
  view.setUint32(offset, crc32(bytes, 0, offset), true);
  return bytes;
}
