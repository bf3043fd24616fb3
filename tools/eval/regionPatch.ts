// A face region (an eye, the mouth) cut from a frame or a shot into a fixed-size patch, so regions of
// different images compare pixel for pixel.
import { LIPS } from '../../plugin/core/landmarkIndices';
import type { EyeOutline } from '../../plugin/core/landmarkTypes';
import { distance, type Points } from './faceMeasures';
import type { Rgba } from './pixels';

/** Patch size in samples, and how much of the feature's width the patch spans across and down. */
const PATCH_COLUMNS = 48;
const PATCH_ROWS = 32;
const EYE_SPAN = { across: 1.6, down: 1.0 };
const MOUTH_SPAN = { across: 1.5, down: 1.0 };

/** Centre and width of a feature: the mean of its outline and the distance between its corners. */
export interface Region {
  cx: number;
  cy: number;
  width: number;
  span: { across: number; down: number };
}

function region(points: Points, loop: readonly number[], cornerA: number, cornerB: number, span: Region['span'], stride: number): Region {
  let cx = 0, cy = 0;
  for (const i of loop) {
    cx += points[i * stride];
    cy += points[i * stride + 1];
  }
  return { cx: cx / loop.length, cy: cy / loop.length, width: distance(points, cornerA, cornerB), span };
}

/** An eye's region in landmarks given as x, y, z per point (frame or shot pixels). */
export const eyeRegion = (points: Points, eye: EyeOutline): Region => region(points, eye.loop, eye.outerCorner, eye.innerCorner, EYE_SPAN, 3);
/** The mouth's region, from the outer lip contour. */
export const mouthRegion = (points: Points): Region =>
  region(points, LIPS.outer.loop, LIPS.outer.subjectLeftCorner, LIPS.outer.subjectRightCorner, MOUTH_SPAN, 3);

function sample(image: Rgba, x: number, y: number, channel: number): number {
  const cx = Math.min(image.width - 1, Math.max(0, x)), cy = Math.min(image.height - 1, Math.max(0, y));
  const x0 = Math.floor(cx), y0 = Math.floor(cy);
  const x1 = Math.min(image.width - 1, x0 + 1), y1 = Math.min(image.height - 1, y0 + 1);
  const fx = cx - x0, fy = cy - y0;
  const at = (px: number, py: number) => image.data[(py * image.width + px) * 4 + channel];
  return (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
}

/**
 * Mean absolute RGB difference (0..1) between region `a` of image `ia` and region `b` of image
 * `ib`, each resampled onto the same grid: how different the two regions look.
 */
export function regionDistance(ia: Rgba, a: Region, ib: Rgba, b: Region): number {
  let sum = 0;
  for (let row = 0; row < PATCH_ROWS; row++) {
    const t = row / (PATCH_ROWS - 1) - 0.5;
    for (let col = 0; col < PATCH_COLUMNS; col++) {
      const s = col / (PATCH_COLUMNS - 1) - 0.5;
      const ax = a.cx + s * a.width * a.span.across, ay = a.cy + t * a.width * a.span.down;
      const bx = b.cx + s * b.width * b.span.across, by = b.cy + t * b.width * b.span.down;
      for (let c = 0; c < 3; c++) sum += Math.abs(sample(ia, ax, ay, c) - sample(ib, bx, by, c));
    }
  }
  return sum / (PATCH_ROWS * PATCH_COLUMNS * 3 * 255);
}
