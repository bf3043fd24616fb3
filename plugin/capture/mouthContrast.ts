import { LIPS } from '../core/landmarkIndices';
import { insidePolygon, type Polygon2 } from '../core/polygon';
import { luma } from '../core/luma';

/** RGBA8 pixels, rows top first (an ImageData has this shape). */
export interface RgbaPixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array | Uint8ClampedArray;
}

const loopOf = (points: ArrayLike<number>, loop: readonly number[]): Polygon2 => loop.map((i) => [points[i * 3], points[i * 3 + 1]] as const);

/**
 * How much brighter the lips are than the opening between them, in Rec. 601 luma levels (0..255):
 * the mean over the outer-lip loop less the inner one, minus the mean inside the inner loop, each
 * sampled at pixel centres. `points` are a detection's landmarks in pixels (x, y, z each). An open
 * mouth reads as open when this is positive (QUALITY.md's jaw probe). NaN if either region holds
 * no pixel. For calibration and evaluation, not per frame.
 */
export function lipsOverOpeningLuma(image: RgbaPixels, points: ArrayLike<number>): number {
  const outer = loopOf(points, LIPS.outer.loop), inner = loopOf(points, LIPS.inner.loop);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of [...outer, ...inner]) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  let lips = 0, lipCount = 0, opening = 0, openingCount = 0;
  for (let y = Math.max(0, Math.floor(minY)); y <= Math.min(image.height - 1, Math.ceil(maxY)); y++) {
    for (let x = Math.max(0, Math.floor(minX)); x <= Math.min(image.width - 1, Math.ceil(maxX)); x++) {
      const inOpening = insidePolygon(x + 0.5, y + 0.5, inner);
      if (!inOpening && !insidePolygon(x + 0.5, y + 0.5, outer)) continue;
      const o = (y * image.width + x) * 4;
      const bright = luma(image.data[o], image.data[o + 1], image.data[o + 2]);
      if (inOpening) {
        opening += bright;
        openingCount++;
      } else {
        lips += bright;
        lipCount++;
      }
    }
  }
  return lipCount && openingCount ? lips / lipCount - opening / openingCount : NaN;
}
