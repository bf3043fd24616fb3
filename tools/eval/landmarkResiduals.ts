import type { Points } from './faceMeasures';

/** Decimal places kept per residual: 0.00001 face widths is far below a pixel at any probe size. */
const RESIDUAL_DECIMALS = 5;

/**
 * Each landmark's re-detected place minus the place landmark agreement measures it against (the
 * rig's motion applied where the detector saw the neutral face), x then y, in face widths: what
 * landmark agreement averages, kept per landmark so that a bias shared by many portraits (a
 * point the detector always reads higher than the rig puts it) can be told from noise. `seen`
 * and `target` are in pixels, x, y, z per point; only x and y are compared.
 */
export function landmarkResiduals(seen: Points, target: Points, count: number, faceWidthPx: number): number[] {
  const scale = 10 ** RESIDUAL_DECIMALS;
  const out = new Array<number>(count * 2);
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < 2; k++) out[i * 2 + k] = Math.round(((seen[i * 3 + k] - target[i * 3 + k]) / faceWidthPx) * scale) / scale;
  }
  return out;
}
