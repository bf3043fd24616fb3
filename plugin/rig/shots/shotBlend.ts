// How much of each shot shows in a posed frame: from how shut the eyes and how open the mouth are.
import { OPENINGS_LENGTH, OPENING_LID_LEFT, OPENING_LID_RIGHT, OPENING_MOUTH_GAP } from '../measureOpenings';
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

/** Where shotBlendWeights reads the portrait's own lip gap (face heights): just after measureOpenings' figures. */
export const SHOT_REST_GAP_AT = OPENINGS_LENGTH;
/** Floats of the `openings` array shotBlendWeights reads: measureOpenings' figures, then the rest gap. */
export const SHOT_OPENINGS_LENGTH = OPENINGS_LENGTH + 1;

/*
 * The helpers below take arrays and indices, never computed numbers, and return nothing: a double
 * handed to or returned from a function V8 does not inline is boxed, an allocation per frame.
 */

/** out[at] (a share, written there by the caller) eased through a smoothstep from `from` to `to`. */
function easeInPlace(out: Float32Array, at: number, from: number, to: number): void {
  const t = Math.min(1, Math.max(0, (out[at] - from) / (to - from)));
  out[at] = t * t * (3 - 2 * t);
}

/** One eye's weight into out[at]: 0 when the shot does not close that eye (`side` 0 subject right, 1 left). */
function eyeWeight(eyes: PortraitShotData, side: number, openings: Float32Array, lidAt: number, out: Float32Array, at: number): void {
  const shotClosure = eyes.eyeClosure[side];
  if (shotClosure < SHOT_EYES_CLOSED) {
    out[at] = 0;
    return;
  }
  out[at] = openings[lidAt] / shotClosure;
  easeInPlace(out, at, EYE_FROM, EYE_FULL);
}

/**
 * Writes the weights of the eyes shot and the mouth shot (null: none) for a frame whose
 * measureOpenings figures are `openings`, followed by the portrait's own lip gap in face
 * heights at SHOT_REST_GAP_AT. Allocation-free.
 */
export function shotBlendWeights(eyes: PortraitShotData | null, mouth: PortraitShotData | null, openings: Float32Array, out: Float32Array): void {
  if (eyes) {
    eyeWeight(eyes, 0, openings, OPENING_LID_RIGHT, out, SHOT_BLEND_EYE_RIGHT);
    eyeWeight(eyes, 1, openings, OPENING_LID_LEFT, out, SHOT_BLEND_EYE_LEFT);
  } else {
    out[SHOT_BLEND_EYE_RIGHT] = 0;
    out[SHOT_BLEND_EYE_LEFT] = 0;
  }
  if (mouth && mouth.mouthOpening > 0) {
    out[SHOT_BLEND_MOUTH] = (openings[OPENING_MOUTH_GAP] - openings[SHOT_REST_GAP_AT]) / mouth.mouthOpening;
    easeInPlace(out, SHOT_BLEND_MOUTH, MOUTH_FROM, MOUTH_FULL);
  } else {
    out[SHOT_BLEND_MOUTH] = 0;
  }
}
