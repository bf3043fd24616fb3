import { insidePolygon, type Polygon2 } from '../../plugin/core/polygon';

/** Pixels, RGBA8, rows top first. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** True where a pixel counts; x and y are pixel indices. */
export type PixelMask = (x: number, y: number) => boolean;

/** Peak signal-to-noise ratio over RGB, optionally only where mask is true. */
export function psnr(a: Rgba, b: Rgba, mask?: PixelMask): number {
  let sum = 0;
  let count = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      if (mask && !mask(x, y)) continue;
      const o = (y * a.width + x) * 4;
      for (let c = 0; c < 3; c++) {
        const d = a.data[o + c] - b.data[o + c];
        sum += d * d;
      }
      count += 3;
    }
  }
  const mse = sum / Math.max(1, count);
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}

/** Pixels that are not fully opaque: where nothing was drawn, the clear colour (alpha 0) shows. */
export function countHoles(frame: Rgba): number {
  let holes = 0;
  for (let i = 3; i < frame.data.length; i += 4) if (frame.data[i] !== 255) holes++;
  return holes;
}

/** Inside a polygon of pixel points, sampled at pixel centres. */
export function polygonMask(polygon: Polygon2): PixelMask {
  return (x, y) => insidePolygon(x + 0.5, y + 0.5, polygon);
}

/** An image laid on a matte colour and scaled to a square: what a neutral frame should equal. */
export function imageOnMatte(image: CanvasImageSource, size: number, matteCss: string): Rgba {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = matteCss;
  context.fillRect(0, 0, size, size);
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, size, size);
  return { width: size, height: size, data: context.getImageData(0, 0, size, size).data };
}

/** The polygon through these landmarks (pixel positions, x, y, z per point). */
export function landmarkPolygon(points: ArrayLike<number>, loop: readonly number[]): [number, number][] {
  return loop.map((i) => [points[i * 3], points[i * 3 + 1]]);
}

/** Convex hull (counter-clockwise) of 2-D points. */
export function convexHull(points: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: readonly number[], a: readonly number[], b: readonly number[]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: (readonly [number, number])[]) => {
    const out: [number, number][] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2], out[out.length - 1], p) <= 0) out.pop();
      out.push([p[0], p[1]]);
    }
    out.pop();
    return out;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

/** A polygon grown about its centroid by a share (0.4 = 40 % larger). */
export function grow(polygon: readonly (readonly [number, number])[], share: number): [number, number][] {
  const cx = polygon.reduce((s, p) => s + p[0], 0) / polygon.length;
  const cy = polygon.reduce((s, p) => s + p[1], 0) / polygon.length;
  return polygon.map(([x, y]) => [cx + (x - cx) * (1 + share), cy + (y - cy) * (1 + share)]);
}
