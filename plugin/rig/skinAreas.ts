// Skin triangles' areas posed against rest: what QUALITY.md's "no tearing" reads, for the
// bake-time steps that keep a turn from tearing the mesh.
import { RigLayer, SHADE_STRIDE, type PortraitRigData } from './PortraitRigData';
import { areaLimitedTriangles, MAX_AREA_GROWTH, MIN_AREA_SHRINK } from './stretchLimits';

/** Rest areas below this (0..1 frame units, doubled) have no meaningful orientation; such a triangle reads as unchanged (the eval's tearing check reads these ratios too). */
const DEGENERATE = 2e-7;
/** Headroom inside QUALITY.md's area limits that correctives keep to: the detector that found them varies. */
export const CORRECTIVE_HEADROOM = 1.25;
/** Headroom the gains keep to: every 3 % of yaw gain costs the turn's read about half a degree. */
export const GAIN_HEADROOM = 1.05;
/** Each step of a bake-time gain cap (rig/capTurnGains, rig/capSmileGains) keeps this share of the gain: fine enough that the read loses little. */
export const GAIN_CAP_STEP = 0.97;
/** Flipped is flipped however small: a triangle keeps this share of its rest area at least. */
export const MIN_KEPT_AREA = 0.05;

export interface SkinTriangles {
  /** Corner vertices, three per triangle. */
  readonly corners: Uint32Array;
  /** 1 where the triangle's area is limited (not lids or lips: rig/stretchLimits). */
  readonly limited: Uint8Array;
}

export function skinTriangles(data: Pick<PortraitRigData, 'indices' | 'shade' | 'rest'>): SkinTriangles {
  const kept: number[] = [];
  const { indices, shade } = data;
  const isSkin = (v: number) => shade[v * SHADE_STRIDE] === RigLayer.Skin;
  for (let t = 0; t < indices.length; t += 3) {
    if (isSkin(indices[t]) && isSkin(indices[t + 1]) && isSkin(indices[t + 2])) kept.push(indices[t], indices[t + 1], indices[t + 2]);
  }
  const corners = Uint32Array.from(kept);
  return { corners, limited: areaLimitedTriangles(corners, data.rest, 3) };
}

/** Posed over rest area per triangle, from deform()'s output (stride 3); 1 where the rest area is nil. */
export function areaRatios(skin: SkinTriangles, rest: Float32Array, posed: Float32Array): Float64Array {
  const c = skin.corners;
  const area = (p: Float32Array, a: number, b: number, d: number) =>
    (p[b * 3] - p[a * 3]) * (p[d * 3 + 1] - p[a * 3 + 1]) - (p[b * 3 + 1] - p[a * 3 + 1]) * (p[d * 3] - p[a * 3]);
  const ratios = new Float64Array(c.length / 3);
  for (let t = 0; t < ratios.length; t++) {
    const r = area(rest, c[t * 3], c[t * 3 + 1], c[t * 3 + 2]);
    ratios[t] = Math.abs(r) < DEGENERATE ? 1 : area(posed, c[t * 3], c[t * 3 + 1], c[t * 3 + 2]) / r;
  }
  return ratios;
}

/** Whether a triangle at this area ratio folds, or (where its area is limited) comes within `headroom` of the limits. */
export function tears(ratio: number, limited: boolean, headroom = CORRECTIVE_HEADROOM): boolean {
  return ratio < MIN_KEPT_AREA || (limited && (ratio < MIN_AREA_SHRINK * headroom || ratio > MAX_AREA_GROWTH / headroom));
}
