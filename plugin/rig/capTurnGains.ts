// A head-turn gain turns further than the landmarks' depth says; past some gain the far cheek
// squeezes below QUALITY.md's area limit. This keeps the calibrated gains below that.
import { FaceControls } from '../core/FaceControls';
import type { PortraitRig } from './PortraitRig';
import { areaRatios, GAIN_CAP_STEP, GAIN_HEADROOM, skinTriangles, tears } from './skinAreas';

/** A gain is never capped below this: an un-gained turn is the landmarks' own depth. */
const MIN_CAPPED_GAIN = 1;

/**
 * Lowers the rig's yaw and pitch gains, step by step, until a turn of ±yaw (and ±pitch,
 * radians, before the gain) tears no skin triangle, the correctives left out: they are eased
 * for the turn afterwards (rig/easeCorrectiveFolds). Bake time only.
 */
export function capTurnGains(rig: PortraitRig, yaw: number, pitch: number): void {
  const saved = rig.data.turnCorrectives ?? null;
  rig.setTurnCorrectives(null);
  const skin = skinTriangles(rig.data);
  const controls = new FaceControls();
  const rest = new Float32Array(rig.positionsLength), posed = new Float32Array(rig.positionsLength);
  rig.deform(controls, rest);
  const tearsAt = (y: number, p: number) => {
    controls.reset();
    controls.setHead(y, p, 0);
    rig.deform(controls, posed);
    const ratios = areaRatios(skin, rest, posed);
    return ratios.some((r, t) => tears(r, skin.limited[t] === 1, GAIN_HEADROOM));
  };
  let { yawGain, pitchGain } = rig.data;
  while (yawGain * GAIN_CAP_STEP >= MIN_CAPPED_GAIN && (tearsAt(yaw, 0) || tearsAt(-yaw, 0))) {
    yawGain *= GAIN_CAP_STEP;
    rig.setHeadGains(yawGain, pitchGain);
  }
  while (pitchGain * GAIN_CAP_STEP >= MIN_CAPPED_GAIN && (tearsAt(0, pitch) || tearsAt(0, -pitch))) {
    pitchGain *= GAIN_CAP_STEP;
    rig.setHeadGains(yawGain, pitchGain);
  }
  rig.setTurnCorrectives(saved);
}
