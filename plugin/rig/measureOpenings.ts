import { LIPS, SUBJECT_LEFT_IRIS, SUBJECT_RIGHT_IRIS } from '../core/landmarkIndices';
import type { PortraitRigData } from './PortraitRigData';

/** The mouth interior fades in over this much lip parting beyond the rest gap (face heights). */
const MOUTH_FADE_IN = 0.015;
const UPPER_MID = LIPS.inner.upper[Math.floor(LIPS.inner.upper.length / 2)];
const LOWER_MID = LIPS.inner.lower[Math.floor(LIPS.inner.lower.length / 2)];

/** Indices into the `out` array of measureOpenings. */
export const OPENING_GAZE_RIGHT = 0;
export const OPENING_GAZE_LEFT = 1;
export const OPENING_MOUTH = 2;
export const OPENING_MOUTH_GAP = 3;

/** Where each iris radius sits in PortraitRigData.irises (centre u, v, radius per eye). */
const IRIS_RADIUS_RIGHT = 2;
const IRIS_RADIUS_LEFT = 5;

function irisMoved(d: PortraitRigData, posed: Float32Array, rest: Float32Array, centre: number, radiusAt: number): number {
  const moved = Math.hypot((posed[centre * 3] - rest[centre * 3]) * d.imageWidth, (posed[centre * 3 + 1] - rest[centre * 3 + 1]) * d.imageHeight);
  return Math.min(1, moved / Math.max(d.irises[radiusAt] * d.imageWidth, 1e-6));
}

function distancePx(d: PortraitRigData, p: Float32Array, a: number, b: number): number {
  return Math.hypot((p[a * 3] - p[b * 3]) * d.imageWidth, (p[a * 3 + 1] - p[b * 3 + 1]) * d.imageHeight);
}

/**
 * How far each iris has left its rest place (in iris radii, 0..1), how far the mouth has
 * opened beyond rest (0..1) and the lip gap (face heights): what the generator needs to fade
 * synthesized eye white and mouth interior in. Allocation-free.
 */
export function measureOpenings(d: PortraitRigData, posed: Float32Array, rest: Float32Array, out: Float32Array): void {
  out[OPENING_GAZE_RIGHT] = irisMoved(d, posed, rest, SUBJECT_RIGHT_IRIS.centre, IRIS_RADIUS_RIGHT);
  out[OPENING_GAZE_LEFT] = irisMoved(d, posed, rest, SUBJECT_LEFT_IRIS.centre, IRIS_RADIUS_LEFT);
  const h = d.frame.faceHeight;
  const gap = distancePx(d, posed, UPPER_MID, LOWER_MID) / h;
  const restGap = distancePx(d, rest, UPPER_MID, LOWER_MID) / h;
  out[OPENING_MOUTH] = Math.min(1, Math.max(0, (gap - restGap) / MOUTH_FADE_IN));
  out[OPENING_MOUTH_GAP] = gap;
}
