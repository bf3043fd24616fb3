import { LIPS, SUBJECT_LEFT_EYE, SUBJECT_LEFT_IRIS, SUBJECT_RIGHT_EYE, SUBJECT_RIGHT_IRIS } from '../core/landmarkIndices';
import type { PortraitRigData } from './PortraitRigData';
import type { EyeOutline } from '../core/landmarkTypes';

/** The mouth interior fades in over this much lip parting beyond the rest gap (face heights). */
const MOUTH_FADE_IN = 0.015;
const UPPER_MID = LIPS.inner.upper[Math.floor(LIPS.inner.upper.length / 2)];
const LOWER_MID = LIPS.inner.lower[Math.floor(LIPS.inner.lower.length / 2)];

/**
 * Pixels per unit of the positions being measured (x, y), set by measureOpenings for its helpers:
 * numbers handed to a function V8 does not inline may be boxed, an allocation per frame.
 */
const SCALE = new Float64Array(2);

/** Indices into the `out` array of measureOpenings: the eyes' four figures, then the mouth's two. */
export const OPENING_GAZE_RIGHT = 0;
export const OPENING_GAZE_LEFT = 1;
export const OPENING_LID_RIGHT = 2;
export const OPENING_LID_LEFT = 3;
export const OPENING_MOUTH = 4;
export const OPENING_MOUTH_GAP = 5;
/** Floats measureOpenings writes. */
export const OPENINGS_LENGTH = 6;

/** Where each iris radius sits in PortraitRigData.irises (centre u, v, radius per eye). */
const IRIS_RADIUS_RIGHT = 2;
const IRIS_RADIUS_LEFT = 5;

/**
 * Each helper writes its figure into `out[at]` rather than returning it: a double returned or
 * passed between functions V8 does not inline is boxed, an allocation per frame.
 */
function irisMoved(d: PortraitRigData, posed: Float32Array, rest: Float32Array, eye: EyeOutline, centre: number, radiusAt: number, out: Float32Array, at: number): void {
  // Against the eye's corners, so a head turn or a head shift, which carries the whole eye, is not a gaze.
  const o = eye.outerCorner * 3, i = eye.innerCorner * 3;
  const eyeDx = (posed[o] - rest[o] + posed[i] - rest[i]) / 2;
  const eyeDy = (posed[o + 1] - rest[o + 1] + posed[i + 1] - rest[i + 1]) / 2;
  const dx = (posed[centre * 3] - rest[centre * 3] - eyeDx) * SCALE[0];
  const dy = (posed[centre * 3 + 1] - rest[centre * 3 + 1] - eyeDy) * SCALE[1];
  out[at] = Math.min(1, Math.sqrt(dx * dx + dy * dy) / Math.max(d.irises[radiusAt] * d.imageWidth, 1e-6));
}

const middle = (list: readonly number[]) => list[Math.floor(list.length / 2)];
const RIGHT_UPPER_MID = middle(SUBJECT_RIGHT_EYE.upperLid);
const RIGHT_LOWER_MID = middle(SUBJECT_RIGHT_EYE.lowerLid);
const LEFT_UPPER_MID = middle(SUBJECT_LEFT_EYE.upperLid);
const LEFT_LOWER_MID = middle(SUBJECT_LEFT_EYE.lowerLid);

/**
 * How shut an eye is, 0 (as at rest) .. 1 (lids meet or cross): the lid gap at the eye's middle
 * measured along its rest direction, so an upper lid pushed past the lower one still reads shut.
 */
function lidClosure(posed: Float32Array, rest: Float32Array, upperMid: number, lowerMid: number, out: Float32Array, at: number): void {
  const upper = upperMid * 3;
  const lower = lowerMid * 3;
  const rx = (rest[lower] - rest[upper]) * SCALE[0];
  const ry = (rest[lower + 1] - rest[upper + 1]) * SCALE[1];
  const restGapSq = rx * rx + ry * ry;
  if (restGapSq < 1e-12) {
    out[at] = 1;
    return;
  }
  // The posed gap projected on the rest gap, as a share of it.
  const share = ((posed[lower] - posed[upper]) * SCALE[0] * rx + (posed[lower + 1] - posed[upper + 1]) * SCALE[1] * ry) / restGapSq;
  out[at] = Math.min(1, Math.max(0, 1 - share));
}

/** The lip gap at the mouth's middle in face heights into out[OPENING_MOUTH_GAP], and how far it opened past rest into out[OPENING_MOUTH]. */
function mouthOpening(d: PortraitRigData, posed: Float32Array, rest: Float32Array, out: Float32Array): void {
  const h = d.frame.faceHeight;
  const u = UPPER_MID * 3;
  const l = LOWER_MID * 3;
  let dx = (posed[u] - posed[l]) * SCALE[0];
  let dy = (posed[u + 1] - posed[l + 1]) * SCALE[1];
  const gap = Math.sqrt(dx * dx + dy * dy) / h;
  dx = (rest[u] - rest[l]) * SCALE[0];
  dy = (rest[u + 1] - rest[l + 1]) * SCALE[1];
  const restGap = Math.sqrt(dx * dx + dy * dy) / h;
  out[OPENING_MOUTH] = Math.min(1, Math.max(0, (gap - restGap) / MOUTH_FADE_IN));
  out[OPENING_MOUTH_GAP] = gap;
}

/**
 * How far each iris has left its rest place (in iris radii, 0..1), how far the mouth has
 * opened beyond rest (0..1), the lip gap (face heights) and how shut each eye is (0..1): what the
 * generator needs to fade synthesized eye white, mouth interior and lash lines in (it takes how shut
 * from measureLids, before the head turn, and the shots read these on un-turned poses). `posed` and
 * `rest` are deform()'s output (u, v, depth) unless `inPixels`, when they are un-turned image
 * pixels as in the rig's rest. Allocation-free.
 */
export function measureOpenings(d: PortraitRigData, posed: Float32Array, rest: Float32Array, out: Float32Array, inPixels = false): void {
  SCALE[0] = inPixels ? 1 : d.imageWidth;
  SCALE[1] = inPixels ? 1 : d.imageHeight;
  irisMoved(d, posed, rest, SUBJECT_RIGHT_EYE, SUBJECT_RIGHT_IRIS.centre, IRIS_RADIUS_RIGHT, out, OPENING_GAZE_RIGHT);
  irisMoved(d, posed, rest, SUBJECT_LEFT_EYE, SUBJECT_LEFT_IRIS.centre, IRIS_RADIUS_LEFT, out, OPENING_GAZE_LEFT);
  mouthOpening(d, posed, rest, out);
  lidClosure(posed, rest, RIGHT_UPPER_MID, RIGHT_LOWER_MID, out, OPENING_LID_RIGHT);
  lidClosure(posed, rest, LEFT_UPPER_MID, LEFT_LOWER_MID, out, OPENING_LID_LEFT);
}

/**
 * How far the expressions alone have moved each iris against its eye corners (iris radii, 0..1),
 * into out[right] and out[left]: from un-turned `positions` (image pixels, as data.rest) before
 * any head-turn corrective, so a look counts and a turn's parallax does not. Allocation-free.
 */
export function measureLook(d: PortraitRigData, positions: Float32Array, out: Float32Array, right: number, left: number): void {
  SCALE[0] = 1;
  SCALE[1] = 1;
  irisMoved(d, positions, d.rest, SUBJECT_RIGHT_EYE, SUBJECT_RIGHT_IRIS.centre, IRIS_RADIUS_RIGHT, out, right);
  irisMoved(d, positions, d.rest, SUBJECT_LEFT_EYE, SUBJECT_LEFT_IRIS.centre, IRIS_RADIUS_LEFT, out, left);
}

/**
 * How shut each eye is from the expressions alone (0..1, as OPENING_LID_*), into out[right] and
 * out[left]: from un-turned `positions` (image pixels, as data.rest) before any head-turn
 * corrective, so a blink counts and a turn's foreshortening of the lid gap does not (a pitch
 * reads up to 0.46 shut on a three-quarter profile, enough to start the rim cover and lash line).
 * Allocation-free.
 */
export function measureLids(d: PortraitRigData, positions: Float32Array, out: Float32Array, right: number, left: number): void {
  SCALE[0] = 1;
  SCALE[1] = 1;
  lidClosure(positions, d.rest, RIGHT_UPPER_MID, RIGHT_LOWER_MID, out, right);
  lidClosure(positions, d.rest, LEFT_UPPER_MID, LEFT_LOWER_MID, out, left);
}

/** The portrait's own lip gap at the mouth's middle, in face heights (what OPENING_MOUTH_GAP reads at rest). */
export function restLipGap(d: PortraitRigData): number {
  const u = UPPER_MID * 3, l = LOWER_MID * 3;
  return Math.hypot(d.rest[u] - d.rest[l], d.rest[u + 1] - d.rest[l + 1]) / d.frame.faceHeight;
}

/**
 * How far un-turned `positions` (image pixels, as data.rest) part the lips at the mouth's middle
 * beyond the portrait's own gap, in face heights (0 if no further), into out[at]. Allocation-free.
 */
export function measureLipParting(d: PortraitRigData, positions: Float32Array, out: Float32Array, at: number): void {
  const u = UPPER_MID * 3, l = LOWER_MID * 3, rest = d.rest;
  // Math.hypot takes its arguments as a list, an allocation per call.
  const px = positions[u] - positions[l], py = positions[u + 1] - positions[l + 1];
  const rx = rest[u] - rest[l], ry = rest[u + 1] - rest[l + 1];
  const parting = (Math.sqrt(px * px + py * py) - Math.sqrt(rx * rx + ry * ry)) / d.frame.faceHeight;
  out[at] = parting > 0 ? parting : 0;
}
