import type { LipsOutline } from '../core/landmarkTypes';
import { RigLayer } from './PortraitRigData';
import type { RigMeshBuilder } from './RigMeshBuilder';

/** Rows of the mouth interior between the upper and the lower inner lip. */
const MOUTH_ROWS = 4;
/** The interior tucks this far (face heights) under each lip so no seam shows as the lips part. */
const MOUTH_TUCK = 0.012;

export interface MouthLayer {
  /** Each interior vertex, the upper and lower inner-lip vertices it follows, and how far down it lies (0 top, 1 bottom). */
  readonly followers: number[];
  readonly mix: number[];
}

/**
 * Behind the lips: a grid stretched between the upper and the lower inner lip, which follows
 * them as the mouth opens and is shaded as cavity, teeth and tongue.
 */
export function addMouthLayer(mesh: RigMeshBuilder, lips: LipsOutline, upX: number, upY: number, faceHeight: number): MouthLayer {
  const upper = lips.inner.upper;
  const lower = lips.inner.lower;
  const columns = upper.length;
  const tuck = MOUTH_TUCK * faceHeight;
  const followers: number[] = [];
  const mix: number[] = [];
  const rows: number[][] = [];
  for (let r = 0; r < MOUTH_ROWS; r++) {
    const t = r / (MOUTH_ROWS - 1);
    const row: number[] = [];
    for (let c = 0; c < columns; c++) {
      const a = upper[c], b = lower[c];
      const corner = c === 0 || c === columns - 1;
      const shift = corner ? 0 : tuck * (1 - 2 * t);
      const x = mesh.x(a) + (mesh.x(b) - mesh.x(a)) * t + upX * shift;
      const y = mesh.y(a) + (mesh.y(b) - mesh.y(a)) * t + upY * shift;
      // At the lips' own depth, so it turns with them; the generator draws it behind them.
      const depth = mesh.depth(a) + (mesh.depth(b) - mesh.depth(a)) * t;
      const v = mesh.add(x, y, depth, RigLayer.MouthInterior, c / (columns - 1), t);
      row.push(v);
      followers.push(v, a, b);
      mix.push(t);
    }
    if (r > 0) mesh.strip(rows[r - 1], row, false);
    rows.push(row);
  }
  return { followers, mix };
}
