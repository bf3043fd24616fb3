import { RigFormatError } from '../core/errors';

/** MediaPipe's refined mesh: 468 surface points and 10 iris points. */
export const LANDMARK_COUNT = 478;
/** Surface points of the face mesh (the irises follow). */
export const FACE_MESH_POINT_COUNT = 468;

/**
 * Normalized landmarks turned into image pixels, with depth in pixels toward the viewer
 * (MediaPipe's z grows away from the camera and is scaled like x).
 */
export class LandmarkPixels {
  private readonly _values: Float32Array;

  constructor(normalized: ArrayLike<number>, width: number, height: number, depthRelief: number) {
    if (normalized.length !== LANDMARK_COUNT * 3) {
      throw new RangeError(`PortraitRig: expected ${LANDMARK_COUNT} landmarks (x, y, z each), got ${normalized.length / 3}.`);
    }
    this._values = new Float32Array(LANDMARK_COUNT * 3);
    for (let i = 0; i < LANDMARK_COUNT; i++) {
      const x = normalized[i * 3], y = normalized[i * 3 + 1], z = normalized[i * 3 + 2];
      if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) {
        throw new RigFormatError(`landmark ${i} is not a finite number`);
      }
      this._values[i * 3] = x * width;
      this._values[i * 3 + 1] = y * height;
      this._values[i * 3 + 2] = -z * width * depthRelief;
    }
  }

  x(i: number): number {
    return this._values[i * 3];
  }

  y(i: number): number {
    return this._values[i * 3 + 1];
  }

  depth(i: number): number {
    return this._values[i * 3 + 2];
  }
}
