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
 * as the mean of its neighbours, so the motion falls off smoothly, never overshoots, and
 * follows the mesh (a lid's motion reaches the other lid only round the eye corners).
 */
export function solveHarmonicMorph(
  handles: MorphHandles,
  neighbours: readonly (readonly number[])[],
  isSkin: (vertex: number) => boolean,
  restX: (vertex: number) => number,
  restY: (vertex: number) => number,
): { vertices: Uint32Array; deltas: Float32Array } {
  const count = neighbours.length;
  const value = new Float64Array(count * 3);
  const free: number[] = [];
  const spread2 = handles.spreadPx * handles.spreadPx;
  const moving = [...handles.moving.keys()];
  for (const [v, d] of handles.moving) value.set(d, v * 3);
  if (handles.spreadPx > 0) {
    for (let v = 0; v < count; v++) {
      if (!isSkin(v) || handles.moving.has(v) || handles.pinned.has(v)) continue;
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
      const list = neighbours[v];
      if (list.length === 0) continue;
      let x = 0, y = 0, z = 0;
      for (const u of list) {
        x += value[u * 3];
        y += value[u * 3 + 1];
        z += value[u * 3 + 2];
      }
      value[v * 3] = x / list.length;
      value[v * 3 + 1] = y / list.length;
      value[v * 3 + 2] = z / list.length;
    }
  }
  const kept: number[] = [];
  for (const v of [...moving, ...free]) {
    if (Math.abs(value[v * 3]) + Math.abs(value[v * 3 + 1]) + Math.abs(value[v * 3 + 2]) > NEGLIGIBLE_PX) kept.push(v);
  }
  kept.sort((a, b) => a - b);
  const vertices = Uint32Array.from(kept);
  const deltas = new Float32Array(kept.length * 3);
  kept.forEach((v, k) => deltas.set(value.subarray(v * 3, v * 3 + 3), k * 3));
  return { vertices, deltas };
}

/** Each vertex's neighbours along the edges of the given triangles. */
export function meshNeighbours(vertexCount: number, indices: readonly number[], include: (triangle: number) => boolean): number[][] {
  const sets = Array.from({ length: vertexCount }, () => new Set<number>());
  for (let t = 0; t < indices.length / 3; t++) {
    if (!include(t)) continue;
    const a = indices[t * 3], b = indices[t * 3 + 1], c = indices[t * 3 + 2];
    sets[a].add(b).add(c);
    sets[b].add(a).add(c);
    sets[c].add(a).add(b);
  }
  return sets.map((s) => [...s]);
}
