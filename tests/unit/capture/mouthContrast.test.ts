import { describe, expect, it } from 'vitest';
import { FACE_LANDMARK_WITH_IRIS_COUNT, LIPS } from '../../../plugin/core/landmarkIndices';
import { lipsOverOpeningLuma, type RgbaPixels } from '../../../plugin/capture/mouthContrast';

const SIZE = 64;

/** A point `t` (0..1) of the way round the square of half-side `r` about the image's middle. */
function onSquare(t: number, r: number): [number, number] {
  const side = Math.floor(t * 4), f = t * 4 - side;
  const corners: [number, number][] = [[-r, -r], [r, -r], [r, r], [-r, r]];
  const [ax, ay] = corners[side], [bx, by] = corners[(side + 1) % 4];
  return [SIZE / 2 + ax + (bx - ax) * f, SIZE / 2 + ay + (by - ay) * f];
}

/** Landmarks (pixels, x, y, z each) with the outer lip loop round a square of half-side `outer` and the inner one round `inner`, about the image's middle. */
function mouth(outer: number, inner: number): Float32Array {
  const p = new Float32Array(FACE_LANDMARK_WITH_IRIS_COUNT * 3);
  for (const [loop, r] of [[LIPS.outer.loop, outer], [LIPS.inner.loop, inner]] as const) {
    loop.forEach((i, k) => {
      [p[i * 3], p[i * 3 + 1]] = onSquare(k / loop.length, r);
    });
  }
  return p;
}

/** Grey levels: `inside` within the square of half-side `radius` about the middle, `outside` beyond. */
function image(radius: number, inside: number, outside: number): RgbaPixels {
  const data = new Uint8ClampedArray(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) {
    const v = Math.max(Math.abs(x + 0.5 - SIZE / 2), Math.abs(y + 0.5 - SIZE / 2)) < radius ? inside : outside;
    data.set([v, v, v, 255], (y * SIZE + x) * 4);
  }
  return { width: SIZE, height: SIZE, data };
}

describe('lipsOverOpeningLuma', () => {
  it('is how much brighter the lip ring is than the opening, in luma levels', () => {
    expect(lipsOverOpeningLuma(image(10, 30, 130), mouth(20, 10))).toBeCloseTo(100, 6);
    expect(lipsOverOpeningLuma(image(10, 200, 120), mouth(20, 10))).toBeCloseTo(-80, 6);
  });

  it('weighs green most, as Rec. 601 luma does', () => {
    const green = image(10, 0, 100);
    for (let o = 0; o < green.data.length; o += 4) green.data[o] = green.data[o + 2] = 0;
    expect(lipsOverOpeningLuma(green, mouth(20, 10))).toBeCloseTo(58.7, 4);
  });

  it('is NaN for a shut mouth, whose opening holds no pixel', () => {
    expect(lipsOverOpeningLuma(image(10, 30, 130), mouth(20, 0))).toBeNaN();
  });
});
