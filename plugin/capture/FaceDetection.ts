/** MediaPipe's refined face mesh: 468 surface points and 2 × 5 iris points. */
export const FACE_LANDMARK_COUNT = 478;

/** What a tracker found on one image or video frame: plain data, nothing to dispose. */
export interface FaceDetection {
  /** x, y, z per landmark: x and y normalized to the image (0..1), z in about the same scale as x. */
  readonly landmarks: Float32Array;
  /** Column-major 4×4 transform of MediaPipe's canonical face into the camera, or null if the model lacks the geometry pipeline. */
  readonly transform: Float32Array | null;
  /** The 52 ARKit blendshape weights in ARKit order, or null when the model has no blendshape head (the embedded one has none). */
  readonly blendshapes: Float32Array | null;
  /** How many faces the image held; the largest one is the one reported. */
  readonly faceCount: number;
  /** Pixel size of the image the landmarks are normalized to. */
  readonly imageWidth: number;
  readonly imageHeight: number;
}

/** The landmarks in image pixels (z scaled like x), as a new array: for measuring a detection, off the per-frame path. */
export function landmarksInPixels(d: Pick<FaceDetection, 'landmarks' | 'imageWidth' | 'imageHeight'>): Float32Array {
  const out = new Float32Array(d.landmarks.length);
  for (let i = 0; i < out.length; i += 3) {
    out[i] = d.landmarks[i] * d.imageWidth;
    out[i + 1] = d.landmarks[i + 1] * d.imageHeight;
    out[i + 2] = d.landmarks[i + 2] * d.imageWidth;
  }
  return out;
}
