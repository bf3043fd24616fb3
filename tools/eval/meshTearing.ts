// QUALITY.md's "no tearing": no skin triangle of the posed mesh flips over, and outside the
// lids and lips none grows beyond 3× or shrinks below a third of its rest area.
import { RigLayer, SHADE_STRIDE, type PortraitRigData } from '../../plugin/rig/PortraitRigData';
import { areaLimitedTriangles, MAX_AREA_GROWTH, MIN_AREA_SHRINK } from '../../plugin/rig/stretchLimits';

export { MAX_AREA_GROWTH, MIN_AREA_SHRINK };
/** Triangles smaller than this share of the frame at rest have no meaningful orientation. */
const DEGENERATE_AREA = 1e-7;
/** x, y, depth per vertex in PortraitRigData.rest. */
const REST_STRIDE = 3;

export interface Tearing {
  /** Skin triangles whose orientation flipped. */
  foldOvers: number;
  /** Skin triangles outside lids and lips beyond the area limits. */
  overStretched: number;
  /** Largest and smallest area ratio (posed / rest) outside lids and lips. */
  maxAreaRatio: number;
  minAreaRatio: number;
}

export class MeshTearingCheck {
  private readonly _skin: Uint32Array;
  private readonly _areaChecked: Uint8Array;

  constructor(rig: PortraitRigData) {
    const skin: number[] = [];
    const isSkin = (v: number) => rig.shade[v * SHADE_STRIDE] === RigLayer.Skin;
    for (let t = 0; t < rig.indices.length; t += 3) {
      const a = rig.indices[t], b = rig.indices[t + 1], c = rig.indices[t + 2];
      if (isSkin(a) && isSkin(b) && isSkin(c)) skin.push(a, b, c);
    }
    this._skin = Uint32Array.from(skin);
    this._areaChecked = areaLimitedTriangles(this._skin, rig.rest, REST_STRIDE);
  }

  /** `rest` and `posed` as PortraitRig.deform writes them (u, v, depth per vertex). */
  measure(rest: Float32Array, posed: Float32Array): Tearing {
    const area = (p: Float32Array, a: number, b: number, c: number) =>
      ((p[b * 3] - p[a * 3]) * (p[c * 3 + 1] - p[a * 3 + 1]) - (p[b * 3 + 1] - p[a * 3 + 1]) * (p[c * 3] - p[a * 3])) / 2;
    const result: Tearing = { foldOvers: 0, overStretched: 0, maxAreaRatio: 1, minAreaRatio: 1 };
    for (let k = 0; k < this._areaChecked.length; k++) {
      const a = this._skin[k * 3], b = this._skin[k * 3 + 1], c = this._skin[k * 3 + 2];
      const before = area(rest, a, b, c);
      if (Math.abs(before) < DEGENERATE_AREA) continue;
      const ratio = area(posed, a, b, c) / before;
      if (ratio <= 0) result.foldOvers++;
      if (!this._areaChecked[k]) continue;
      result.maxAreaRatio = Math.max(result.maxAreaRatio, ratio);
      result.minAreaRatio = Math.min(result.minAreaRatio, ratio);
      if (ratio > MAX_AREA_GROWTH || ratio < MIN_AREA_SHRINK) result.overStretched++;
    }
    return result;
  }
}
