// The motion clip file layout (version 1): constants and quantization shared by the encoder and decoder.
import { HEAD_CHANNEL_COUNT, MOTION_CHANNEL_COUNT } from '../MotionSource';
import { MAX_CLIP_FRAMES, MAX_CLIP_TEXT_LENGTH } from './clipLimits';

/**
 * File layout, all little-endian:
 * ```
 * offset size
 *  0     4   magic "TPMC" (Talking Portrait Motion Clip)
 *  4     2   version (uint16) = 1
 *  6     2   flags (uint16): bit 0 weights as uint16 (else uint8), bit 1 a source text follows the name
 *  8     8   frame rate in Hz (float64)
 * 16     4   frame count (uint32)
 * 20     8   channel mask: bit i of byte i>>3 set = channel i present (58 channels, bits 58..63 zero)
 * 28     2   name length in UTF-8 bytes (uint16)
 * 30     2   source length in UTF-8 bytes (uint16; 0 unless flag bit 1)
 * 32     …   name, then source, UTF-8
 *        …   frames: per frame, per present channel ascending: head channels int16 (value / limit × 32767),
 *            weights uint8 (× 255) or uint16 (× 65535)
 *        4   CRC-32 of every byte before it
 * ```
 */
export const CLIP_MAGIC: readonly number[] = [0x54, 0x50, 0x4d, 0x43];
/** Current file version; readers refuse any other. */
export const CLIP_FORMAT_VERSION = 1;
/** Flag bit: weights are stored as uint16 instead of uint8. */
export const FLAG_WIDE_WEIGHTS = 1;
/** Flag bit: a source description follows the name. */
export const FLAG_HAS_SOURCE = 2;
/** Every flag bit version 1 knows; any other set bit is refused. */
export const KNOWN_FLAGS = FLAG_WIDE_WEIGHTS | FLAG_HAS_SOURCE;

export const OFFSET_VERSION = 4;
export const OFFSET_FLAGS = 6;
export const OFFSET_FRAME_RATE = 8;
export const OFFSET_FRAME_COUNT = 16;
export const OFFSET_CHANNEL_MASK = 20;
export const CHANNEL_MASK_BYTES = 8;
export const OFFSET_NAME_LENGTH = 28;
export const OFFSET_SOURCE_LENGTH = 30;
/** Bytes before the name. */
export const HEADER_BYTES = 32;
/** Bytes of the trailing CRC-32. */
export const CHECKSUM_BYTES = 4;
/** Longest name or source in UTF-8 bytes (3 per UTF-16 code unit at most). */
export const MAX_TEXT_BYTES = 3 * MAX_CLIP_TEXT_LENGTH;

/** int16 steps from 0 to a head channel's limit (−32768 is never written, and refused). */
export const HEAD_QUANTUM = 32767;
/** uint8 steps from weight 0 to 1. */
export const NARROW_WEIGHT_QUANTUM = 255;
/** uint16 steps from weight 0 to 1. */
export const WIDE_WEIGHT_QUANTUM = 65535;

/** Largest file a reader accepts: every channel at the widest encoding, the longest texts, MAX_CLIP_FRAMES frames. */
export const MAX_CLIP_FILE_BYTES = HEADER_BYTES + 2 * MAX_TEXT_BYTES + MAX_CLIP_FRAMES * (2 * MOTION_CHANNEL_COUNT) + CHECKSUM_BYTES;

/** Bytes one frame takes: 2 per head channel, 1 or 2 per weight. */
export function bytesPerFrame(channelIndices: ArrayLike<number>, wideWeights: boolean): number {
  let bytes = 0;
  for (let i = 0; i < channelIndices.length; i++) bytes += channelIndices[i] < HEAD_CHANNEL_COUNT || wideWeights ? 2 : 1;
  return bytes;
}
