import { Blendshape } from '../core/arkitBlendshapes';
import type { EyeOutline, IrisLandmarks } from '../core/landmarkTypes';
import {
  CHIN, FACE_OVAL, LIPS, NOSE_TIP, SUBJECT_LEFT_EYE, SUBJECT_LEFT_EYEBROW, SUBJECT_RIGHT_EYE, SUBJECT_RIGHT_EYEBROW,
} from '../core/landmarkIndices';
import type { MorphHandles } from './harmonicMorph';
import { MorphContext, added, scaled } from './morphContext';

/**
 * How far each control moves the face at weight 1, in face heights (FH) or as a share of a
 * feature's own size. Figures from the first calibration (shared/design/CALIBRATION.md) where
 * it measured them: a chin drop of 0.12 FH opened every mouth enough, smiles read 1:1, the
 * detector needs the iris moved about 0.4 eye widths.
 */
/**
 * The jaw's drop at jawOpen = 1 (the lower lip's is this times the square root of how far below
 * the ears it lies, and the chin drops with it). Most portraits' calibrations lessen it; at 0.13,
 * 5 of 36 mouths read under QUALITY.md's 0.30, at 0.145 only a profile's (flare-female07).
 */
const JAW_DROP = 0.145;
/**
 * The face outline as the jaw opens, as the detector reads it (17 portraits, each outline point's
 * re-detected drop against the lower lip's): from the ears down, a share of the chin's drop that
 * grows linearly from this at the ears to all of it at the chin; above the ears, fading out.
 */
const JAW_OUTLINE_EAR_SHARE = 0.24;
/** How far above the ears the outline still drops, as a share of the chin's depth below them. */
const JAW_OUTLINE_TAPER_ABOVE_EARS = 0.6;
/** The mouth corners come in this share of the lower lip's drop as the jaw opens (the detector: 0.1 on both sides). */
const JAW_CORNER_IN = 0.1;
/**
 * The cheeks drop this share of the lower lip's drop, plus the slope times how far below the ears
 * they lie: the detector reads them dropping about half as far as the outline's pull dragged them,
 * and with them held, no jaw of 36 portraits folds a triangle beside the nose at full drop.
 */
const JAW_CHEEK_SHARE = 0.04;
const JAW_CHEEK_SLOPE = 0.55;
/** The mouth corners drop this share of the chin's drop. */
const JAW_CORNER_SHARE = 0.3;
const BLINK_LOWER_RAISE = 0.3;
const BLINK_OVERSHOOT = 0.06;
const BLINK_LID_FORWARD = 0.008;
const WIDE_LIFT = 0.3;
const SQUINT_LOWER_RAISE = 0.35;
const SQUINT_UPPER_DROP = 0.12;
const GAZE_SIDEWAYS = 0.4;
/**
 * A sideways gaze stops with the iris centre this many iris radii short of the eye corner: its
 * edge just tucked into the corner, as in a real eye's furthest look. At 1 (edge at the corner)
 * the detector read the look short of QUALITY.md's 20 % of the eye width on 36 of 72 irises
 * (36 portraits), at 0.8 on 29; further, a large painted iris slips behind the corner and the
 * eye reads as blind.
 */
const GAZE_CORNER_CLEARANCE = 0.8;
/**
 * A sideways look carries the lids' middles this share of the iris's travel: the lid rides on the
 * cornea's bulge, so its highest point follows the gaze while the corners stay.
 */
const GAZE_LID_FOLLOW = 0.3;
const GAZE_VERTICAL = 0.22;
const GAZE_UP_LID_LIFT = 0.12;
const GAZE_DOWN_LID_DROP = 0.3;
const SMILE = { out: 0.03, up: 0.05 };
const FROWN = { out: 0.01, up: -0.045 };
const STRETCH = { out: 0.045, up: -0.01 };
const DIMPLE = { out: 0.015, up: 0.005 };
const PUCKER_IN = 0.05;
const FUNNEL_IN = 0.03;
const LIPS_FORWARD = 0.035;
const LIP_SHIFT = 0.04;
const PRESS = 0.01;
const ROLL_IN = 0.6;
const SHRUG = 0.018;
const UPPER_UP = 0.03;
const LOWER_DOWN = 0.035;
const BROW_DOWN = 0.035;
const BROW_UP = 0.045;
const CHEEK_PUFF = 0.035;
const CHEEK_SQUINT = 0.025;
const SNEER = 0.025;

/** Nose points that no expression but a sneer moves. */
const NOSE = [NOSE_TIP, 2, 4, 5, 6, 19, 94, 168, 195, 197];
const NOSE_WING = { left: [358, 327, 294, 278, 279, 331], right: [129, 98, 64, 48, 49, 102] };
const CHEEK = { left: [425, 411, 376, 352, 280, 346, 347, 330, 266, 416], right: [205, 187, 147, 123, 50, 117, 118, 101, 36, 192] };
const UNDER_EYE = { left: [253, 254, 339, 255, 448, 449, 450, 451], right: [23, 24, 110, 25, 228, 229, 230, 231] };
const EAR_LEVEL = { left: 454, right: 234 };

export interface EyeParts {
  readonly eye: EyeOutline;
  readonly iris: IrisLandmarks;
  readonly irisRim: readonly number[];
  /** +1 for the subject's left (the viewer's right), -1 for the subject's right. */
  readonly sign: 1 | -1;
}

type Side = 'left' | 'right';
const SIDES: readonly Side[] = ['left', 'right'];
const signOf = (side: Side): 1 | -1 => (side === 'left' ? 1 : -1);

function handles(spreadFh: number, ctx: MorphContext, pinned: Iterable<number>): MorphHandles {
  return { moving: new Map(), pinned: new Set(pinned), spreadPx: spreadFh * ctx.faceHeight };
}

const eyeLoops = [...SUBJECT_LEFT_EYE.loop, ...SUBJECT_RIGHT_EYE.loop];
const brows = [...SUBJECT_LEFT_EYEBROW.upper, ...SUBJECT_LEFT_EYEBROW.lower, ...SUBJECT_RIGHT_EYEBROW.upper, ...SUBJECT_RIGHT_EYEBROW.lower];
const allLips = [...new Set([...LIPS.outer.loop, ...LIPS.inner.loop])];
const corners = [LIPS.outer.subjectLeftCorner, LIPS.outer.subjectRightCorner, LIPS.inner.subjectLeftCorner, LIPS.inner.subjectRightCorner];
const lipMidline = [0, 13, 14, 17];
const inner = (list: readonly number[]) => list.slice(1, -1);

/** Lid point k of `count` (corners left out) along a half sine: 1 at the lid's middle, falling to 0 toward the corners. */
const lidPeak = (k: number, count: number): number => Math.sin((Math.PI * (k + 1)) / (count + 1));
/**
 * Lid points move less toward the eye corners, along the half sine's root (flatter than it): the
 * corners are a pixel or two wide, and a full sweep there would carry a lid point past its
 * neighbours and fold them.
 */
const cornerTaper = (k: number, count: number): number => Math.sqrt(lidPeak(k, count));

/**
 * Share of a mouth corner's motion a lip point takes: none at the middle, all at the corner,
 * linear between. A linear share moves the lips as a shear, which keeps even the lips'
 * pixel-thin triangles the right way round; a squared share folded them on 6 of 17 fixtures.
 */
const LIP_FOLLOW_POWER = 1;
/** The outer quarter of each half of the mouth moves with its corner as one piece: the corner's triangles are a pixel or two across. */
const CORNER_RIGID_SHARE = 0.75;
const lipFollow = (across: number, power = LIP_FOLLOW_POWER): number => Math.min(1, Math.max(0, across) / CORNER_RIGID_SHARE) ** power;
/** The lower lip drops with the chin over most of its width and less only near the corners: the mouth must open wide enough to read (QUALITY.md). */
const JAW_CORNER_POWER = 2;
/** Landmarks of the face surface proper (the irises follow them). */
const FACE_MESH_POINTS = 468;

/** Every rigged blendshape's handles, keyed by its ARKit index. */
export function authorMorphs(ctx: MorphContext, eyes: readonly EyeParts[]): Map<number, MorphHandles> {
  const morphs = new Map<number, MorphHandles>();
  for (const parts of eyes) authorEye(ctx, parts, morphs);
  authorJawAndMouth(ctx, morphs);
  for (const side of SIDES) authorMouthSide(ctx, side, morphs);
  authorBrowsCheeksNose(ctx, morphs);
  return morphs;
}

function authorEye(ctx: MorphContext, { eye, iris, irisRim, sign }: EyeParts, morphs: Map<number, MorphHandles>): void {
  const left = sign > 0;
  const pick = (l: number, r: number) => (left ? l : r);
  const lidPins = [eye.outerCorner, eye.innerCorner, ...brows];
  const upper = inner(eye.upperLid);
  const lower = inner(eye.lowerLid);
  const gap = (k: number) => ctx.between(eye.lowerLid[k + 1], eye.upperLid[k + 1], 1);

  const blink = handles(0.18, ctx, lidPins);
  upper.forEach((v, k) => blink.moving.set(v, added(scaled(gap(k), -(1 - BLINK_LOWER_RAISE + BLINK_OVERSHOOT) * cornerTaper(k, upper.length)), [0, 0, BLINK_LID_FORWARD * ctx.faceHeight])));
  lower.forEach((v, k) => blink.moving.set(v, scaled(gap(k), BLINK_LOWER_RAISE * cornerTaper(k, lower.length))));
  morphs.set(pick(Blendshape.eyeBlinkLeft, Blendshape.eyeBlinkRight), blink);

  const wide = handles(0.15, ctx, lidPins);
  upper.forEach((v, k) => wide.moving.set(v, scaled(gap(k), WIDE_LIFT)));
  morphs.set(pick(Blendshape.eyeWideLeft, Blendshape.eyeWideRight), wide);

  const squint = handles(0.15, ctx, lidPins);
  upper.forEach((v, k) => squint.moving.set(v, scaled(gap(k), -SQUINT_UPPER_DROP * cornerTaper(k, upper.length))));
  lower.forEach((v, k) => squint.moving.set(v, scaled(gap(k), SQUINT_LOWER_RAISE * cornerTaper(k, lower.length))));
  morphs.set(pick(Blendshape.eyeSquintLeft, Blendshape.eyeSquintRight), squint);

  const width = ctx.eyeWidth(eye) / ctx.faceHeight;
  const irisVertices = [iris.centre, ...iris.ring, ...irisRim];
  const m = ctx.mesh;
  const irisX = m.x(iris.centre), irisY = m.y(iris.centre);
  const irisRadius = iris.ring.reduce((sum, r) => sum + Math.hypot(m.x(r) - irisX, m.y(r) - irisY), 0) / iris.ring.length / ctx.faceHeight;
  /** How far (face heights) the iris may travel toward a corner before its edge meets it. */
  const sideways = (corner: number) =>
    Math.max(0, Math.min(GAZE_SIDEWAYS * width, Math.abs(ctx.lateral(corner, irisX, irisY)) - GAZE_CORNER_CLEARANCE * irisRadius));
  /** `right` in face heights, `up` in eye widths. */
  const look = (right: number, up: number, lid: number) => {
    const h = handles(lid === 0 && right === 0 ? 0 : 0.12, ctx, lidPins);
    for (const v of irisVertices) h.moving.set(v, ctx.face(right, up * width));
    if (lid !== 0) upper.forEach((v, k) => h.moving.set(v, scaled(gap(k), lid)));
    if (right !== 0) {
      for (const lidPoints of [upper, lower]) lidPoints.forEach((v, k) => h.moving.set(v, ctx.face(right * GAZE_LID_FOLLOW * lidPeak(k, lidPoints.length), 0)));
    }
    return h;
  };
  morphs.set(pick(Blendshape.eyeLookOutLeft, Blendshape.eyeLookOutRight), look(sign * sideways(eye.outerCorner), 0, 0));
  morphs.set(pick(Blendshape.eyeLookInLeft, Blendshape.eyeLookInRight), look(-sign * sideways(eye.innerCorner), 0, 0));
  morphs.set(pick(Blendshape.eyeLookUpLeft, Blendshape.eyeLookUpRight), look(0, GAZE_VERTICAL, GAZE_UP_LID_LIFT));
  morphs.set(pick(Blendshape.eyeLookDownLeft, Blendshape.eyeLookDownRight), look(0, -GAZE_VERTICAL, -GAZE_DOWN_LID_DROP));
}

/** How far below the ears a point lies, as a share of the chin's depth below them (negative above the ears). */
function belowEars(ctx: MorphContext, vertex: number): number {
  const [ex, ey] = ctx.midpoint(EAR_LEVEL.left, EAR_LEVEL.right);
  return ctx.height(vertex, ex, ey) / ctx.height(CHIN, ex, ey);
}

/** Share of the chin's drop a point takes: the square root of how far below the ears it lies. */
function jawShare(ctx: MorphContext, vertex: number): number {
  return Math.sqrt(Math.min(1, Math.max(0, belowEars(ctx, vertex))));
}

/**
 * Share of the chin's drop a point of the face outline takes as the jaw opens, by how far below
 * the ears it lies: linear from the ears down, tapering to nothing some way above them.
 */
function outlineJawShare(below: number): number {
  if (below >= 0) return JAW_OUTLINE_EAR_SHARE + (1 - JAW_OUTLINE_EAR_SHARE) * Math.min(1, below);
  return JAW_OUTLINE_EAR_SHARE * Math.max(0, 1 + below / JAW_OUTLINE_TAPER_ABOVE_EARS);
}

function authorJawAndMouth(ctx: MorphContext, morphs: Map<number, MorphHandles>): void {
  const upperLips = [...inner(LIPS.outer.upper), ...inner(LIPS.inner.upper)];
  const lowerLips = [...inner(LIPS.outer.lower), ...inner(LIPS.inner.lower)];
  // Every point of the lips, the rows between the outer and inner contours too, split at the
  // line between the corners.
  const [lx, ly] = ctx.midpoint(LIPS.outer.subjectLeftCorner, LIPS.outer.subjectRightCorner);
  const lipArea = ctx.within(LIPS.outer.loop, FACE_MESH_POINTS).filter((v) => !corners.includes(v));
  /** Below the line where the lips meet, at the point's own place across the mouth. */
  const nearestAcross = (v: number, row: readonly number[]) =>
    row.reduce((best, u) => (Math.abs(ctx.lateral(u, lx, ly) - ctx.lateral(v, lx, ly)) < Math.abs(ctx.lateral(best, lx, ly) - ctx.lateral(v, lx, ly)) ? u : best));
  const meetLine = (v: number) => (ctx.height(nearestAcross(v, LIPS.inner.upper), lx, ly) + ctx.height(nearestAcross(v, LIPS.inner.lower), lx, ly)) / 2;
  const isLower = (v: number) => lowerLips.includes(v) || (!upperLips.includes(v) && ctx.height(v, lx, ly) < meetLine(v));
  const upperArea = lipArea.filter((v) => !isLower(v));
  const lowerArea = lipArea.filter(isLower);
  const lowFace = FACE_OVAL.filter((v) => jawShare(ctx, v) > 0.2);
  const highFace = FACE_OVAL.filter((v) => jawShare(ctx, v) <= 0.2);
  /** What no jaw or mouth motion moves, but for the outline. */
  const heldInside = [...upperLips, ...NOSE, ...eyeLoops, ...brows];
  const still = [...heldInside, ...highFace];

  const [mx, my] = ctx.midpoint(LIPS.outer.subjectLeftCorner, LIPS.outer.subjectRightCorner);
  const halfWidth = Math.abs(ctx.lateral(LIPS.outer.subjectLeftCorner, mx, my));
  /** 0 at the mouth's middle, 1 at either corner. */
  const towardCorner = (v: number) => lipFollow(Math.abs(ctx.lateral(v, mx, my)) / halfWidth, JAW_CORNER_POWER);

  // The lower lip drops with the chin, less toward the corners (which drop least), and the
  // upper lip's ends follow the corners, so no lip triangle turns over.
  const jawOutline = FACE_OVAL.filter((v) => outlineJawShare(belowEars(ctx, v)) > 0);
  const jawStill = [...heldInside, ...FACE_OVAL.filter((v) => !jawOutline.includes(v))];
  const jaw = handles(0.8, ctx, jawStill.filter((v) => !upperArea.includes(v)));
  const cornerDrop = (v: number) => JAW_DROP * jawShare(ctx, v) * JAW_CORNER_SHARE;
  const lipDrop = JAW_DROP * jawShare(ctx, LIPS.inner.lower[(LIPS.inner.lower.length - 1) / 2]);
  // The chin drops with the lower lip, one bone: the detector reads the chin's drop at about
  // two thirds of any drop greater than the lip's (the skin between them stretched).
  for (const v of jawOutline) jaw.moving.set(v, ctx.face(0, -lipDrop * outlineJawShare(belowEars(ctx, v))));
  // The mouth narrows as it opens: the corners come in, the lips with them by their share.
  const narrow = (v: number) => -Math.sign(ctx.lateral(v, mx, my)) * JAW_CORNER_IN * lipDrop * towardCorner(v);
  for (const v of lowerArea) jaw.moving.set(v, ctx.face(narrow(v), -(lipDrop + (cornerDrop(v) - lipDrop) * towardCorner(v))));
  for (const v of upperArea) jaw.moving.set(v, ctx.face(narrow(v), -cornerDrop(v) * towardCorner(v)));
  for (const v of corners) jaw.moving.set(v, ctx.face(narrow(v), -cornerDrop(v)));
  const cheekDrop = (v: number) => lipDrop * (JAW_CHEEK_SHARE + JAW_CHEEK_SLOPE * Math.max(0, belowEars(ctx, v)));
  for (const v of [...CHEEK.left, ...CHEEK.right]) jaw.moving.set(v, ctx.face(0, -cheekDrop(v)));
  morphs.set(Blendshape.jawOpen, jaw);

  const close = handles(0.25, ctx, [...still, ...corners, ...lowFace]);
  for (const v of lowerLips) close.moving.set(v, ctx.face(0, JAW_DROP * jawShare(ctx, v) * 0.97));
  morphs.set(Blendshape.mouthClose, close);

  for (const [name, sign] of [[Blendshape.jawLeft, 1], [Blendshape.jawRight, -1]] as const) {
    const h = handles(0.6, ctx, still);
    for (const v of [...lowFace, ...lowerLips]) h.moving.set(v, ctx.face(sign * LIP_SHIFT * jawShare(ctx, v), 0));
    morphs.set(name, h);
  }

  const towardCentre = (v: number, amount: number) => ctx.face(-Math.sign(ctx.lateral(v, mx, my)) * amount, 0);

  const pucker = handles(0.3, ctx, [...NOSE, ...eyeLoops, CHIN]);
  for (const v of allLips) pucker.moving.set(v, added(towardCentre(v, PUCKER_IN * Math.min(1, Math.abs(ctx.lateral(v, mx, my)) / 0.15)), [0, 0, LIPS_FORWARD * ctx.faceHeight]));
  morphs.set(Blendshape.mouthPucker, pucker);

  const funnel = handles(0.3, ctx, [...NOSE, ...eyeLoops, CHIN]);
  for (const v of allLips) funnel.moving.set(v, added(towardCentre(v, FUNNEL_IN * Math.min(1, Math.abs(ctx.lateral(v, mx, my)) / 0.15)), [0, 0, LIPS_FORWARD * ctx.faceHeight]));
  for (const v of inner(LIPS.inner.upper)) funnel.moving.set(v, added(funnel.moving.get(v)!, ctx.face(0, 0.015)));
  for (const v of inner(LIPS.inner.lower)) funnel.moving.set(v, added(funnel.moving.get(v)!, ctx.face(0, -0.02)));
  morphs.set(Blendshape.mouthFunnel, funnel);

  for (const [name, sign] of [[Blendshape.mouthLeft, 1], [Blendshape.mouthRight, -1]] as const) {
    const h = handles(0.3, ctx, [...NOSE, ...eyeLoops, CHIN]);
    for (const v of allLips) h.moving.set(v, ctx.face(sign * LIP_SHIFT, 0));
    morphs.set(name, h);
  }

  const rollLower = handles(0.12, ctx, [...corners, ...upperLips]);
  inner(LIPS.outer.lower).forEach((v, k) => rollLower.moving.set(v, ctx.between(v, LIPS.inner.lower[k + 1], ROLL_IN)));
  morphs.set(Blendshape.mouthRollLower, rollLower);
  const rollUpper = handles(0.12, ctx, [...corners, ...lowerLips, ...NOSE]);
  inner(LIPS.outer.upper).forEach((v, k) => rollUpper.moving.set(v, ctx.between(v, LIPS.inner.upper[k + 1], ROLL_IN)));
  morphs.set(Blendshape.mouthRollUpper, rollUpper);

  const shrugUpper = handles(0.15, ctx, [...NOSE, ...corners, ...lowerLips]);
  for (const v of upperLips) shrugUpper.moving.set(v, ctx.face(0, SHRUG));
  morphs.set(Blendshape.mouthShrugUpper, shrugUpper);
  const shrugLower = handles(0.3, ctx, [...upperLips, ...corners, ...NOSE]);
  for (const v of lowerLips) shrugLower.moving.set(v, ctx.face(0, SHRUG));
  shrugLower.moving.set(CHIN, ctx.face(0, SHRUG * 0.5));
  morphs.set(Blendshape.mouthShrugLower, shrugLower);
}

function authorMouthSide(ctx: MorphContext, side: Side, morphs: Map<number, MorphHandles>): void {
  const sign = signOf(side);
  const left = side === 'left';
  const pick = (l: number, r: number) => (left ? l : r);
  const myCorners = left ? [LIPS.outer.subjectLeftCorner, LIPS.inner.subjectLeftCorner] : [LIPS.outer.subjectRightCorner, LIPS.inner.subjectRightCorner];
  const otherCorners = corners.filter((c) => !myCorners.includes(c));
  const [cx, cy] = ctx.midpoint(LIPS.outer.subjectLeftCorner, LIPS.outer.subjectRightCorner);
  const half = Math.abs(ctx.lateral(LIPS.outer.subjectLeftCorner, cx, cy));
  /** The lips on this side follow the corner, more the nearer they are to it, so none turns over. */
  const follow = (v: number) => lipFollow((sign * ctx.lateral(v, cx, cy)) / half);
  const lips = ctx.within(LIPS.outer.loop, FACE_MESH_POINTS).filter((v) => !corners.includes(v) && !lipMidline.includes(v));
  const sideLips = lips.filter((v) => follow(v) > 0);
  // The other half of the mouth holds still as a whole: pinning only its corner would leave
  // the pixel-sized triangles beside it a steep gradient, and the two sides' smiles together
  // would turn them over.
  const otherLips = lips.filter((v) => sign * ctx.lateral(v, cx, cy) < 0);
  const pins = [...lipMidline, ...otherCorners, ...otherLips, ...NOSE, ...eyeLoops, CHIN];
  const cornerMorph = (name: number, move: { out: number; up: number }) => {
    const h = handles(0.3, ctx, pins);
    for (const v of myCorners) h.moving.set(v, ctx.face(sign * move.out, move.up));
    for (const v of sideLips) h.moving.set(v, ctx.face(sign * move.out * follow(v), move.up * follow(v)));
    morphs.set(name, h);
  };
  cornerMorph(pick(Blendshape.mouthSmileLeft, Blendshape.mouthSmileRight), SMILE);
  cornerMorph(pick(Blendshape.mouthFrownLeft, Blendshape.mouthFrownRight), FROWN);
  cornerMorph(pick(Blendshape.mouthStretchLeft, Blendshape.mouthStretchRight), STRETCH);
  cornerMorph(pick(Blendshape.mouthDimpleLeft, Blendshape.mouthDimpleRight), DIMPLE);

  const [mx, my] = ctx.midpoint(LIPS.outer.subjectLeftCorner, LIPS.outer.subjectRightCorner);
  const halfWidth = Math.abs(ctx.lateral(LIPS.outer.subjectLeftCorner, mx, my));
  /** 1 on this side's half of the mouth, fading through the middle. */
  const onSide = (v: number) => Math.min(1, Math.max(0, 0.5 + (sign * ctx.lateral(v, mx, my)) / halfWidth));

  const press = handles(0.1, ctx, [...otherCorners, ...NOSE]);
  for (const v of [...inner(LIPS.outer.upper), ...inner(LIPS.inner.upper)]) press.moving.set(v, ctx.face(0, -PRESS * onSide(v)));
  for (const v of [...inner(LIPS.outer.lower), ...inner(LIPS.inner.lower)]) press.moving.set(v, ctx.face(0, PRESS * onSide(v)));
  morphs.set(pick(Blendshape.mouthPressLeft, Blendshape.mouthPressRight), press);

  const upperUp = handles(0.15, ctx, [...NOSE, ...inner(LIPS.outer.lower), ...inner(LIPS.inner.lower), ...otherCorners]);
  for (const v of [...inner(LIPS.outer.upper), ...inner(LIPS.inner.upper)]) upperUp.moving.set(v, ctx.face(0, UPPER_UP * onSide(v)));
  morphs.set(pick(Blendshape.mouthUpperUpLeft, Blendshape.mouthUpperUpRight), upperUp);

  const lowerDown = handles(0.2, ctx, [...NOSE, ...inner(LIPS.outer.upper), ...inner(LIPS.inner.upper), ...otherCorners]);
  for (const v of [...inner(LIPS.outer.lower), ...inner(LIPS.inner.lower)]) lowerDown.moving.set(v, ctx.face(0, -LOWER_DOWN * onSide(v)));
  morphs.set(pick(Blendshape.mouthLowerDownLeft, Blendshape.mouthLowerDownRight), lowerDown);
}

function authorBrowsCheeksNose(ctx: MorphContext, morphs: Map<number, MorphHandles>): void {
  const stillFace = [...eyeLoops, ...NOSE, ...allLips];
  const innerUp = handles(0.25, ctx, stillFace);
  for (const brow of [SUBJECT_LEFT_EYEBROW, SUBJECT_RIGHT_EYEBROW]) {
    for (const row of [brow.upper, brow.lower]) {
      row.forEach((v, k) => innerUp.moving.set(v, ctx.face(0, BROW_UP * Math.max(0, (k - 1) / (row.length - 2)))));
    }
  }
  morphs.set(Blendshape.browInnerUp, innerUp);

  const puff = handles(0.25, ctx, [...eyeLoops, ...NOSE, ...lipMidline]);
  const [cx, cy] = ctx.midpoint(EAR_LEVEL.left, EAR_LEVEL.right);
  for (const v of [...CHEEK.left, ...CHEEK.right]) puff.moving.set(v, ctx.face(Math.sign(ctx.lateral(v, cx, cy)) * CHEEK_PUFF, 0));
  morphs.set(Blendshape.cheekPuff, puff);

  for (const side of SIDES) {
    const left = side === 'left';
    const pick = (l: number, r: number) => (left ? l : r);
    const brow = left ? SUBJECT_LEFT_EYEBROW : SUBJECT_RIGHT_EYEBROW;
    const eye = left ? SUBJECT_LEFT_EYE : SUBJECT_RIGHT_EYE;
    const towardNose = -signOf(side);

    const down = handles(0.2, ctx, stillFace);
    for (const row of [brow.upper, brow.lower]) {
      row.forEach((v, k) => down.moving.set(v, ctx.face(towardNose * 0.01 * (k / (row.length - 1)), -BROW_DOWN)));
    }
    morphs.set(pick(Blendshape.browDownLeft, Blendshape.browDownRight), down);

    const outerUp = handles(0.2, ctx, stillFace);
    for (const row of [brow.upper, brow.lower]) {
      row.forEach((v, k) => outerUp.moving.set(v, ctx.face(0, BROW_UP * Math.max(0, 1 - k / (row.length - 2)))));
    }
    morphs.set(pick(Blendshape.browOuterUpLeft, Blendshape.browOuterUpRight), outerUp);

    const cheekSquint = handles(0.15, ctx, [...NOSE, ...allLips, ...inner(eye.upperLid), eye.outerCorner, eye.innerCorner]);
    for (const v of [...CHEEK[side], ...UNDER_EYE[side]]) cheekSquint.moving.set(v, ctx.face(0, CHEEK_SQUINT));
    morphs.set(pick(Blendshape.cheekSquintLeft, Blendshape.cheekSquintRight), cheekSquint);

    const sneer = handles(0.15, ctx, [...eyeLoops, ...lipMidline, ...NOSE.filter((v) => v !== 2 && v !== 94)]);
    for (const v of NOSE_WING[side]) sneer.moving.set(v, ctx.face(0, SNEER));
    morphs.set(pick(Blendshape.noseSneerLeft, Blendshape.noseSneerRight), sneer);
  }
}
