// Landmarks in the head's own frame: unturned, centred on the nose bridge and in inter-ocular
// units, so expression measures read the same whichever way the head is turned or how near it is.
import { SUBJECT_LEFT_EYE, SUBJECT_RIGHT_EYE } from '../core/landmarkIndices';
import { FACE_LANDMARK_COUNT, type FaceDetection } from './FaceDetection';
import { rotationOf } from './headTurn';

/** The frame's origin: the nose bridge between the eyes, which no expression moves. */
export const NOSE_BRIDGE = 168;

/** Head rotation scratch, row-major 3×3: camera axes first, then image axes in place. */
const rotation = new Float64Array(9);
/**
 * MediaPipe's camera has +y up and looks down −z; image landmarks have +y down and z growing away
 * from the camera. Flipping y and z takes one to the other: R_image = S · R_camera · S.
 */
const AXIS_FLIP = [1, -1, -1] as const;

/**
 * Writes every landmark of `detection` into `out` (x, y, z per point) in the head's own axes:
 * x toward the image's right, y down, z away from the camera when the head faces the camera;
 * origin at the nose bridge; one unit is the 3D distance between the outer eye corners.
 * Uses the detection's transform for the head's rotation, or only the eye line's tilt when the
 * model gives no transform. Returns that unit in image pixels. Allocates nothing.
 */
export function toHeadFrame(detection: FaceDetection, out: Float32Array): number {
  const p = detection.landmarks;
  const w = detection.imageWidth, h = detection.imageHeight;
  headRotation(detection, rotation);
  const ox = p[NOSE_BRIDGE * 3] * w, oy = p[NOSE_BRIDGE * 3 + 1] * h, oz = p[NOSE_BRIDGE * 3 + 2] * w;
  const unit = eyeSpanPx(detection);
  const inverseUnit = unit > 0 ? 1 / unit : 0;
  const r = rotation;
  for (let i = 0; i < FACE_LANDMARK_COUNT; i++) {
    const dx = p[i * 3] * w - ox, dy = p[i * 3 + 1] * h - oy, dz = p[i * 3 + 2] * w - oz;
    // Rᵀ · d: the head's axes are R's columns.
    out[i * 3] = (r[0] * dx + r[3] * dy + r[6] * dz) * inverseUnit;
    out[i * 3 + 1] = (r[1] * dx + r[4] * dy + r[7] * dz) * inverseUnit;
    out[i * 3 + 2] = (r[2] * dx + r[5] * dy + r[8] * dz) * inverseUnit;
  }
  return unit;
}

/** The head's rotation in image axes, row-major, into `out`. */
function headRotation(detection: FaceDetection, out: Float64Array): void {
  if (detection.transform) {
    rotationOf(detection.transform, out);
    for (let row = 0; row < 3; row++) for (let column = 0; column < 3; column++) out[row * 3 + column] *= AXIS_FLIP[row] * AXIS_FLIP[column];
    return;
  }
  // No transform: only the tilt of the line from the subject's right eye to the left one.
  const angle = eyeLineAngle(detection);
  const c = Math.cos(angle), s = Math.sin(angle);
  out[0] = c; out[1] = -s; out[2] = 0;
  out[3] = s; out[4] = c; out[5] = 0;
  out[6] = 0; out[7] = 0; out[8] = 1;
}

/** 3D distance between the outer eye corners, in pixels (z is in the same scale as x). */
export function eyeSpanPx(detection: FaceDetection): number {
  const p = detection.landmarks, w = detection.imageWidth, h = detection.imageHeight;
  const a = SUBJECT_RIGHT_EYE.outerCorner * 3, b = SUBJECT_LEFT_EYE.outerCorner * 3;
  return Math.hypot((p[b] - p[a]) * w, (p[b + 1] - p[a + 1]) * h, (p[b + 2] - p[a + 2]) * w);
}

/** Angle of the line from the subject's right outer eye corner to the left one, in image axes (y down), radians. */
export function eyeLineAngle(detection: FaceDetection): number {
  const p = detection.landmarks;
  const a = SUBJECT_RIGHT_EYE.outerCorner * 3, b = SUBJECT_LEFT_EYE.outerCorner * 3;
  return Math.atan2((p[b + 1] - p[a + 1]) * detection.imageHeight, (p[b] - p[a]) * detection.imageWidth);
}
