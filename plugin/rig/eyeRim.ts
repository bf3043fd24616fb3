import type { EyeOutline } from '../core/landmarkTypes';
import { RigLayer, SHADE_STRIDE, type PortraitRigData } from './PortraitRigData';

/** Where the eye-rim weight sits in a skin vertex's shade (the lash weight is at 1). */
export const EYE_RIM_SHADE_OFFSET = 2;
/**
 * How far from an eye's outline, as a share of that eye's width, the skin counts as its rim (a
 * detector's outline can lie a few pixels inside the painted eye). Chosen with the eval over 17
 * portraits and checked on 19 unseen ones: weighting the outline points alone held 67 and 69
 * probes, 0.15 held 68 and 72, 0.3 held 65 (its cover read to the detector as an open eye).
 */
export const EYE_RIM_REACH = 0.15;

/** Distance from a point to segment a–b. */
function toSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / length2)) : 0;
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/**
 * Writes each skin vertex's eye-rim weight into `shade`: 1 on the outline, falling linearly to 0
 * at EYE_RIM_REACH eye widths from it, signed by eye (`sign`), so that the generator can cover
 * eye white left around a shut eye with lid skin. Measured in image pixels on the rest pose.
 */
export function markEyeRim(data: PortraitRigData, shade: Float32Array, eye: EyeOutline, sign: number): void {
  const w = data.imageWidth, h = data.imageHeight, uv = data.uv;
  const x = (v: number) => uv[v * 2] * w;
  const y = (v: number) => uv[v * 2 + 1] * h;
  const reach = Math.hypot(x(eye.outerCorner) - x(eye.innerCorner), y(eye.outerCorner) - y(eye.innerCorner)) * EYE_RIM_REACH;
  if (!(reach > 0)) return;
  const loop = eye.loop;
  for (let v = 0; v < data.vertexCount; v++) {
    const at = v * SHADE_STRIDE;
    if (shade[at] !== RigLayer.Skin) continue;
    let nearest = Infinity;
    for (let k = 0; k < loop.length; k++) {
      const a = loop[k], b = loop[(k + 1) % loop.length];
      nearest = Math.min(nearest, toSegment(x(v), y(v), x(a), y(a), x(b), y(b)));
    }
    const weight = 1 - nearest / reach;
    if (weight > Math.abs(shade[at + EYE_RIM_SHADE_OFFSET])) shade[at + EYE_RIM_SHADE_OFFSET] = sign * weight;
  }
}
