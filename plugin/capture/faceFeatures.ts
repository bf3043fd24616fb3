// The figures the landmark solver reads off a face in the head's own frame: eye openings, the
// lip gap, mouth corner heights, brow heights and where each iris sits in its eye.
import {
  CHIN, FOREHEAD_TOP, LIPS, SUBJECT_LEFT_EYE, SUBJECT_LEFT_EYEBROW, SUBJECT_LEFT_IRIS, SUBJECT_RIGHT_EYE, SUBJECT_RIGHT_EYEBROW, SUBJECT_RIGHT_IRIS,
} from '../core/landmarkIndices';
import type { EyeOutline, EyebrowRows, IrisLandmarks } from '../core/landmarkTypes';
import { CORNER_REFERENCE_SHARE } from './solverResponse';

/** Where each figure sits in a features array. Left and Right are the subject's own sides. */
export const Feature = {
  /** Eye aspect ratio (eyeAspectRatio). */
  eyeLeft: 0, eyeRight: 1,
  /** Inner-lip gap at the middle of the mouth. */
  lipGap: 2,
  /** How high each outer mouth corner sits above a point in the lip gap (CORNER_REFERENCE_SHARE of the way down). */
  cornerLeft: 3, cornerRight: 4,
  /** Height of each brow's inner and outer ends above the nose bridge. */
  browInnerLeft: 5, browInnerRight: 6, browOuterLeft: 7, browOuterRight: 8,
  /** Iris centre from the middle of its eye, in eye widths: x toward the image's right, y up. */
  irisXLeft: 9, irisYLeft: 10, irisXRight: 11, irisYRight: 12,
} as const;

/** Length of a features array. */
export const FEATURE_COUNT = 13;

type Points = ArrayLike<number>;

/** 2D distance between points a and b of an x, y, z array. */
export const distance = (p: Points, a: number, b: number): number => Math.hypot(p[a * 3] - p[b * 3], p[a * 3 + 1] - p[b * 3 + 1]);

/** Mean gap between matching upper and lower lid points, over the eye's width (corner to corner). */
export function eyeAspectRatio(p: Points, eye: EyeOutline): number {
  let gap = 0;
  const inner = eye.upperLid.length - 2;
  for (let k = 1; k <= inner; k++) gap += distance(p, eye.upperLid[k], eye.lowerLid[k]);
  return gap / inner / distance(p, eye.outerCorner, eye.innerCorner);
}

/** Unit vector from chin to forehead in image pixels (y grows down): the face's up, for bake-time and eval measures. */
export function upAxis(p: Points): [number, number] {
  const dx = p[FOREHEAD_TOP * 3] - p[CHIN * 3], dy = p[FOREHEAD_TOP * 3 + 1] - p[CHIN * 3 + 1];
  const length = Math.hypot(dx, dy);
  return [dx / length, dy / length];
}

/**
 * How far an iris centre moved from `neutral` to `seen` (image pixels, both) toward the subject's
 * left, the viewer's right, in the neutral eye's widths: QUALITY.md's gaze figure, read across
 * the neutral face (its up turned a quarter clockwise on screen).
 */
export function irisShift(neutral: Points, seen: Points, iris: IrisLandmarks, eye: EyeOutline): number {
  const [ux, uy] = upAxis(neutral);
  const c = iris.centre * 3;
  return ((seen[c] - neutral[c]) * -uy + (seen[c + 1] - neutral[c + 1]) * ux) / distance(neutral, eye.outerCorner, eye.innerCorner);
}

const UPPER_LIP_MID = LIPS.inner.upper[(LIPS.inner.upper.length - 1) / 2];
const LOWER_LIP_MID = LIPS.inner.lower[(LIPS.inner.lower.length - 1) / 2];

/** Inner-lip gap at the middle of the mouth over the mouth's width (outer corners): QUALITY.md's mouth opening. */
export function mouthOpening(p: Points): number {
  return distance(p, UPPER_LIP_MID, LOWER_LIP_MID) / distance(p, LIPS.outer.subjectRightCorner, LIPS.outer.subjectLeftCorner);
}
/** How many points at each end of a brow row count as its inner or outer end. */
const BROW_END_POINTS = 2;

/**
 * Measures `local` (landmarks in the head's frame, from toHeadFrame: y grows downward) into
 * `out`, FEATURE_COUNT long. Heights are positive upward. Allocates nothing.
 */
export function measureFeatures(local: Points, out: Float64Array): void {
  out[Feature.eyeLeft] = eyeAspectRatio(local, SUBJECT_LEFT_EYE);
  out[Feature.eyeRight] = eyeAspectRatio(local, SUBJECT_RIGHT_EYE);
  out[Feature.lipGap] = distance(local, UPPER_LIP_MID, LOWER_LIP_MID);
  const upperY = local[UPPER_LIP_MID * 3 + 1];
  const referenceY = upperY + CORNER_REFERENCE_SHARE * (local[LOWER_LIP_MID * 3 + 1] - upperY);
  out[Feature.cornerLeft] = referenceY - local[LIPS.outer.subjectLeftCorner * 3 + 1];
  out[Feature.cornerRight] = referenceY - local[LIPS.outer.subjectRightCorner * 3 + 1];
  out[Feature.browInnerLeft] = browHeight(local, SUBJECT_LEFT_EYEBROW, true);
  out[Feature.browInnerRight] = browHeight(local, SUBJECT_RIGHT_EYEBROW, true);
  out[Feature.browOuterLeft] = browHeight(local, SUBJECT_LEFT_EYEBROW, false);
  out[Feature.browOuterRight] = browHeight(local, SUBJECT_RIGHT_EYEBROW, false);
  irisPlace(local, SUBJECT_LEFT_EYE, SUBJECT_LEFT_IRIS, out, Feature.irisXLeft);
  irisPlace(local, SUBJECT_RIGHT_EYE, SUBJECT_RIGHT_IRIS, out, Feature.irisXRight);
}

/** Mean height (upward) of the brow's inner or outer end points, both rows. Rows run outer → inner. */
function browHeight(p: Points, brow: EyebrowRows, innerEnd: boolean): number {
  let sum = 0;
  for (let k = 0; k < BROW_END_POINTS; k++) {
    const upper = innerEnd ? brow.upper[brow.upper.length - 1 - k] : brow.upper[k];
    const lower = innerEnd ? brow.lower[brow.lower.length - 1 - k] : brow.lower[k];
    sum -= p[upper * 3 + 1] + p[lower * 3 + 1];
  }
  return sum / (2 * BROW_END_POINTS);
}

/** The iris centre relative to the middle of the eye's corners, in eye widths, x right and y up, into out[at], out[at + 1]. */
function irisPlace(p: Points, eye: EyeOutline, iris: IrisLandmarks, out: Float64Array, at: number): void {
  const width = distance(p, eye.outerCorner, eye.innerCorner);
  const mx = (p[eye.outerCorner * 3] + p[eye.innerCorner * 3]) / 2;
  const my = (p[eye.outerCorner * 3 + 1] + p[eye.innerCorner * 3 + 1]) / 2;
  out[at] = (p[iris.centre * 3] - mx) / width;
  out[at + 1] = (my - p[iris.centre * 3 + 1]) / width;
}
