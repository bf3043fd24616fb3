// How far each measured change from the neutral face goes to make a weight of 1: the landmark
// solver's tuning, in one place. Lengths are in the head frame's unit, the outer eye corners' span.

/**
 * A weight from a change (`deadZone` must be under half of `full`): `change / full`, clamped to [0, 1], gated off below `deadZone` (the
 * detector's jitter and what head turns leak in) and fading in smoothly up to twice that, so
 * larger changes are read without the bias a subtracted dead zone would give. NaN reads as 0.
 */
export function response(change: number, full: number, deadZone: number): number {
  if (!(change > deadZone)) return 0;
  const t = (change - deadZone) / deadZone;
  const gate = t >= 1 ? 1 : t * t * (3 - 2 * t);
  const weight = (change / full) * gate;
  return weight < 1 ? weight : 1;
}

// The figures below were measured with the embedded model on frames the warp generator rendered
// with known controls (`npm run eval`, solver section: medians over the 17 human portraits).

/**
 * Eye aspect ratio over its neutral value. At or above OPEN the eye counts as open (a head
 * pitched 15° away reads about 0.9); at CLOSED as shut: the detector never reads a closed lid as
 * a line, and on a full blink the portraits' median lies at 0.48 (left) and 0.54 (right).
 */
export const EYE_OPEN_RATIO = 0.88;
export const EYE_CLOSED_RATIO = 0.6;

/** Inner-lip gap beyond neutral at jawOpen = 1 (0.160 measured, on rigs whose jaw is calibrated: babylon/calibrateJaw). */
export const JAW_FULL_GAP = 0.16;
export const JAW_DEAD_ZONE = 0.02;

/**
 * Mouth corner heights are measured from this share of the way down from the upper lip's middle
 * to the lower one's: an open jaw drops the corners about that much (0.35 measured), so opening
 * the mouth reads as no smile.
 */
export const CORNER_REFERENCE_SHARE = 0.35;
/**
 * Mouth corner rise at mouthSmile = 1 (0.057 measured, on rigs whose smile is calibrated:
 * babylon/calibrateSmile) and drop at mouthFrown = 1 (the rig moves a frown 0.9× as far as its
 * authored smile, which read 0.062 uncalibrated).
 */
export const SMILE_FULL_RISE = 0.057;
export const FROWN_FULL_DROP = 0.056;
/** A head pitched 15° moves a corner up to 0.022 against the head: no smile or frown below this. */
export const CORNER_DEAD_ZONE = 0.015;

/**
 * Brow end rise at browInnerUp / browOuterUp = 1 and drop at browDown = 1: the rig moves brows
 * 0.9× and 0.7× as far as the authored smile's corners (0.062). Turns of 20° and an open jaw read up to 0.025.
 */
export const BROW_FULL_RISE = 0.056;
export const BROW_FULL_DROP = 0.043;
export const BROW_DEAD_ZONE = 0.015;

/**
 * Iris shift against the eye's corners, in eye widths, at an eyeLook weight of 1 sideways: 0.15
 * measured on gaze-calibrated rigs (babylon/calibrateGaze; the authored travel read 0.196), and
 * vertically (the rig's vertical look, which no calibration scales).
 */
export const GAZE_FULL_SIDEWAYS = 0.15;
export const GAZE_FULL_VERTICAL = 0.1;
/** Head turns of 20° shift a painted iris sideways against its eye corners by 0.05 (median of the worst eye) and more: gaze is the noisiest figure. */
export const GAZE_DEAD_ZONE = 0.06;
/** Vertically the iris moves less: a smaller gate, so that the weight still reaches 1 (the gate must end below full). */
export const GAZE_VERTICAL_DEAD_ZONE = 0.03;
