// Which landmarks the rig's other vertices follow when only landmarks are moved (a captured
// performance, a head-turn corrective): the layers and the first ring go with their landmarks.
import { FACE_OVAL, SUBJECT_LEFT_EYE, SUBJECT_LEFT_IRIS, SUBJECT_RIGHT_EYE, SUBJECT_RIGHT_IRIS } from '../core/landmarkIndices';
import { LANDMARK_COUNT } from './landmarkPixels';
import { seamSources } from './outlineSeam';
import { RigLayer, SHADE_STRIDE, type PortraitRigData } from './PortraitRigData';

/** Leaders per following vertex: an eye's back follows the middle of its two corners. */
export const LEADERS_PER_VERTEX = 2;

/** Per vertex, up to LEADERS_PER_VERTEX landmarks (−1: none) and the share of each one's motion it takes. */
export interface LandmarkLeaders {
  readonly leaders: Int32Array;
  readonly shares: Float32Array;
}

/**
 * An iris disk moves with its iris centre, an eye's back with the middle of its corners (the
 * lids slide over it), a seam copy (rig/outlineSeam) wholly with its outline point, the first
 * ring outside the face with its outline point by `firstRingShare`; the other rings, the border
 * and the landmarks themselves lead nothing.
 * (The mouth interior follows the inner lips through the rig's own followers.) With
 * `eyeBackFollowsOutline`, an eye back's rings follow their nearest outline point instead, so
 * an eye opening that changes shape never uncovers its edge (its hub still follows the corners).
 */
export function findLandmarkLeaders(
  data: Pick<PortraitRigData, 'vertexCount' | 'shade' | 'rest' | 'outlineSeam'>, firstRingShare: number, eyeBackFollowsOutline = false,
): LandmarkLeaders {
  const { vertexCount, shade, rest } = data;
  const sources = seamSources(data);
  const leaders = new Int32Array(vertexCount * LEADERS_PER_VERTEX).fill(-1);
  const shares = new Float32Array(vertexCount * LEADERS_PER_VERTEX);
  const lead = (vertex: number, slot: number, landmark: number, share: number) => {
    leaders[vertex * LEADERS_PER_VERTEX + slot] = landmark;
    shares[vertex * LEADERS_PER_VERTEX + slot] = share;
  };
  for (let v = LANDMARK_COUNT; v < vertexCount; v++) {
    const layer = shade[v * SHADE_STRIDE], side = shade[v * SHADE_STRIDE + 3];
    if (sources[v] !== v) {
      lead(v, 0, sources[v], 1);
    } else if (layer === RigLayer.Iris) {
      lead(v, 0, (side === 0 ? SUBJECT_RIGHT_IRIS : SUBJECT_LEFT_IRIS).centre, 1);
    } else if (layer === RigLayer.EyeBack) {
      const eye = side === 0 ? SUBJECT_RIGHT_EYE : SUBJECT_LEFT_EYE;
      const nearest = eyeBackFollowsOutline ? nearestOutlinePoint(rest, v, eye.loop) : -1;
      if (nearest >= 0) {
        lead(v, 0, nearest, 1);
      } else {
        lead(v, 0, eye.innerCorner, 1 / 2);
        lead(v, 1, eye.outerCorner, 1 / 2);
      }
    } else if (layer === RigLayer.Skin && v < LANDMARK_COUNT + FACE_OVAL.length) {
      lead(v, 0, FACE_OVAL[v - LANDMARK_COUNT], firstRingShare);
    }
  }
  return { leaders, shares };
}

/** The eye back's rings lie on and beyond the outline points; the hub, far from all of them, gets −1. */
function nearestOutlinePoint(rest: Float32Array, v: number, loop: readonly number[]): number {
  let best = -1, bestD = Infinity, span = 0;
  for (const i of loop) {
    const d = Math.hypot(rest[v * 3] - rest[i * 3], rest[v * 3 + 1] - rest[i * 3 + 1]);
    if (d < bestD) [best, bestD] = [i, d];
    span = Math.max(span, Math.hypot(rest[loop[0] * 3] - rest[i * 3], rest[loop[0] * 3 + 1] - rest[i * 3 + 1]));
  }
  return bestD < span * HUB_SHARE_OF_EYE ? best : -1;
}
/** A vertex further than this share of the eye's width from every outline point is the hub. */
const HUB_SHARE_OF_EYE = 0.2;
