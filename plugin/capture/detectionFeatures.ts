import { FACE_LANDMARK_COUNT, type FaceDetection } from './FaceDetection';
import { FEATURE_COUNT, measureFeatures } from './faceFeatures';
import { toHeadFrame } from './headFrame';

/**
 * The landmark solver's figures (capture/faceFeatures) for one detection, in new arrays: for
 * bake-time calibration and the eval, which measure a frame once. The solver's per-frame path
 * measures into its own preallocated arrays instead.
 */
export function detectionFeatures(detection: FaceDetection): Float64Array {
  const local = new Float32Array(FACE_LANDMARK_COUNT * 3);
  toHeadFrame(detection, local);
  const out = new Float64Array(FEATURE_COUNT);
  measureFeatures(local, out);
  return out;
}
