import { sparseMorph } from './harmonicMorph';
import type { RigMorph } from './PortraitRigData';
import { untangleMorph, type MorphGeometry } from './untangleMorph';

/**
 * Rounds of untangling the sum, then each half: a half's own fix may tangle the sum again. Over
 * the 36 portraits one round left 2 full smiles folded, two rounds 1, more no better.
 */
const PAIR_ROUNDS = 3;

/**
 * The two halves of one expression (mouthSmileLeft and mouthSmileRight) are each untangled
 * alone, but played together their shears meet at the lips' middle and beside the corners,
 * and a few pixel-thin lip triangles turn over: 5 of 36 portraits' full smiles folded so.
 * This untangles the sum and gives each half the part of the fix that its own motion has at
 * each vertex (halves where neither moves). Returns the two morphs, fixed where they needed it.
 */
export function untanglePair(left: RigMorph, right: RigMorph, vertexCount: number, geometry: MorphGeometry): [RigMorph, RigMorph] {
  const l = dense(left, vertexCount), r = dense(right, vertexCount);
  const sum = new Float64Array(vertexCount * 3), before = new Float64Array(vertexCount * 3);
  let changed = false;
  for (let round = 0; round < PAIR_ROUNDS; round++) {
    for (let k = 0; k < sum.length; k++) sum[k] = l[k] + r[k];
    before.set(sum);
    untangleMorph(sum, geometry);
    if (sum.every((value, k) => value === before[k])) break;
    changed = true;
    for (let v = 0; v < vertexCount; v++) {
      const o = v * 3;
      const fx = sum[o] - before[o], fy = sum[o + 1] - before[o + 1], fz = sum[o + 2] - before[o + 2];
      if (fx === 0 && fy === 0 && fz === 0) continue;
      const ml = Math.hypot(l[o], l[o + 1]), mr = Math.hypot(r[o], r[o + 1]);
      const toLeft = ml + mr > 0 ? ml / (ml + mr) : 0.5;
      l[o] += fx * toLeft; l[o + 1] += fy * toLeft; l[o + 2] += fz * toLeft;
      r[o] += fx * (1 - toLeft); r[o + 1] += fy * (1 - toLeft); r[o + 2] += fz * (1 - toLeft);
    }
    // Each half alone must stay untangled too: a one-sided smile is an expression of its own.
    untangleMorph(l, geometry);
    untangleMorph(r, geometry);
  }
  return changed ? [sparseMorph(l), sparseMorph(r)] : [left, right];
}

function dense(morph: RigMorph, vertexCount: number): Float64Array {
  const out = new Float64Array(vertexCount * 3);
  morph.vertices.forEach((v, k) => {
    out[v * 3] = morph.deltas[k * 3];
    out[v * 3 + 1] = morph.deltas[k * 3 + 1];
    out[v * 3 + 2] = morph.deltas[k * 3 + 2];
  });
  return out;
}
