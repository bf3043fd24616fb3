// What a shot shows that its portrait does not: how shut each eye is and how far the mouth is open.
import { LIPS, SUBJECT_LEFT_EYE, SUBJECT_RIGHT_EYE } from '../../core/landmarkIndices';
import type { EyeOutline } from '../../core/landmarkTypes';

/** Lid pairs either side of the eye's middle averaged into its gap: one pair alone is at the mercy of one landmark. */
const LID_PAIRS_EACH_SIDE = 1;

/** A shot's expression against its portrait's. */
export interface ShotExpression {
  /** How shut each eye is against the portrait, 0 (as open) .. 1 (lids meet): subject right, then left. */
  readonly eyeClosure: readonly [number, number];
  /** How much further apart the inner lips are than the portrait's, in face heights (negative when less). */
  readonly mouthOpening: number;
}

/** x, y of landmark i in a points array with `stride` floats per point. */
type Points = { readonly values: ArrayLike<number>; readonly stride: number };

function distance(p: Points, a: number, b: number): number {
  const s = p.stride;
  return Math.hypot(p.values[a * s] - p.values[b * s], p.values[a * s + 1] - p.values[b * s + 1]);
}

function lidGap(p: Points, eye: EyeOutline): number {
  const mid = Math.floor(eye.upperLid.length / 2);
  let sum = 0, n = 0;
  for (let k = mid - LID_PAIRS_EACH_SIDE; k <= mid + LID_PAIRS_EACH_SIDE; k++) {
    sum += distance(p, eye.upperLid[k], eye.lowerLid[k]);
    n++;
  }
  return sum / n;
}

const mid = (list: readonly number[]) => list[Math.floor(list.length / 2)];
const lipGap = (p: Points) => distance(p, mid(LIPS.inner.upper), mid(LIPS.inner.lower));

/**
 * Compares a shot's landmarks with its portrait's rest landmarks (both in their own image
 * pixels); `shotScale` is how many shot pixels one portrait pixel spans, `faceHeight` the
 * portrait's face unit in its pixels.
 */
export function shotExpression(portrait: Points, shot: Points, shotScale: number, faceHeight: number): ShotExpression {
  const closure = (eye: EyeOutline) => {
    const rest = lidGap(portrait, eye);
    if (!(rest > 1e-6)) return 0;
    return Math.min(1, Math.max(0, 1 - lidGap(shot, eye) / shotScale / rest));
  };
  return {
    eyeClosure: [closure(SUBJECT_RIGHT_EYE), closure(SUBJECT_LEFT_EYE)],
    mouthOpening: (lipGap(shot) / shotScale - lipGap(portrait)) / faceHeight,
  };
}
