import type { RigMorph } from './PortraitRigData';
import { untangleMorph, type MorphGeometry } from './untangleMorph';

/** A morph as authored: handles that move, points held still, and how far (pixels) the motion may spread. */
export interface MorphHandles {
  readonly moving: Map<number, [number, number, number]>;
  readonly pinned: ReadonlySet<number>;
  readonly spreadPx: number;
}

/** Gauss-Seidel sweeps; the regions are small, so this converges well within it. */
const SWEEPS = 300;
/** Displacements smaller than this (pixels) are dropped from the sparse morph. */
const NEGLIGIBLE_PX = 1e-3;

/**
 * Spreads handle displacements over the skin mesh as a harmonic field: every free vertex ends
 * as a weighted mean of its neighbours, so the motion falls off smoothly, never overshoots, and
 * follows the mesh (a lid's motion reaches the other lid only round the eye corners). The
 * weights are mean-value weights, so the field is smooth in the image and not only along the
 * mesh's edges: the face mesh's tiny triangles at the nostrils and lip corners move as one
 * with what surrounds them instead of folding over. A vertex of mobility m below 1 moves m
 * times its neighbours' mean (held back by a spring to rest); mobility 0 never moves.
 */
export function solveHarmonicMorph(
  handles: MorphHandles,
  neighbours: MeshNeighbours,
  mobility: (vertex: number) => number,
  restX: (vertex: number) => number,
  restY: (vertex: number) => number,
  untangle?: Omit<MorphGeometry, 'neighbours' | 'x' | 'y'>,
): RigMorph {
  const count = neighbours.of.length;
  const value = new Float64Array(count * 3);
  const free: number[] = [];
  const spread2 = handles.spreadPx * handles.spreadPx;
  const moving = [...handles.moving.keys()];
  for (const [v, d] of handles.moving) value.set(d, v * 3);
  if (handles.spreadPx > 0) {
    for (let v = 0; v < count; v++) {
      if (!(mobility(v) > 0) || handles.moving.has(v) || handles.pinned.has(v)) continue;
      for (const m of moving) {
        const dx = restX(v) - restX(m), dy = restY(v) - restY(m);
        if (dx * dx + dy * dy <= spread2) {
          free.push(v);
          break;
        }
      }
    }
  }
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (const v of free) {
      const list = neighbours.of[v], weights = neighbours.weights[v];
      if (list.length === 0) continue;
      let x = 0, y = 0, z = 0, total = 0;
      for (let k = 0; k < list.length; k++) {
        const u = list[k], w = weights[k];
        x += value[u * 3] * w;
        y += value[u * 3 + 1] * w;
        z += value[u * 3 + 2] * w;
        total += w;
      }
      const k = mobility(v) / total;
      value[v * 3] = x * k;
      value[v * 3 + 1] = y * k;
      value[v * 3 + 2] = z * k;
    }
  }
  if (untangle) {
    const keep = new Set(untangle.keep);
    for (const v of handles.pinned) keep.add(v);
    const unfoldable = new Set(keep);
    for (let v = 0; v < count; v++) {
      if (!(mobility(v) > 0)) {
        keep.add(v);
        unfoldable.delete(v);
      }
    }
    untangleMorph(value, { ...untangle, keep, unfoldable, neighbours, x: restX, y: restY });
  }
  return sparseMorph(value);
}

/** A dense morph (x, y, depth per vertex) as a rig stores it: only the vertices that move more than NEGLIGIBLE_PX. */
export function sparseMorph(value: Float64Array): RigMorph {
  const kept: number[] = [];
  for (let v = 0; v < value.length / 3; v++) {
    if (Math.abs(value[v * 3]) + Math.abs(value[v * 3 + 1]) + Math.abs(value[v * 3 + 2]) > NEGLIGIBLE_PX) kept.push(v);
  }
  const deltas = new Float32Array(kept.length * 3);
  kept.forEach((v, k) => deltas.set(value.subarray(v * 3, v * 3 + 3), k * 3));
  return { vertices: Uint32Array.from(kept), deltas };
}

/** Each vertex's neighbours along the edges of the skin triangles, with their mean-value weights. */
export interface MeshNeighbours {
  readonly of: readonly (readonly number[])[];
  readonly weights: readonly (readonly number[])[];
}

/**
 * Neighbours of every vertex over the given triangles, weighted as Floater's mean-value
 * coordinates: w_ij = (tan(α/2) + tan(β/2)) / |ij|, α and β the angles at i beside edge ij.
 * Always positive, and exact for motion that is linear across the image.
 */
export function meshNeighbours(
  vertexCount: number,
  indices: readonly number[],
  include: (triangle: number) => boolean,
  x: (vertex: number) => number,
  y: (vertex: number) => number,
): MeshNeighbours {
  const maps = Array.from({ length: vertexCount }, () => new Map<number, number>());
  const add = (i: number, j: number, halfAngleTan: number) => {
    const length = Math.hypot(x(j) - x(i), y(j) - y(i));
    if (length === 0) return;
    maps[i].set(j, (maps[i].get(j) ?? 0) + halfAngleTan / length);
  };
  for (let t = 0; t < indices.length / 3; t++) {
    if (!include(t)) continue;
    const corners = [indices[t * 3], indices[t * 3 + 1], indices[t * 3 + 2]];
    for (let k = 0; k < 3; k++) {
      const i = corners[k], j = corners[(k + 1) % 3], l = corners[(k + 2) % 3];
      const ax = x(j) - x(i), ay = y(j) - y(i), bx = x(l) - x(i), by = y(l) - y(i);
      // tan(θ/2) = |a×b| / (|a||b| + a·b), for the angle θ at i.
      const tanHalf = Math.abs(ax * by - ay * bx) / (Math.hypot(ax, ay) * Math.hypot(bx, by) + ax * bx + ay * by || 1);
      add(i, j, tanHalf);
      add(i, l, tanHalf);
    }
  }
  return {
    of: maps.map((m) => [...m.keys()]),
    weights: maps.map((m) => [...m.values()].map((w) => (w > 0 ? w : MIN_WEIGHT))),
  };
}

/** A neighbour across a degenerate (zero-angle) corner still counts a little, so no vertex is cut loose. */
const MIN_WEIGHT = 1e-9;
