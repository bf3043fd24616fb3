// Face controls as a flat run of 58 numbers (head yaw, pitch, roll, x, y, z, then 52 weights), for preallocated frame storage.
import { HEAD_ROTATION_LIMITS, HEAD_TRANSLATION_LIMIT, type FaceControls, type FaceControlsLike } from '../core/FaceControls';
import { ARKIT_BLENDSHAPE_NAMES, BLENDSHAPE_COUNT } from '../core/arkitBlendshapes';
import { notFiniteError } from '../core/validation';

/** Head channels at the start of a pose: yaw, pitch, roll, x, y, z (the MotionSource channel order). */
export const POSE_HEAD_CHANNELS = 6;
/** Numbers per pose: the same order and count as MotionSource's MOTION_CHANNEL_COUNT. */
export const POSE_CHANNEL_COUNT = POSE_HEAD_CHANNELS + BLENDSHAPE_COUNT;

const HEAD_CHANNEL_NAMES = ['yaw', 'pitch', 'roll', 'x', 'y', 'z'] as const;
/** Upper limit of each channel; head channels are symmetric (lower = −upper), weights have lower 0. */
const POSE_UPPER = new Float64Array(POSE_CHANNEL_COUNT).fill(1);
POSE_UPPER.set([HEAD_ROTATION_LIMITS.yaw, HEAD_ROTATION_LIMITS.pitch, HEAD_ROTATION_LIMITS.roll,
  HEAD_TRANSLATION_LIMIT, HEAD_TRANSLATION_LIMIT, HEAD_TRANSLATION_LIMIT]);

/** Throws RangeError (TypeError for a non-number) naming `what` and the channel, unless every channel is finite. */
export function checkControls(controls: FaceControlsLike, what: string): void {
  if (controls === null || typeof controls !== 'object') throw new TypeError(`${what} must be a FaceControls or FaceControlsLike, got ${controls === null ? 'null' : typeof controls}.`);
  for (let c = 0; c < POSE_HEAD_CHANNELS; c++) {
    const value = controls[HEAD_CHANNEL_NAMES[c]];
    if (!Number.isFinite(value)) throw notFiniteError(value, `${what}.${HEAD_CHANNEL_NAMES[c]}`);
  }
  const weights = controls.weights;
  if (!weights || weights.length !== BLENDSHAPE_COUNT) {
    throw new RangeError(`${what}.weights must hold ${BLENDSHAPE_COUNT} weights in ARKit order, got ${weights ? weights.length : String(weights)}.`);
  }
  for (let i = 0; i < BLENDSHAPE_COUNT; i++) {
    if (!Number.isFinite(weights[i])) throw notFiniteError(weights[i], `${what}.weights.${ARKIT_BLENDSHAPE_NAMES[i]}`);
  }
}

/** Copies checked controls into `pose[offset..offset+58)`, clamped to the FaceControls ranges. */
export function storeControls(controls: FaceControlsLike, pose: Float64Array, offset: number): void {
  pose[offset] = controls.yaw;
  pose[offset + 1] = controls.pitch;
  pose[offset + 2] = controls.roll;
  pose[offset + 3] = controls.x;
  pose[offset + 4] = controls.y;
  pose[offset + 5] = controls.z;
  for (let i = 0; i < BLENDSHAPE_COUNT; i++) pose[offset + POSE_HEAD_CHANNELS + i] = controls.weights[i];
  clampPose(pose, offset);
}

/** Limits every channel of the pose at `offset` to its FaceControls range. */
export function clampPose(pose: Float64Array, offset: number): void {
  for (let c = 0; c < POSE_CHANNEL_COUNT; c++) {
    const upper = POSE_UPPER[c];
    const lower = c < POSE_HEAD_CHANNELS ? -upper : 0;
    const value = pose[offset + c];
    pose[offset + c] = value < lower ? lower : value > upper ? upper : value;
  }
}

/** Writes the pose at `offset` (already in range) into every channel of `out`. */
export function writePose(pose: Float64Array, offset: number, out: FaceControls): void {
  out.setHead(pose[offset], pose[offset + 1], pose[offset + 2]);
  out.setHeadPosition(pose[offset + 3], pose[offset + 4], pose[offset + 5]);
  const weights = out.weights;
  for (let i = 0; i < BLENDSHAPE_COUNT; i++) weights[i] = pose[offset + POSE_HEAD_CHANNELS + i];
}

/**
 * `out[outOffset..]` = the pose at `a` + (pose at `b` − pose at `a`) × t, channel by channel (t not clamped:
 * t > 1 extrapolates), then clamped to range. `out` may be `source` at another offset, not overlapping.
 */
export function mixPoses(source: Float64Array, a: number, b: number, t: number, out: Float64Array, outOffset: number): void {
  for (let c = 0; c < POSE_CHANNEL_COUNT; c++) {
    const from = source[a + c];
    out[outOffset + c] = from + (source[b + c] - from) * t;
  }
  clampPose(out, outOffset);
}
