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

function distancePx(d: PortraitRigData, p: Float32Array, a: number, b: number): number {
  return Math.hypot((p[a * 3] - p[b * 3]) * d.imageWidth, (p[a * 3 + 1] - p[b * 3 + 1]) * d.imageHeight);
}

/**
 * How far each iris has left its rest place (in iris radii, 0..1), how far the mouth has
 * opened beyond rest (0..1) and the lip gap (face heights): what the generator needs to fade
 * synthesized eye white and mouth interior in. Allocation-free.
 */
export function measureOpenings(d: PortraitRigData, posed: Float32Array, rest: Float32Array, out: Float32Array): void {
  const irisMoved = (centre: number) => {
    const moved = Math.hypot((posed[centre * 3] - rest[centre * 3]) * d.imageWidth, (posed[centre * 3 + 1] - rest[centre * 3 + 1]) * d.imageHeight);
    const radius = d.irises[centre === SUBJECT_RIGHT_IRIS.centre ? 2 : 5] * d.imageWidth;
    return Math.min(1, moved / Math.max(radius, 1e-6));
  };
  out[OPENING_GAZE_RIGHT] = irisMoved(SUBJECT_RIGHT_IRIS.centre);
  out[OPENING_GAZE_LEFT] = irisMoved(SUBJECT_LEFT_IRIS.centre);
  const h = d.frame.faceHeight;
  const gap = distancePx(d, posed, UPPER_MID, LOWER_MID) / h;
  const restGap = distancePx(d, rest, UPPER_MID, LOWER_MID) / h;
  out[OPENING_MOUTH] = Math.min(1, Math.max(0, (gap - restGap) / MOUTH_FADE_IN));
  out[OPENING_MOUTH_GAP] = gap;
}
