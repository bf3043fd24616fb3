// QUALITY.md's "no tearing": no skin triangle of the posed mesh flips over, and outside the
// lids and lips none grows beyond 3× or shrinks below a third of its rest area.
import { LIPS, SUBJECT_LEFT_EYE, SUBJECT_RIGHT_EYE } from '../../plugin/core/landmarkIndices';
import { insidePolygon, type Polygon2 } from '../../plugin/core/polygon';
import { RigLayer, SHADE_STRIDE, type PortraitRigData } from '../../plugin/rig/PortraitRigData';

export const MAX_AREA_GROWTH = 3;
export const MIN_AREA_SHRINK = 1 / 3;
/** Triangles smaller than this share of the frame at rest have no meaningful orientation. */
const DEGENERATE_AREA = 1e-7;

const LID_AND_LIP_POINTS: ReadonlySet<number> = new Set([
  ...SUBJECT_LEFT_EYE.loop, ...SUBJECT_RIGHT_EYE.loop, ...LIPS.outer.loop, ...LIPS.inner.loop,
]);

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
    // The lips are everything inside their outer contour: the face mesh has two more rings of
    // points on the red of the lips, and triangles between them stretch as lips do.
    const lips: Polygon2 = LIPS.outer.loop.map((v) => [rig.rest[v * 3], rig.rest[v * 3 + 1]] as const);
    const skin: number[] = [];
    const checked: number[] = [];
    const isSkin = (v: number) => rig.shade[v * SHADE_STRIDE] === RigLayer.Skin;
    for (let t = 0; t < rig.indices.length; t += 3) {
      const a = rig.indices[t], b = rig.indices[t + 1], c = rig.indices[t + 2];
      if (!isSkin(a) || !isSkin(b) || !isSkin(c)) continue;
      skin.push(a, b, c);
      const onLidOrLip = LID_AND_LIP_POINTS.has(a) || LID_AND_LIP_POINTS.has(b) || LID_AND_LIP_POINTS.has(c);
      checked.push(onLidOrLip || centroidInside(rig.rest, a, b, c, lips) ? 0 : 1);
    }
    this._skin = Uint32Array.from(skin);
    this._areaChecked = Uint8Array.from(checked);
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

function centroidInside(rest: Float32Array, a: number, b: number, c: number, polygon: Polygon2): boolean {
  const x = (rest[a * 3] + rest[b * 3] + rest[c * 3]) / 3;
  const y = (rest[a * 3 + 1] + rest[b * 3 + 1] + rest[c * 3 + 1]) / 3;
  return insidePolygon(x, y, polygon);
}
