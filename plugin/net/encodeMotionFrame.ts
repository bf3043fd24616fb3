// Encodes face controls, a sequence number and a time into one 64-byte motion frame (layout: motionFrameLayout.ts).
import { HEAD_ROTATION_LIMITS, HEAD_TRANSLATION_LIMIT, type FaceControlsLike } from '../core/FaceControls';
import { ARKIT_BLENDSHAPE_NAMES, BLENDSHAPE_COUNT } from '../core/arkitBlendshapes';
import { clamp, clamp01 } from '../core/mathUtils';
import { notFiniteError } from '../core/validation';
import { describeValue } from './describeValue';
import { writeInt16BE, writeUint32BE } from './byteFields';
import { HEAD_CODE_MAX, MOTION_FRAME_BYTES, MOTION_FRAME_TAG, MotionFrameOffset, WEIGHT_BITS, WEIGHT_CODE_MAX } from './motionFrameLayout';
import { UINT32_RANGE } from './sequenceMath';

/**
 * Encodes one motion frame into a new 64-byte array. For the per-frame path use encodeMotionFrameInto.
 * See encodeMotionFrameInto for the arguments and what it throws.
 */
export function encodeMotionFrame(controls: FaceControlsLike, sequence: number, timeMs: number): Uint8Array {
  const bytes = new Uint8Array(MOTION_FRAME_BYTES);
  encodeMotionFrameInto(controls, sequence, timeMs, bytes);
  return bytes;
}

/**
 * Encodes one motion frame into `out[0..63]` and returns the bytes written (always 64). Allocates nothing.
 * - `controls`: head channels beyond their limits and weights outside [0, 1] are clamped, as FaceControls does.
 * - `sequence`: a non-negative integer; its low 32 bits are sent, so a sender may simply count up forever.
 * - `timeMs`: ms since the sender's stream start, ≥ 0; rounded to whole ms and sent modulo 2^32.
 * Throws RangeError (TypeError for a non-number) for NaN/±Infinity anywhere, a weight count other than 52,
 * a negative or fractional sequence, a negative time, or an `out` shorter than 64 bytes; `out` is then untouched.
 */
export function encodeMotionFrameInto(controls: FaceControlsLike, sequence: number, timeMs: number, out: Uint8Array): number {
  checkArguments(controls, sequence, timeMs, out);
  out[MotionFrameOffset.tag] = MOTION_FRAME_TAG;
  out[MotionFrameOffset.flags] = 0;
  writeUint32BE(out, MotionFrameOffset.sequence, sequence >>> 0);
  writeUint32BE(out, MotionFrameOffset.time, Math.round(timeMs) % UINT32_RANGE);
  writeInt16BE(out, MotionFrameOffset.yaw, headCode(controls.yaw, HEAD_ROTATION_LIMITS.yaw));
  writeInt16BE(out, MotionFrameOffset.pitch, headCode(controls.pitch, HEAD_ROTATION_LIMITS.pitch));
  writeInt16BE(out, MotionFrameOffset.roll, headCode(controls.roll, HEAD_ROTATION_LIMITS.roll));
  writeInt16BE(out, MotionFrameOffset.x, headCode(controls.x, HEAD_TRANSLATION_LIMIT));
  writeInt16BE(out, MotionFrameOffset.y, headCode(controls.y, HEAD_TRANSLATION_LIMIT));
  writeInt16BE(out, MotionFrameOffset.z, headCode(controls.z, HEAD_TRANSLATION_LIMIT));
  writeWeightBits(controls.weights, out);
  return MOTION_FRAME_BYTES;
}

/** Packs the weights most significant bit first; the widths add up to whole bytes (motionFrameLayout.ts). */
function writeWeightBits(weights: ArrayLike<number>, out: Uint8Array): void {
  let position = MotionFrameOffset.weights;
  let pending = 0;
  let pendingBits = 0;
  for (let i = 0; i < BLENDSHAPE_COUNT; i++) {
    const bits = WEIGHT_BITS[i];
    pending = (pending << bits) | Math.round(clamp01(weights[i]) * WEIGHT_CODE_MAX[i]);
    pendingBits += bits;
    while (pendingBits >= 8) {
      pendingBits -= 8;
      out[position++] = (pending >>> pendingBits) & 0xff;
    }
    pending &= (1 << pendingBits) - 1;
  }
}

function headCode(value: number, limit: number): number {
  return Math.round(clamp(value / limit, -1, 1) * HEAD_CODE_MAX);
}

function checkArguments(controls: FaceControlsLike, sequence: number, timeMs: number, out: Uint8Array): void {
  if (!(out instanceof Uint8Array)) throw new TypeError(`encodeMotionFrameInto: out must be a Uint8Array, got ${describeValue(out)}; allocate one of MOTION_FRAME_BYTES (${MOTION_FRAME_BYTES}) bytes once and reuse it.`);
  if (out.length < MOTION_FRAME_BYTES) throw new RangeError(`encodeMotionFrameInto: out holds ${out.length} bytes, a frame needs ${MOTION_FRAME_BYTES}; pass a larger buffer.`);
  if (!Number.isFinite(sequence)) throw notFiniteError(sequence, 'encodeMotionFrame: sequence');
  if (!(sequence >= 0 && Number.isSafeInteger(sequence))) throw new RangeError(`encodeMotionFrame: sequence must be a non-negative integer, got ${sequence}; count frames up from 0 (it wraps at 2^32 on the wire).`);
  if (!Number.isFinite(timeMs)) throw notFiniteError(timeMs, 'encodeMotionFrame: timeMs');
  if (!(timeMs >= 0)) throw new RangeError(`encodeMotionFrame: timeMs must be ms since the stream start (≥ 0), got ${timeMs}.`);
  if (controls === null || typeof controls !== 'object') throw new TypeError(`encodeMotionFrame: controls must be a FaceControls or FaceControlsLike, got ${describeValue(controls)}.`);
  checkFinite(controls.yaw, 'yaw');
  checkFinite(controls.pitch, 'pitch');
  checkFinite(controls.roll, 'roll');
  checkFinite(controls.x, 'x');
  checkFinite(controls.y, 'y');
  checkFinite(controls.z, 'z');
  const weights = controls.weights;
  if (!weights || weights.length !== BLENDSHAPE_COUNT) {
    throw new RangeError(`encodeMotionFrame: controls.weights must hold ${BLENDSHAPE_COUNT} weights in ARKit order, got ${weights ? weights.length : describeValue(weights)}.`);
  }
  for (let i = 0; i < BLENDSHAPE_COUNT; i++) {
    if (!Number.isFinite(weights[i])) throw notFiniteError(weights[i], `encodeMotionFrame: controls.weights.${ARKIT_BLENDSHAPE_NAMES[i]}`);
  }
}

function checkFinite(value: number, channel: string): void {
  if (!Number.isFinite(value)) throw notFiniteError(value, `encodeMotionFrame: controls.${channel}`);
}
