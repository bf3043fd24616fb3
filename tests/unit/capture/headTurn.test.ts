import { describe, expect, it } from 'vitest';
import { headTurnBetween } from '../../../plugin/capture/headTurn';

type M3 = number[][];
const mul = (a: M3, b: M3): M3 => a.map((row) => [0, 1, 2].map((j) => row[0] * b[0][j] + row[1] * b[1][j] + row[2] * b[2][j]));
const rx = (t: number): M3 => [[1, 0, 0], [0, Math.cos(t), -Math.sin(t)], [0, Math.sin(t), Math.cos(t)]];
const ry = (t: number): M3 => [[Math.cos(t), 0, Math.sin(t)], [0, 1, 0], [-Math.sin(t), 0, Math.cos(t)]];
const rz = (t: number): M3 => [[Math.cos(t), -Math.sin(t), 0], [Math.sin(t), Math.cos(t), 0], [0, 0, 1]];

/** A column-major 4×4 transform with rotation r, a scale and a translation, as MediaPipe gives. */
function transform(r: M3, scale = 1.3): Float32Array {
  const m = new Float32Array(16);
  for (let row = 0; row < 3; row++) for (let column = 0; column < 3; column++) m[column * 4 + row] = r[row][column] * scale;
  m[12] = 2; m[13] = -3; m[14] = -40; m[15] = 1;
  return m;
}

const deg = Math.PI / 180;

describe('headTurnBetween', () => {
  const own = mul(rz(7 * deg), mul(rx(-9 * deg), ry(12 * deg)));

  it('reads each single-axis turn, whatever pose the portrait had, and ignores scale', () => {
    // MediaPipe's camera: +y up, looking down −z. Yaw to the viewer's right turns about +y,
    // the chin lifting turns about −x, a counter-clockwise tilt turns about +z.
    const yaw = headTurnBetween(transform(own), transform(mul(ry(20 * deg), own), 1.1));
    expect(yaw.yaw / deg).toBeCloseTo(20, 4);
    expect(Math.abs(yaw.pitch) + Math.abs(yaw.roll)).toBeLessThan(1e-5);
    const pitch = headTurnBetween(transform(own), transform(mul(rx(-15 * deg), own)));
    expect(pitch.pitch / deg).toBeCloseTo(15, 4);
    expect(Math.abs(pitch.yaw) + Math.abs(pitch.roll)).toBeLessThan(1e-5);
    const roll = headTurnBetween(transform(own), transform(mul(rz(-20 * deg), own)));
    expect(roll.roll / deg).toBeCloseTo(-20, 4);
    expect(Math.abs(roll.yaw) + Math.abs(roll.pitch)).toBeLessThan(1e-5);
  });

  it('splits a combined turn in the order the rig composes it: yaw, then pitch, then roll', () => {
    const turn = mul(rz(10 * deg), mul(rx(-8 * deg), ry(-25 * deg)));
    const got = headTurnBetween(transform(own), transform(mul(turn, own)));
    expect(got.yaw / deg).toBeCloseTo(-25, 3);
    expect(got.pitch / deg).toBeCloseTo(8, 3);
    expect(got.roll / deg).toBeCloseTo(10, 3);
  });
});
