// Which skin triangles must keep their area within limits when a face moves: everything but
// the lids and lips, which open, close and stretch by nature (QUALITY.md's "no tearing").
import { LIPS, SUBJECT_LEFT_EYE, SUBJECT_RIGHT_EYE } from '../core/landmarkIndices';
import { insidePolygon, type Polygon2 } from '../core/polygon';

/** Outside lids and lips no triangle may grow beyond this share of its rest area… */
export const MAX_AREA_GROWTH = 3;
/** …nor shrink below this share. */
export const MIN_AREA_SHRINK = 1 / 3;

const LID_AND_LIP_POINTS: ReadonlySet<number> = new Set([
  ...SUBJECT_LEFT_EYE.loop, ...SUBJECT_RIGHT_EYE.loop, ...LIPS.outer.loop, ...LIPS.inner.loop,
]);

/**
 * 1 for each triangle whose area is limited, 0 for lid and lip triangles: those touching an
 * eye or lip contour, and those inside the outer lip contour (the face mesh has two more rows
 * of points on the red of the lips). `rest` holds x, y (and anything else) per vertex with
 * the given stride.
 */
export function areaLimitedTriangles(triangles: ArrayLike<number>, rest: ArrayLike<number>, stride: number): Uint8Array {
  const lips: Polygon2 = LIPS.outer.loop.map((v) => [rest[v * stride], rest[v * stride + 1]] as const);
  const count = triangles.length / 3;
  const limited = new Uint8Array(count);
  for (let t = 0; t < count; t++) {
    const a = triangles[t * 3], b = triangles[t * 3 + 1], c = triangles[t * 3 + 2];
    if (LID_AND_LIP_POINTS.has(a) || LID_AND_LIP_POINTS.has(b) || LID_AND_LIP_POINTS.has(c)) continue;
    const x = (rest[a * stride] + rest[b * stride] + rest[c * stride]) / 3;
    const y = (rest[a * stride + 1] + rest[b * stride + 1] + rest[c * stride + 1]) / 3;
    limited[t] = insidePolygon(x, y, lips) ? 0 : 1;
  }
  return limited;
}
