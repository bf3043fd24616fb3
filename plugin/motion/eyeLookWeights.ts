// Eye-in-head angles to the eight eyeLook weights: both eyes the same way, inside an elliptical range.
import { Blendshape } from '../core/arkitBlendshapes';

/**
 * Writes the eyeLook* weights for eyes turned `yaw` right (the viewer's right, subject's left) and `pitch`
 * up, radians, where a weight of 1 means `maxYaw` or `maxPitch`. Directions beyond the ellipse through those
 * limits are scaled back onto it. Both eyes get the same direction, so they never cross: looking to the
 * viewer's right is eyeLookOutLeft on the left eye and eyeLookInRight on the right eye.
 */
export function writeEyeLook(weights: Float32Array, yaw: number, pitch: number, maxYaw: number, maxPitch: number): void {
  let h = yaw / maxYaw;
  let v = pitch / maxPitch;
  const reach = h * h + v * v;
  if (reach > 1) {
    const scale = 1 / Math.sqrt(reach);
    h *= scale;
    v *= scale;
  }
  const right = h > 0 ? h : 0;
  const left = h < 0 ? -h : 0;
  weights[Blendshape.eyeLookOutLeft] = right;
  weights[Blendshape.eyeLookInRight] = right;
  weights[Blendshape.eyeLookInLeft] = left;
  weights[Blendshape.eyeLookOutRight] = left;
  const up = v > 0 ? v : 0;
  const down = v < 0 ? -v : 0;
  weights[Blendshape.eyeLookUpLeft] = up;
  weights[Blendshape.eyeLookUpRight] = up;
  weights[Blendshape.eyeLookDownLeft] = down;
  weights[Blendshape.eyeLookDownRight] = down;
}
