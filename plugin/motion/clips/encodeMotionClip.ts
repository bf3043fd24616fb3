// Writes a MotionClip as the compact, versioned, checksummed binary file described in clipBinaryLayout.
import { isHeadChannel, motionChannelLimit } from './clipChannels';
import {
  bytesPerFrame, CHECKSUM_BYTES, CLIP_FORMAT_VERSION, CLIP_MAGIC, FLAG_HAS_SOURCE, FLAG_WIDE_WEIGHTS, HEAD_QUANTUM, HEADER_BYTES,
  NARROW_WEIGHT_QUANTUM, OFFSET_CHANNEL_MASK, OFFSET_FLAGS, OFFSET_FRAME_COUNT, OFFSET_FRAME_RATE, OFFSET_NAME_LENGTH,
  OFFSET_SOURCE_LENGTH, OFFSET_VERSION, WIDE_WEIGHT_QUANTUM,
} from './clipBinaryLayout';
import { crc32 } from './crc32';
import { MotionClip } from './MotionClip';

/** How to encode a clip. */
export interface MotionClipEncodeOptions {
  /**
   * Bits per blendshape weight: 8 (steps of 1/255, error ≤ 0.002) or 16 (steps of 1/65535). Head channels
   * are always 16 bits over their limits. Default 8: a typical 30 Hz clip of 6 head + 14 weight channels
   * then takes 26 bytes per frame, 780 bytes per second.
   */
  weightBits?: 8 | 16;
}

/** The clip as a binary file (a fresh Uint8Array); decodeMotionClip reads it back within the quantization step. */
export function encodeMotionClip(clip: MotionClip, options: MotionClipEncodeOptions = {}): Uint8Array {
  if (!(clip instanceof MotionClip)) throw new TypeError('encodeMotionClip: expected a MotionClip, e.g. from MotionClipRecorder.stop().');
  const weightBits = options.weightBits ?? 8;
  if (weightBits !== 8 && weightBits !== 16) throw new RangeError(`encodeMotionClip: weightBits must be 8 or 16, got ${String(weightBits)}.`);
  const wide = weightBits === 16;
  const encoder = new TextEncoder();
  const name = encoder.encode(clip.name);
  const source = clip.source === undefined ? undefined : encoder.encode(clip.source);
  const textBytes = name.length + (source?.length ?? 0);
  const frameBytes = bytesPerFrame(clip.channelIndices, wide);
  const bytes = new Uint8Array(HEADER_BYTES + textBytes + clip.frameCount * frameBytes + CHECKSUM_BYTES);
  const view = new DataView(bytes.buffer);

  bytes.set(CLIP_MAGIC, 0);
  view.setUint16(OFFSET_VERSION, CLIP_FORMAT_VERSION, true);
  view.setUint16(OFFSET_FLAGS, (wide ? FLAG_WIDE_WEIGHTS : 0) | (source ? FLAG_HAS_SOURCE : 0), true);
  view.setFloat64(OFFSET_FRAME_RATE, clip.frameRate, true);
  view.setUint32(OFFSET_FRAME_COUNT, clip.frameCount, true);
  for (const channel of clip.channelIndices) bytes[OFFSET_CHANNEL_MASK + (channel >> 3)] |= 1 << (channel & 7);
  view.setUint16(OFFSET_NAME_LENGTH, name.length, true);
  view.setUint16(OFFSET_SOURCE_LENGTH, source?.length ?? 0, true);
  bytes.set(name, HEADER_BYTES);
  if (source) bytes.set(source, HEADER_BYTES + name.length);

  let offset = HEADER_BYTES + textBytes;
  const { data, channelIndices } = clip;
  const channelCount = channelIndices.length;
  for (let i = 0; i < data.length; i++) {
    const channel = channelIndices[i % channelCount];
    if (isHeadChannel(channel)) {
      view.setInt16(offset, Math.round((data[i] / motionChannelLimit(channel)) * HEAD_QUANTUM), true);
      offset += 2;
    } else if (wide) {
      view.setUint16(offset, Math.round(data[i] * WIDE_WEIGHT_QUANTUM), true);
      offset += 2;
    } else {
      bytes[offset++] = Math.round(data[i] * NARROW_WEIGHT_QUANTUM);
    }
  }
  view.setUint32(offset, crc32(bytes, 0, offset), true);
  return bytes;
}
