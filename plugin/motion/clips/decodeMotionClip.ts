// Reads a motion clip file, refusing anything truncated, oversized, corrupt or foreign with a ClipFormatError.
import { ClipFormatError } from '../../core/errors';
import { MOTION_CHANNEL_COUNT } from '../MotionSource';
import { isHeadChannel, motionChannelLimit } from './clipChannels';
import {
  bytesPerFrame, CHANNEL_MASK_BYTES, CHECKSUM_BYTES, CLIP_FORMAT_VERSION, CLIP_MAGIC, FLAG_HAS_SOURCE, FLAG_WIDE_WEIGHTS,
  HEAD_QUANTUM, HEADER_BYTES, KNOWN_FLAGS, MAX_CLIP_FILE_BYTES, MAX_TEXT_BYTES, NARROW_WEIGHT_QUANTUM, OFFSET_CHANNEL_MASK,
  OFFSET_FLAGS, OFFSET_FRAME_COUNT, OFFSET_FRAME_RATE, OFFSET_NAME_LENGTH, OFFSET_SOURCE_LENGTH, OFFSET_VERSION, WIDE_WEIGHT_QUANTUM,
} from './clipBinaryLayout';
import { channelValueProblem, frameCountProblem, frameRateProblem, textProblem } from './clipLimits';
import { crc32 } from './crc32';
import { MotionClip } from './MotionClip';

/** int16 value never written by the encoder (it would lie beyond −limit). */
const INT16_MIN = -32768;

/**
 * The clip in a file from encodeMotionClip. Checks size, magic, version, header, length, CRC-32 and
 * every value before allocating more than the file's own size; anything wrong throws ClipFormatError
 * (and nothing else) saying what.
 */
export function decodeMotionClip(file: Uint8Array | ArrayBuffer): MotionClip {
  const bytes = file instanceof ArrayBuffer ? new Uint8Array(file) : file;
  if (!(bytes instanceof Uint8Array)) {
    throw new ClipFormatError(`expected the file's bytes as a Uint8Array or ArrayBuffer, got ${describe(file)}`);
  }
  if (bytes.length > MAX_CLIP_FILE_BYTES) {
    throw new ClipFormatError(`the file has ${bytes.length} bytes, more than the largest possible clip (${MAX_CLIP_FILE_BYTES})`);
  }
  if (bytes.length < HEADER_BYTES + CHECKSUM_BYTES) {
    throw new ClipFormatError(`the file is truncated: ${bytes.length} bytes, shorter than the ${HEADER_BYTES + CHECKSUM_BYTES}-byte minimum`);
  }
  for (let i = 0; i < CLIP_MAGIC.length; i++) {
    if (bytes[i] !== CLIP_MAGIC[i]) throw new ClipFormatError('the file is not a motion clip: it does not start with the bytes "TPMC"');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(OFFSET_VERSION, true);
  if (version !== CLIP_FORMAT_VERSION) {
    throw new ClipFormatError(`the file is format version ${version}; this plugin reads version ${CLIP_FORMAT_VERSION} only`);
  }
  const flags = view.getUint16(OFFSET_FLAGS, true);
  if ((flags & ~KNOWN_FLAGS) !== 0) throw new ClipFormatError(`unknown header flags 0x${flags.toString(16)}`);
  const frameRate = view.getFloat64(OFFSET_FRAME_RATE, true);
  const frameCount = view.getUint32(OFFSET_FRAME_COUNT, true);
  const headerProblem = frameRateProblem(frameRate) ?? frameCountProblem(frameCount);
  if (headerProblem !== undefined) throw new ClipFormatError(headerProblem);
  const channels = readChannelMask(bytes);
  const nameBytes = view.getUint16(OFFSET_NAME_LENGTH, true);
  const sourceBytes = view.getUint16(OFFSET_SOURCE_LENGTH, true);
  const hasSource = (flags & FLAG_HAS_SOURCE) !== 0;
  if (nameBytes > MAX_TEXT_BYTES || sourceBytes > MAX_TEXT_BYTES) {
    throw new ClipFormatError(`the name (${nameBytes} bytes) or source (${sourceBytes} bytes) is longer than ${MAX_TEXT_BYTES} bytes`);
  }
  if (!hasSource && sourceBytes !== 0) throw new ClipFormatError(`a ${sourceBytes}-byte source is declared but its flag is not set`);

  const wide = (flags & FLAG_WIDE_WEIGHTS) !== 0;
  const dataStart = HEADER_BYTES + nameBytes + sourceBytes;
  const expected = dataStart + frameCount * bytesPerFrame(channels, wide) + CHECKSUM_BYTES;
  if (bytes.length < expected) {
    throw new ClipFormatError(`the file is truncated: the header declares ${frameCount} frames (${expected} bytes) but it has ${bytes.length} bytes`);
  }
  if (bytes.length > expected) {
    throw new ClipFormatError(`the file has ${bytes.length - expected} unexpected bytes after its ${expected} bytes of clip`);
  }
  const stored = view.getUint32(expected - CHECKSUM_BYTES, true);
  const actual = crc32(bytes, 0, expected - CHECKSUM_BYTES);
  if (stored !== actual) {
    throw new ClipFormatError(`the checksum does not match (stored 0x${hex(stored)}, computed 0x${hex(actual)}): the file is corrupt`);
  }

  const name = readText(bytes, HEADER_BYTES, nameBytes, 'name');
  const source = hasSource ? readText(bytes, HEADER_BYTES + nameBytes, sourceBytes, 'source description') : undefined;
  const data = readFrames(view, dataStart, channels, frameCount, wide);
  return new MotionClip({ frameRate, channels, data, name, source });
}

/** Present channel indices from the 8-byte mask; refuses an empty mask and bits past the last channel. */
function readChannelMask(bytes: Uint8Array): Uint8Array {
  const indices: number[] = [];
  for (let bit = 0; bit < CHANNEL_MASK_BYTES * 8; bit++) {
    if ((bytes[OFFSET_CHANNEL_MASK + (bit >> 3)] & (1 << (bit & 7))) === 0) continue;
    if (bit >= MOTION_CHANNEL_COUNT) throw new ClipFormatError(`the channel mask sets bit ${bit}, but there are only ${MOTION_CHANNEL_COUNT} channels`);
    indices.push(bit);
  }
  if (indices.length === 0) throw new ClipFormatError('the channel mask is empty: the clip drives no channel');
  return Uint8Array.from(indices);
}

function readText(bytes: Uint8Array, start: number, length: number, what: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start, start + length));
  } catch (error) {
    throw new ClipFormatError(`the ${what} is not valid UTF-8`, { cause: error });
  }
  const problem = textProblem(text, what);
  if (problem !== undefined) throw new ClipFormatError(problem);
  return text;
}

function readFrames(view: DataView, start: number, channels: Uint8Array, frameCount: number, wide: boolean): Float32Array {
  const channelCount = channels.length;
  const data = new Float32Array(frameCount * channelCount);
  let offset = start;
  for (let i = 0; i < data.length; i++) {
    const channel = channels[i % channelCount];
    if (isHeadChannel(channel)) {
      const quantized = view.getInt16(offset, true);
      offset += 2;
      if (quantized === INT16_MIN) {
        throw new ClipFormatError(channelValueProblem(Math.floor(i / channelCount), channel, (INT16_MIN / HEAD_QUANTUM) * motionChannelLimit(channel)));
      }
      data[i] = (quantized / HEAD_QUANTUM) * motionChannelLimit(channel);
    } else if (wide) {
      data[i] = view.getUint16(offset, true) / WIDE_WEIGHT_QUANTUM;
      offset += 2;
    } else {
      data[i] = view.getUint8(offset++) / NARROW_WEIGHT_QUANTUM;
    }
  }
  return data;
}

function hex(value: number): string {
  return value.toString(16).padStart(8, '0');
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
