import { insidePolygon, type Polygon2 } from '../core/polygon';
/** RGB in 0..1. */
export type Rgb = readonly [number, number, number];

/** Colours of the layers a warp cannot take from the portrait, in the portrait's own tones. */
export interface RigColors {
  readonly sclera: Rgb;
  readonly cavity: Rgb;
  readonly teeth: Rgb;
  readonly tongue: Rgb;
  readonly lid: Rgb;
}

/** Pixels to sample the portrait's colours from (an ImageData has this shape). */
export interface RigPixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray | Uint8Array;
}

/** Neutral tones for when no pixels are given. */
export const DEFAULT_RIG_COLORS: RigColors = {
  sclera: [0.92, 0.9, 0.87],
  cavity: [0.16, 0.05, 0.05],
  teeth: [0.9, 0.87, 0.8],
  tongue: [0.62, 0.3, 0.3],
  lid: [0.75, 0.58, 0.5],
};

/** A point set's bounding polygon as a loop of pixel coordinates. */
export type PixelPolygon = Polygon2;

/** Opaque pixels inside a polygon, sorted by brightness. */
function pixelsIn(pixels: RigPixels, polygon: PixelPolygon): number[][] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of polygon) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const found: number[][] = [];
  for (let y = Math.max(0, Math.floor(minY)); y <= Math.min(pixels.height - 1, Math.ceil(maxY)); y++) {
    for (let x = Math.max(0, Math.floor(minX)); x <= Math.min(pixels.width - 1, Math.ceil(maxX)); x++) {
      if (!insidePolygon(x + 0.5, y + 0.5, polygon)) continue;
      const o = (y * pixels.width + x) * 4;
      if (pixels.data[o + 3] < 128) continue;
      found.push([pixels.data[o] / 255, pixels.data[o + 1] / 255, pixels.data[o + 2] / 255]);
    }
  }
  found.sort((a, b) => a[0] + a[1] + a[2] - (b[0] + b[1] + b[2]));
  return found;
}

function mean(list: number[][], from: number, to: number, fallback: Rgb): Rgb {
  const slice = list.slice(Math.floor(from * list.length), Math.max(Math.floor(from * list.length) + 1, Math.floor(to * list.length)));
  if (slice.length === 0 || list.length === 0) return fallback;
  const sum = [0, 0, 0];
  for (const p of slice) for (let c = 0; c < 3; c++) sum[c] += p[c];
  return [sum[0] / slice.length, sum[1] / slice.length, sum[2] / slice.length];
}

const scale = (c: Rgb, k: number): Rgb => [c[0] * k, c[1] * k, c[2] * k];
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/**
 * Samples the portrait's own tones: the eye white from the brightest pixels of the eye
 * openings, lips from the lip band, lid skin from above the eyes; teeth, cavity and tongue are
 * made from those so a painted portrait gets painted-looking insides.
 */
export function sampleRigColors(pixels: RigPixels, regions: { eyes: PixelPolygon[]; lips: PixelPolygon; lids: PixelPolygon[] }): RigColors {
  const eyePixels = regions.eyes.flatMap((eye) => pixelsIn(pixels, eye));
  eyePixels.sort((a, b) => a[0] + a[1] + a[2] - (b[0] + b[1] + b[2]));
  const scleraSample = mean(eyePixels, 0.75, 1, DEFAULT_RIG_COLORS.sclera);
  // A painted eye white is often grey; lift it toward white so the detector sees an eye white.
  const sclera = mix(scleraSample, [0.95, 0.94, 0.92], 0.35);
  const lip = mean(pixelsIn(pixels, regions.lips), 0.3, 0.8, [0.7, 0.4, 0.4]);
  const lid = mean(regions.lids.flatMap((l) => pixelsIn(pixels, l)), 0.3, 0.9, DEFAULT_RIG_COLORS.lid);
  return {
    sclera,
    cavity: scale(lip, 0.22),
    teeth: mix(sclera, [0.93, 0.9, 0.82], 0.5),
    tongue: mix(scale(lip, 0.85), [0.7, 0.32, 0.32], 0.35),
    lid,
  };
}
