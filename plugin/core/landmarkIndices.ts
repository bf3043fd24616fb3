export {
  FACE_OVAL,
  LIPS,
  SUBJECT_LEFT_EYE,
  SUBJECT_LEFT_EYEBROW,
  SUBJECT_LEFT_IRIS,
  SUBJECT_RIGHT_EYE,
  SUBJECT_RIGHT_EYEBROW,
  SUBJECT_RIGHT_IRIS,
} from './landmarkLoops.generated';
export type { EyeOutline, EyebrowRows, IrisLandmarks, LipContour, LipsOutline } from './landmarkTypes';

/** Points of the face mesh proper (the canonical mesh's vertices). */
export const FACE_MESH_POINT_COUNT = 468;
/** Face mesh points plus the two irises of five points each. */
export const FACE_LANDMARK_WITH_IRIS_COUNT = 478;

/** Top of the forehead on the midline; where FACE_OVAL starts. */
export const FOREHEAD_TOP = 10;
/** Bottom of the chin on the midline. */
export const CHIN = 152;
/** Tip of the nose on the midline (landmark 4, just above, sticks out a little further on the canonical face). */
export const NOSE_TIP = 1;
