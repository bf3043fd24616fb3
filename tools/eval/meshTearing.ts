// QUALITY.md's "no tearing": no skin triangle of the posed mesh flips over, and outside the
// lids and lips none grows beyond 3× or shrinks below a third of its rest area.
import type { PortraitRigData } from '../../plugin/rig/PortraitRigData';
import { areaRatios, skinTriangles, type SkinTriangles } from '../../plugin/rig/skinAreas';
import { MAX_AREA_GROWTH, MIN_AREA_SHRINK } from '../../plugin/rig/stretchLimits';

export { MAX_AREA_GROWTH, MIN_AREA_SHRINK };

export interface Tearing {
  /** Skin triangles whose orientation flipped. */
  foldOvers: number;
  /** Their corner vertices (rig vertex indices, landmark indices below 478), three per triangle: where to look. */
  folded: number[];
  /** Skin triangles outside lids and lips beyond the area limits. */
  overStretched: number;
  /** Largest and smallest area ratio (posed / rest) outside lids and lips. */
  maxAreaRatio: number;
  minAreaRatio: number;
}

/** The same skin triangles and area ratios the rig's bake-time tearing guards read (rig/skinAreas), counted as QUALITY.md counts them. */
export class MeshTearingCheck {
  private readonly _skin: SkinTriangles;

  constructor(rig: Pick<PortraitRigData, 'indices' | 'shade' | 'rest'>) {
    this._skin = skinTriangles(rig);
  }

  /** `rest` and `posed` as PortraitRig.deform writes them (u, v, depth per vertex). Degenerate rest triangles read as unchanged. */
  measure(rest: Float32Array, posed: Float32Array): Tearing {
    const ratios = areaRatios(this._skin, rest, posed);
    const limited = this._skin.limited;
    const result: Tearing = { foldOvers: 0, folded: [], overStretched: 0, maxAreaRatio: 1, minAreaRatio: 1 };
    const corners = this._skin.corners;
    for (let k = 0; k < ratios.length; k++) {
      const ratio = ratios[k];
      if (ratio <= 0) {
        result.foldOvers++;
        result.folded.push(corners[k * 3], corners[k * 3 + 1], corners[k * 3 + 2]);
      }
      if (!limited[k]) continue;
      result.maxAreaRatio = Math.max(result.maxAreaRatio, ratio);
      result.minAreaRatio = Math.min(result.minAreaRatio, ratio);
      if (ratio > MAX_AREA_GROWTH || ratio < MIN_AREA_SHRINK) result.overStretched++;
    }
    return result;
  }
}
