// FaceControls as a flat pose of 58 channels (head yaw, pitch, roll, x, y, z, then the 52 weights),
// the motion channel layout, for capture code that may not import the motion room.
import { BLENDSHAPE_COUNT } from '../core/arkitBlendshapes';
import type { FaceControls, FaceControlsLike } from '../core/FaceControls';

/** Head channels come first in a pose, then the weights. */
export const POSE_HEAD_CHANNELS = 6;
/** Channels in a pose: the motion room's MOTION_CHANNEL_COUNT. */
export const POSE_CHANNELS = POSE_HEAD_CHANNELS + BLENDSHAPE_COUNT;

/** Reads every channel of `controls` into `pose`. */
export function readPose(controls: FaceControlsLike, pose: Float64Array): void {
  pose[0] = controls.yaw;
  pose[1] = controls.pitch;
  pose[2] = controls.roll;
  pose[3] = controls.x;
  pose[4] = controls.y;
  pose[5] = controls.z;
  for (let i = 0; i < BLENDSHAPE_COUNT; i++) pose[POSE_HEAD_CHANNELS + i] = controls.weights[i];
}

/** Writes the channels of `pose` where `mask` is above 0 into `out`; the others stay as they are. */
export function writePose(pose: Float64Array, mask: Float32Array, out: FaceControls): void {
  if (mask[0] > 0) out.yaw = pose[0];
  if (mask[1] > 0) out.pitch = pose[1];
  if (mask[2] > 0) out.roll = pose[2];
  if (mask[3] > 0) out.x = pose[3];
  if (mask[4] > 0) out.y = pose[4];
  if (mask[5] > 0) out.z = pose[5];
  const weights = out.weights;
  for (let i = 0; i < BLENDSHAPE_COUNT; i++) {
    if (mask[POSE_HEAD_CHANNELS + i] > 0) {
      const v = pose[POSE_HEAD_CHANNELS + i];
      weights[i] = v > 0 ? (v < 1 ? v : 1) : 0;
    }
  }
}
