import type { RigMeshBuilder } from './RigMeshBuilder';

/** Sweeps over the triangles; each sweep projects every too-steep triangle onto the limit. */
const MAX_SWEEPS = 3000;
/** Aim a little under the limit so that neighbours' later projections leave it below. */
const AIM = 0.98;
/** A projected triangle lands on the limit up to rounding; within this factor of it counts as settled. */
const SETTLED = 1 + 1e-6;
/** Over-relaxed projection (1 = exact, below 2 still converges): thin triangles settle in far fewer sweeps. */
const RELAX = 1.9;
/** Triangles thinner than this (twice the area over the squared edges: about the sine of its sharpest angle) are lines, with no slope to limit. */
const DEGENERATE_SHAPE = 1e-6;

/**
 * Flattens depth where the surface is too steep, so no triangle stands more than
 * atan(maxSlope) from facing the viewer. A head turn of θ folds a triangle tilted beyond
 * 90° − θ over itself (its far side would be hidden in 3-D; a warp has nothing to hide it
 * with) and squashes those close to it. MediaPipe's depth is steepest at the nose's sides
 * and the face's outline, exactly where turns used to smear. Gentle relief is kept as is.
 *
 * Each triangle's limit is a convex set of depth triples (|∇depth| ≤ maxSlope), and flat
 * depth satisfies all of them, so cyclic projection onto each in turn converges to depth that
 * satisfies every one. The projection is the smallest change of the three depths that brings
 * the gradient onto the limit: thin triangles, whose gradient reacts strongly to depth, need
 * only a small change. Returns the steepest slope left.
 */
export function limitDepthSlope(mesh: RigMeshBuilder, triangleCount: number, maxSlope: number): number {
  const target = maxSlope * AIM;
  let steepest = Infinity;
  // Sweep until a sweep changes nothing: stopping at the first sweep under maxSlope instead
  // would make the result hinge on rounding (a 320 px and a 2048 px portrait would differ).

  for (let sweep = 0; sweep < MAX_SWEEPS && steepest > target * SETTLED; sweep++) {
    steepest = 0;
    for (let t = 0; t < triangleCount; t++) {
      steepest = Math.max(steepest, projectTriangle(mesh, mesh.indices[t * 3], mesh.indices[t * 3 + 1], mesh.indices[t * 3 + 2], target));
    }
  }
  return steepest;
}

/** Projects one triangle's depths onto |∇depth| ≤ target; returns its slope before. */
function projectTriangle(mesh: RigMeshBuilder, a: number, b: number, cc: number, target: number): number {
  const e1x = mesh.x(b) - mesh.x(a), e1y = mesh.y(b) - mesh.y(a);
  const e2x = mesh.x(cc) - mesh.x(a), e2y = mesh.y(cc) - mesh.y(a);
  const det = e1x * e2y - e1y * e2x;
  if (Math.abs(det) < DEGENERATE_SHAPE * (e1x * e1x + e1y * e1y + e2x * e2x + e2y * e2y)) return 0;
  // ∇depth = G·(za, zb, zc); the rows of G sum to zero, so flat depth has no slope.
  const gxa = (e1y - e2y) / det, gxb = e2y / det, gxc = -e1y / det;
  const gya = (e2x - e1x) / det, gyb = -e2x / det, gyc = e1x / det;
  const za = mesh.depth(a), zb = mesh.depth(b), zc = mesh.depth(cc);
  const gx = gxa * za + gxb * zb + gxc * zc;
  const gy = gya * za + gyb * zb + gyc * zc;
  const slope = Math.hypot(gx, gy);
  if (slope <= target) return slope;
  // The nearest depths (Euclidean) whose gradient q lies in the disc: Δz = Gᵀ μ with
  // μ = M (q − g), M = (G Gᵀ)⁻¹, and q = (M + νI)⁻¹ M g for the ν ≥ 0 that puts q on the rim.
  // Exact projections onto convex sets never amplify a difference in the input, so the result
  // does not hinge on rounding (a 320 px and a 2048 px portrait agree).
  const a11 = gxa * gxa + gxb * gxb + gxc * gxc;
  const a12 = gxa * gya + gxb * gyb + gxc * gyc;
  const a22 = gya * gya + gyb * gyb + gyc * gyc;
  const inv = 1 / (a11 * a22 - a12 * a12);
  const m11 = a22 * inv, m12 = -a12 * inv, m22 = a11 * inv;
  // Eigenvectors of M: rotate g into them, where (M + νI)⁻¹ M is diagonal.
  const half = (m11 - m22) / 2, root = Math.hypot(half, m12);
  const e1 = (m11 + m22) / 2 + root, e2 = (m11 + m22) / 2 - root;
  const angle = Math.atan2(m12, half) / 2, c = Math.cos(angle), s = Math.sin(angle);
  const p1 = c * gx + s * gy, p2 = -s * gx + c * gy;
  const nu = rimMultiplier(e1, e2, p1, p2, target);
  const q1 = (e1 * p1) / (e1 + nu), q2 = (e2 * p2) / (e2 + nu);
  const qx = c * q1 - s * q2, qy = s * q1 + c * q2;
  const dx = (qx - gx) * RELAX, dy = (qy - gy) * RELAX;
  const lx = m11 * dx + m12 * dy, ly = m12 * dx + m22 * dy;
  mesh.rest[a * 3 + 2] = za + gxa * lx + gya * ly;
  mesh.rest[b * 3 + 2] = zb + gxb * lx + gyb * ly;
  mesh.rest[cc * 3 + 2] = zc + gxc * lx + gyc * ly;
  return slope;
}

/** Halvings that pin ν far below any visible difference. */
const RIM_SEARCH_STEPS = 60;

/** The ν ≥ 0 with |(e·p)/(e + ν)| = target (|p| > target): the length falls as ν grows. */
function rimMultiplier(e1: number, e2: number, p1: number, p2: number, target: number): number {
  const length = (nu: number) => Math.hypot((e1 * p1) / (e1 + nu), (e2 * p2) / (e2 + nu));
  let low = 0, high = Math.max(e1, e2);
  while (length(high) > target) high *= 2;
  for (let k = 0; k < RIM_SEARCH_STEPS; k++) {
    const mid = (low + high) / 2;
    if (length(mid) > target) low = mid;
    else high = mid;
  }
  return high;
}
