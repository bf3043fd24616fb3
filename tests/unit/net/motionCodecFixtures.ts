// Random face controls for the codec tests.
import { FaceControls, HEAD_ROTATION_LIMITS, HEAD_TRANSLATION_LIMIT } from '../../../plugin/core/FaceControls';
import { BLENDSHAPE_COUNT } from '../../../plugin/core/arkitBlendshapes';
import type { SeededRandom } from '../../../plugin/core/SeededRandom';

/** Controls with every channel uniform over its whole range, hitting the ends now and then. */
export function randomControls(random: SeededRandom, out = new FaceControls()): FaceControls {
  out.setHead(
    randomSymmetric(random, HEAD_ROTATION_LIMITS.yaw),
    randomSymmetric(random, HEAD_ROTATION_LIMITS.pitch),
    randomSymmetric(random, HEAD_ROTATION_LIMITS.roll),
  );
  out.setHeadPosition(
    randomSymmetric(random, HEAD_TRANSLATION_LIMIT),
    randomSymmetric(random, HEAD_TRANSLATION_LIMIT),
    randomSymmetric(random, HEAD_TRANSLATION_LIMIT),
  );
  for (let i = 0; i < BLENDSHAPE_COUNT; i++) {
    const pick = random.next();
    // One value in ten at each end, so the extreme codes are exercised.
    out.weights[i] = pick < 0.1 ? 0 : pick < 0.2 ? 1 : random.next();
  }
  return out;
}

function randomSymmetric(random: SeededRandom, limit: number): number {
  const pick = random.next();
  return pick < 0.05 ? -limit : pick < 0.1 ? limit : random.range(-limit, limit);
}

const HEAD_LIMITS = [HEAD_ROTATION_LIMITS.yaw, HEAD_ROTATION_LIMITS.pitch, HEAD_ROTATION_LIMITS.roll,
  HEAD_TRANSLATION_LIMIT, HEAD_TRANSLATION_LIMIT, HEAD_TRANSLATION_LIMIT];

/** True when every channel is finite and inside its FaceControls range. Allocates nothing: it runs 200,000 times. */
export function controlsAreValid(controls: FaceControls): boolean {
  if (!(headValid(controls.yaw, 0) && headValid(controls.pitch, 1) && headValid(controls.roll, 2) &&
    headValid(controls.x, 3) && headValid(controls.y, 4) && headValid(controls.z, 5))) return false;
  if (controls.weights.length !== BLENDSHAPE_COUNT) return false;
  for (let i = 0; i < BLENDSHAPE_COUNT; i++) {
    const weight = controls.weights[i];
    if (!(weight >= 0 && weight <= 1)) return false;
  }
  return true;
}

function headValid(value: number, channel: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= HEAD_LIMITS[channel];
}
