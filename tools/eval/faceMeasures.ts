// Figures QUALITY.md reads off a face's landmarks: eye openings, the mouth's gap, where the
// corners and irises sit. Landmarks here are pixel positions, x, y, z per point.
import {
  CHIN, FACE_OVAL, FOREHEAD_TOP, SUBJECT_LEFT_EYE, SUBJECT_LEFT_IRIS, SUBJECT_RIGHT_EYE, SUBJECT_RIGHT_IRIS,
} from '../../plugin/core/landmarkIndices';
import { distance } from '../../plugin/capture/faceFeatures';

export type Points = ArrayLike<number>;

// One source of truth with the webcam solver, which reads the same figures.
export { distance, eyeAspectRatio, irisShift, mouthOpening, upAxis } from '../../plugin/capture/faceFeatures';

/** Forehead top to chin: the face unit. */
export const faceHeight = (p: Points): number => distance(p, FOREHEAD_TOP, CHIN);

/** The widest span of the face outline: the unit of landmark agreement. */
export function faceWidth(p: Points): number {
  let widest = 0;
  for (const a of FACE_OVAL) for (const b of FACE_OVAL) widest = Math.max(widest, distance(p, a, b));
  return widest;
}

/**
 * The inter-ocular distance as face alignment measures it (300-W, Sagonas et al. 2016): the
 * outer eye corners' distance, the unit QUALITY.md gives the eyes' landmark agreement in.
 * About 1.4 times the distance between the pupils.
 */
export const interOcular = (p: Points): number => distance(p, SUBJECT_LEFT_EYE.outerCorner, SUBJECT_RIGHT_EYE.outerCorner);

/** Landmarks that belong to the eyes (lids and irises): their agreement is measured in inter-ocular units. */
export const EYE_POINTS: ReadonlySet<number> = new Set([
  ...SUBJECT_LEFT_EYE.loop, ...SUBJECT_RIGHT_EYE.loop,
  SUBJECT_LEFT_IRIS.centre, ...SUBJECT_LEFT_IRIS.ring, SUBJECT_RIGHT_IRIS.centre, ...SUBJECT_RIGHT_IRIS.ring,
]);

export interface Agreement {
  /** Mean distance over the face's other landmarks, in face widths. */
  face: number;
  /** Mean distance over the eye landmarks, in inter-ocular distances. */
  eyes: number;
}

/** How far detected landmarks lie from where the rig put them (both in pixels). */
export function landmarkAgreement(detected: Points, target: Points, count: number, faceWidthPx: number, interOcularPx: number): Agreement {
  let face = 0, faceN = 0, eyes = 0, eyesN = 0;
  for (let i = 0; i < count; i++) {
    const d = Math.hypot(detected[i * 3] - target[i * 3], detected[i * 3 + 1] - target[i * 3 + 1]);
    if (EYE_POINTS.has(i)) { eyes += d; eyesN++; } else { face += d; faceN++; }
  }
  return { face: face / faceN / faceWidthPx, eyes: eyes / eyesN / interOcularPx };
}
