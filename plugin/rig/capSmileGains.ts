// A smile gain above 1 moves a mouth corner further than it was authored to go; on some faces
// the cheek above it then folds. This keeps the calibrated gains below that.
import { Blendshape } from '../core/arkitBlendshapes';
import { FaceControls } from '../core/FaceControls';
import type { PortraitRig } from './PortraitRig';
import { areaRatios, GAIN_CAP_STEP, GAIN_HEADROOM, skinTriangles, tears } from './skinAreas';

/** The authored smile is never capped: a gain at or below 1 is left as it is. */
const MIN_CAPPED_GAIN = 1;

/**
 * Lowers the smile gains above 1, step by step, until a full smile tears no skin triangle
 * further than the authored smile does (QUALITY.md's "no tearing", with GAIN_HEADROOM). Bake time only.
 */
export function capSmileGains(rig: PortraitRig): void {
  const skin = skinTriangles(rig.data);
  const controls = new FaceControls();
  const rest = new Float32Array(rig.positionsLength), posed = new Float32Array(rig.positionsLength);
  rig.deform(controls, rest);
  /** Per skin triangle at a full smile: 2 folded over, 1 within GAIN_HEADROOM of the area limits (or nearly flat), 0 sound. */
  const tearing = (): Uint8Array => {
    controls.reset();
    controls.weights[Blendshape.mouthSmileLeft] = 1;
    controls.weights[Blendshape.mouthSmileRight] = 1;
    rig.deform(controls, posed);
    return Uint8Array.from(areaRatios(skin, rest, posed), (r, t) => (r <= 0 ? 2 : tears(r, skin.limited[t] === 1, GAIN_HEADROOM) ? 1 : 0));
  };
  const gains = rig.data.smileGains ?? { left: 1, right: 1 };
  const capped = { left: Math.min(gains.left, MIN_CAPPED_GAIN), right: Math.min(gains.right, MIN_CAPPED_GAIN) };
  rig.setSmileGains(capped.left, capped.right);
  const authored = tearing();
  const tearsMore = (left: number, right: number) => {
    rig.setSmileGains(left, right);
    return tearing().some((grade, t) => grade > authored[t]);
  };
  const step = (gain: number) => (gain * GAIN_CAP_STEP >= MIN_CAPPED_GAIN ? gain * GAIN_CAP_STEP : Math.min(gain, MIN_CAPPED_GAIN));
  // Each side on its own first (a smile's sides move different cheeks), then both together.
  let left = gains.left, right = gains.right;
  while (left > MIN_CAPPED_GAIN && tearsMore(left, capped.right)) left = step(left);
  while (right > MIN_CAPPED_GAIN && tearsMore(capped.left, right)) right = step(right);
  while ((left > MIN_CAPPED_GAIN || right > MIN_CAPPED_GAIN) && tearsMore(left, right)) {
    left = step(left);
    right = step(right);
  }
  rig.setSmileGains(left, right);
}
