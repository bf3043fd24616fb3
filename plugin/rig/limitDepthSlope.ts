import type { RigMeshBuilder } from './RigMeshBuilder';

/** Rounds of relaxation; each pulls every too-steep triangle toward its own mean depth. */
const MAX_ROUNDS = 400;
/** Aim a little under the limit so the averaged corrections settle below it. */
const AIM = 0.97;

/**
 * Flattens depth where the surface is too steep, so no triangle stands more than
 * atan(maxSlope) from facing the viewer. A head turn of θ folds a triangle tilted beyond
 * 90° − θ over itself (its far side would be hidden in 3-D; a warp has nothing to hide it
 * with) and squashes those close to it. MediaPipe's depth is steepest at the nose's sides
 * and the face's outline, exactly where turns used to smear. Gentle relief is kept as is.
 * Returns the steepest slope left.
 */
export function limitDepthSlope(mesh: RigMeshBuilder, triangleCount: number, maxSlope: number): number {
  const n = mesh.vertexCount;
  const sum = new Float64Array(n);
  const count = new Uint16Array(n);
  const target = maxSlope * AIM;
  let steepest = Infinity;
  for (let round = 0; round < MAX_ROUNDS && steepest > maxSlope; round++) {
    sum.fill(0);
    count.fill(0);
    steepest = 0;
    for (let t = 0; t < triangleCount; t++) {
      const a = mesh.indices[t * 3], b = mesh.indices[t * 3 + 1], c = mesh.indices[t * 3 + 2];
      const slope = depthSlope(mesh, a, b, c);
      steepest = Math.max(steepest, slope);
      if (slope <= target) continue;
      const mean = (mesh.depth(a) + mesh.depth(b) + mesh.depth(c)) / 3;
      const keep = target / slope;
      for (const v of [a, b, c]) {
        sum[v] += (mesh.depth(v) - mean) * (keep - 1);
        count[v]++;
      }
    }
    for (let v = 0; v < n; v++) if (count[v] > 0) mesh.rest[v * 3 + 2] += sum[v] / count[v];
  }
  return steepest;
}

/** |∇depth| over a triangle's image-plane footprint (0 for a degenerate one). */
function depthSlope(mesh: RigMeshBuilder, a: number, b: number, c: number): number {
  const e1x = mesh.x(b) - mesh.x(a), e1y = mesh.y(b) - mesh.y(a);
  const e2x = mesh.x(c) - mesh.x(a), e2y = mesh.y(c) - mesh.y(a);
  const det = e1x * e2y - e1y * e2x;
  if (Math.abs(det) < 1e-9) return 0;
  const d1 = mesh.depth(b) - mesh.depth(a), d2 = mesh.depth(c) - mesh.depth(a);
  const gx = (d1 * e2y - d2 * e1y) / det;
  const gy = (d2 * e1x - d1 * e2x) / det;
  return Math.hypot(gx, gy);
}
