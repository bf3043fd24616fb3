import type { Points } from './faceMeasures';

/** Decimal places kept per residual: 0.00001 face widths is far below a pixel at any probe size. */
const RESIDUAL_DECIMALS = 5;

/**
 * Each landmark's re-detected motion minus the rig's motion, x then y, in face widths: what
 * landmark agreement averages, kept per landmark so that a bias shared by many portraits (a
 * point the detector always reads higher than the rig puts it) can be told from noise.
 * `seen` and `neutral` are the detector's points on the probe and neutral frames, `posed` and
 * `rest` the rig's; all in pixels, three numbers per point.
 */
export function landmarkResiduals(seen: Points, neutral: Points, posed: Points, rest: Points, count: number, faceWidthPx: number): number[] {
  const scale = 10 ** RESIDUAL_DECIMALS;
  const out = new Array<number>(count * 2);
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < 2; k++) {
      const j = i * 3 + k;
      const residual = (seen[j] - neutral[j] - (posed[j] - rest[j])) / faceWidthPx;
      out[i * 2 + k] = Math.round(residual * scale) / scale;
    }
  }
  return out;
}
