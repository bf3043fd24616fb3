// How much of each shot shows in a posed frame: from how shut the eyes and how open the mouth are.
import { OPENING_LID_LEFT, OPENING_LID_RIGHT, OPENING_MOUTH_GAP } from '../measureOpenings';
import { SHOT_EYES_CLOSED, type PortraitShotData } from './PortraitShot';

/** Where shotBlendWeights writes each weight: the shader's `shotBlend` vector. */
export const SHOT_BLEND_EYE_RIGHT = 0;
export const SHOT_BLEND_EYE_LEFT = 1;
export const SHOT_BLEND_MOUTH = 2;
export const SHOT_BLEND_LENGTH = 4;

/**
 * An eye shot fades in over the last part of a blink, from this share of the shot's own closure
 * to all of it: half-shut lids blended with shut ones would show two lid lines.
 */
const EYE_FROM = 0.6;
const EYE_FULL = 1;
/** A mouth shot fades in as the lips part, and is whole from this share of its own opening. */
const MOUTH_FROM = 0.1;
const MOUTH_FULL = 0.7;

function smoothstep(from: number, to: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - from) / (to - from)));
  return t * t * (3 - 2 * t);
}

/** One eye's weight: 0 when the shot does not close that eye. Writes out[at] (a returned double would be boxed). */
function eyeWeight(shotClosure: number, posedClosure: number, out: Float32Array, at: number): void {
  out[at] = shotClosure >= SHOT_EYES_CLOSED ? smoothstep(EYE_FROM, EYE_FULL, posedClosure / shotClosure) : 0;
}

/**
 * Writes the weights of the eyes shot and the mouth shot (null: none) for a frame whose
 * measureOpenings figures are `openings`; `restGap` is the portrait's own lip gap in face
 * heights. Allocation-free.
 */
export function shotBlendWeights(
  eyes: PortraitShotData | null, mouth: PortraitShotData | null, openings: Float32Array, restGap: number, out: Float32Array,
): void {
  if (eyes) {
    eyeWeight(eyes.eyeClosure[0], openings[OPENING_LID_RIGHT], out, SHOT_BLEND_EYE_RIGHT);
    eyeWeight(eyes.eyeClosure[1], openings[OPENING_LID_LEFT], out, SHOT_BLEND_EYE_LEFT);
  } else {
    out[SHOT_BLEND_EYE_RIGHT] = 0;
    out[SHOT_BLEND_EYE_LEFT] = 0;
  }
  out[SHOT_BLEND_MOUTH] = mouth && mouth.mouthOpening > 0 ? smoothstep(MOUTH_FROM, MOUTH_FULL, (openings[OPENING_MOUTH_GAP] - restGap) / mouth.mouthOpening) : 0;
}
