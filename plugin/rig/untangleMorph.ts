import type { MeshNeighbours } from './harmonicMorph';

/** Rounds of local smoothing at most; each round only touches the corners of folded triangles. */
const MAX_ROUNDS = 200;
/** A posed triangle must keep at least this share of its rest area to count as unfolded. */
const MIN_AREA_SHARE = 0.05;
/** How far each round pulls a folded triangle's corners toward their common motion. */
const PULL = 0.5;
/**
 * Area-limited triangles are pulled back inside these shares of their rest area, a margin
 * inside the limits (1/3 and 3) so that storing the morph sparsely cannot push them over.
 */
const MIN_LIMITED_SHARE = 0.4;
const MAX_LIMITED_SHARE = 2.6;
/**
 * The share of its pull a kept vertex takes when it moves as a last resort: the fold is then
 * undone mostly by the free points around it. Over the 36 portraits, moving the kept points as
 * freely (1) took 20 % off a smile's corner rise (flare-male18) and left two other smiles under
 * QUALITY.md's 3 %; starting at 0.03 and doubling (RELUCTANT_DOUBLING_ROUNDS), it keeps 91 %.
 */
const RELUCTANT_RATE = 0.03;
/** Rounds after which a kept vertex's share doubles, and the last resort's rounds at most (the share reaches 1 by the end). */
const RELUCTANT_DOUBLING_ROUNDS = 100;
const LAST_RESORT_ROUNDS = 600;
/** Triangles thinner than this (twice the area over the squared edges) are lines, not folds. */
const DEGENERATE_SHAPE = 1e-6;

export interface MorphGeometry {
  readonly neighbours: MeshNeighbours;
  /** Skin triangles, three vertex indices each. */
  readonly triangles: ArrayLike<number>;
  readonly x: (vertex: number) => number;
  readonly y: (vertex: number) => number;
  /** Vertices whose authored motion is kept as is (what the detector must see move). */
  readonly keep: ReadonlySet<number>;
  /** Per triangle, 1 where its area must also stay within limits (all but lids and lips). */
  readonly areaLimited?: Uint8Array;
  /** Vertices moved to unfold a triangle but never to ease a squeeze. */
  readonly stretchKeep?: ReadonlySet<number>;
  /**
   * Kept vertices that may still move, as a last resort, to unfold a triangle that moving the
   * others could not: a fold shows, where a point moved less than a pixel off its authored motion does not.
   */
  readonly unfoldable?: ReadonlySet<number>;
}

/**
 * Authored handles can cross where features crowd (the lip rows meet at the mouth corners,
 * the lids at the eye corners): at full weight a few triangles turn over, and the small
 * skin triangles beside a mouth corner are squeezed flat. This smooths the motion of just
 * those triangles' corners toward moving as one until none is turned over or squeezed
 * beyond the area limits, so the morph keeps its shape everywhere else. Where kept vertices
 * hold a fold in place (thin lips, whose rows lie under a pixel apart, cross as a smile's pinned
 * middle and moving corner shear them), the `unfoldable` ones then move too, for folds only.
 * Edits `value` (dense x, y, z per vertex, the morph at weight 1) in place; returns the
 * triangles still failing (0 when it succeeded).
 */
export function untangleMorph(value: Float64Array, geometry: MorphGeometry): number {
  const failing = relax(value, geometry, geometry.keep, false);
  const { unfoldable } = geometry;
  if (failing === 0 || !unfoldable || unfoldable.size === 0) return failing;
  const before = value.slice();
  const keep = new Set([...geometry.keep].filter((v) => !unfoldable.has(v)));
  relax(value, geometry, keep, true, LAST_RESORT_ROUNDS, unfoldable);
  const after = relax(value, geometry, geometry.keep, false, 0);
  if (after <= failing) return after;
  value.set(before);
  return failing;
}

/**
 * Rounds of pulling the failing triangles' corners (all but `keep`) toward moving as one, at most
 * `rounds`; only folds count when `foldsOnly`. Returns the triangles still failing.
 */
function relax(value: Float64Array, geometry: MorphGeometry, keep: ReadonlySet<number>, foldsOnly: boolean, rounds = MAX_ROUNDS, reluctant?: ReadonlySet<number>): number {
  const { triangles, x, y, stretchKeep } = geometry;
  const areaLimited = foldsOnly ? undefined : geometry.areaLimited;
  const count = triangles.length / 3;
  const shift = new Float64Array(value.length);
  const shares = new Uint16Array(value.length / 3);
  const unfolds = new Uint8Array(value.length / 3);
  let folded = 0;
  for (let round = 0; round <= rounds; round++) {
    folded = 0;
    shift.fill(0);
    shares.fill(0);
    unfolds.fill(0);
    for (let t = 0; t < count; t++) {
      const a = triangles[t * 3], b = triangles[t * 3 + 1], c = triangles[t * 3 + 2];
      const e1x = x(b) - x(a), e1y = y(b) - y(a), e2x = x(c) - x(a), e2y = y(c) - y(a);
      const rest = e1x * e2y - e1y * e2x;
      if (Math.abs(rest) < DEGENERATE_SHAPE * (e1x * e1x + e1y * e1y + e2x * e2x + e2y * e2y)) continue;
      const f1x = e1x + value[b * 3] - value[a * 3], f1y = e1y + value[b * 3 + 1] - value[a * 3 + 1];
      const f2x = e2x + value[c * 3] - value[a * 3], f2y = e2y + value[c * 3 + 1] - value[a * 3 + 1];
      const share = (f1x * f2y - f1y * f2x) / rest;
      const limited = areaLimited !== undefined && areaLimited[t] === 1;
      if (share >= MIN_AREA_SHARE && !(limited && (share < MIN_LIMITED_SHARE || share > MAX_LIMITED_SHARE))) continue;
      folded++;
      if (round === rounds) continue;
      // Pull the three corners toward moving as one: a triangle that moves rigidly cannot fold.
      for (let k = 0; k < 3; k++) {
        const mean = (value[a * 3 + k] + value[b * 3 + k] + value[c * 3 + k]) / 3;
        for (const v of [a, b, c]) shift[v * 3 + k] += (mean - value[v * 3 + k]) * PULL;
      }
      shares[a]++;
      shares[b]++;
      shares[c]++;
      if (share < MIN_AREA_SHARE) unfolds[a] = unfolds[b] = unfolds[c] = 1;
    }
    if (folded === 0 || round === rounds) break;
    for (let v = 0; v < shares.length; v++) {
      if (shares[v] === 0 || keep.has(v) || (unfolds[v] === 0 && stretchKeep?.has(v))) continue;
      const rate = reluctant?.has(v) ? Math.min(1, RELUCTANT_RATE * 2 ** Math.floor(round / RELUCTANT_DOUBLING_ROUNDS)) : 1;
      for (let k = 0; k < 3; k++) value[v * 3 + k] += (shift[v * 3 + k] / shares[v]) * rate;
    }
  }
  return folded;
}
