import type { PortraitRigData } from './PortraitRigData';
import { rollFollow } from './outerRings';

/**
 * Per vertex, the share of a head roll it follows (rig/outerRings rollFollow): the head weight
 * on the face and the border, and between them a share that falls about evenly over the rings.
 * Derived from the rig's own rest and head weights, so rig files carry nothing new. Once per rig,
 * not per frame.
 */
export function rollWeights(data: Pick<PortraitRigData, 'vertexCount' | 'rest' | 'headWeight' | 'frame'>): Float32Array {
  const { frame, rest, headWeight } = data;
  const out = Float32Array.from(headWeight);
  for (let v = 0; v < data.vertexCount; v++) {
    const w = headWeight[v];
    if (!(w > 0 && w < 1)) continue;
    // Ring points lie on rays from the face's middle: the ray's direction says how far below it they are.
    const dx = rest[v * 3] - frame.centerX, dy = rest[v * 3 + 1] - frame.centerY;
    const length = Math.hypot(dx, dy);
    const upness = length > 0 ? (dx * frame.upX + dy * frame.upY) / length : 0;
    out[v] = rollFollow(w, Math.max(0, -upness));
  }
  return out;
}
