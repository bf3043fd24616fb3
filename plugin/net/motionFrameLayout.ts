// The wire layout of one motion frame (version 1): byte offsets, bit widths and quantization scales.
import { Blendshape, BLENDSHAPE_COUNT } from '../core/arkitBlendshapes';

/*
 * Motion frame, version 1: always exactly 64 bytes, every frame a key frame (no deltas, so a lost
 * frame costs nothing but itself and any frame can start a stream). Multi-byte fields big-endian.
 *
 *   byte  0      tag 0xD1: "motion frame, version 1". Not printable ASCII, so a text or JSON message
 *                sent on the same channel by mistake is refused at the first byte.
 *   byte  1      flags: reserved, all 8 bits must be 0 in version 1.
 *   bytes 2-5    sequence, uint32, wraps 0xFFFFFFFF → 0 (see sequenceMath.ts for wrap-aware comparison).
 *   bytes 6-9    time, uint32 ms since the sender's stream start, wraps after 49.7 days.
 *   bytes 10-15  yaw, pitch, roll: int16 each, ±32767 ↔ ±HEAD_ROTATION_LIMITS.<angle>; −32768 is invalid.
 *   bytes 16-21  x, y, z: int16 each, ±32767 ↔ ±HEAD_TRANSLATION_LIMIT; −32768 is invalid.
 *   bytes 22-63  the 52 weights in ARKit order as one bit stream, most significant bit first:
 *                12 "fine" weights (MOTION_FRAME_FINE_WEIGHTS) at 8 bits, the other 40 at 6 bits:
 *                12 × 8 + 40 × 6 = 336 bits = 42 bytes exactly, so no padding bits.
 *                q = round(w × (2^bits − 1)); every code decodes to a weight in [0, 1].
 *
 * Worst case = every case = 64 bytes (at 30 frames/s: 1.9 kB/s per face before transport overhead).
 * Worst-case quantization error, once decoded (half a step):
 *   yaw, roll 1.2e-5 rad; pitch 8.0e-6 rad; x, y, z 7.6e-6 face heights;
 *   fine weights 1/510 ≈ 0.00196; other weights 1/126 ≈ 0.00794.
 *
 * Why fixed size rather than a presence bitmask with only non-zero weights: the worst case (many
 * weights active while talking and emoting) would be no smaller, and a fixed size lets the receiver
 * check the length exactly and the transport preallocate one buffer.
 * Why these 12 at 8 bits: they move the most pixels (jaw and lips while speaking, the eyelids), where
 * a 6-bit step of a large opening could be visible as a sub-pixel shimmer.
 */

/** Size of every version-1 motion frame, in bytes. */
export const MOTION_FRAME_BYTES = 64;
/** First byte of a version-1 frame: high nibble 0xD marks a motion frame, low nibble 1 the version. */
export const MOTION_FRAME_TAG = 0xd1;
/** Byte offsets of the fields. */
export const MotionFrameOffset = {
  tag: 0,
  flags: 1,
  sequence: 2,
  time: 6,
  yaw: 10,
  pitch: 12,
  roll: 14,
  x: 16,
  y: 18,
  z: 20,
  weights: 22,
} as const;

/** Largest int16 code for a head channel; ±this maps to ±limit, so the scale is symmetric and 0 is exact. */
export const HEAD_CODE_MAX = 32767;

/** Bit width of a fine weight. */
export const FINE_WEIGHT_BITS = 8;
/** Bit width of every other weight. */
export const COARSE_WEIGHT_BITS = 6;

/** The weights sent at 8 bits: jaw and lips (speech) and eyelids (blinks) move the most pixels. */
export const MOTION_FRAME_FINE_WEIGHTS: readonly number[] = [
  Blendshape.eyeBlinkLeft, Blendshape.eyeBlinkRight, Blendshape.jawOpen, Blendshape.mouthClose,
  Blendshape.mouthFunnel, Blendshape.mouthPucker, Blendshape.mouthSmileLeft, Blendshape.mouthSmileRight,
  Blendshape.mouthLowerDownLeft, Blendshape.mouthLowerDownRight, Blendshape.mouthUpperUpLeft, Blendshape.mouthUpperUpRight,
];

/** Bit width of each weight, in ARKit order. */
export const WEIGHT_BITS: Readonly<Uint8Array> = buildWeightBits();
/** Largest code of each weight (2^bits − 1), in ARKit order. */
export const WEIGHT_CODE_MAX: Readonly<Uint8Array> = WEIGHT_BITS.map((bits) => (1 << bits) - 1);

/** Worst-case decoding error of a fine (8-bit) weight: half a quantization step. */
export const MOTION_FRAME_FINE_WEIGHT_MAX_ERROR = 0.5 / ((1 << FINE_WEIGHT_BITS) - 1);
/** Worst-case decoding error of a coarse (6-bit) weight: half a quantization step. */
export const MOTION_FRAME_COARSE_WEIGHT_MAX_ERROR = 0.5 / ((1 << COARSE_WEIGHT_BITS) - 1);

function buildWeightBits(): Uint8Array {
  const bits = new Uint8Array(BLENDSHAPE_COUNT).fill(COARSE_WEIGHT_BITS);
  for (const index of MOTION_FRAME_FINE_WEIGHTS) bits[index] = FINE_WEIGHT_BITS;
  return bits;
}
