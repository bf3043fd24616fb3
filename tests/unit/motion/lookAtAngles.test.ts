import { describe, expect, it } from 'vitest';
import { DEG_TO_RAD } from '../../../plugin/core/mathUtils';
import { lookAtAngles, type LookAngles } from '../../../plugin/motion/lookAtAngles';

const angles = (
  position: number[], forward: number[], up: number[], target: number[], leftHanded = false,
): LookAngles => lookAtAngles(position, forward, up, target, { yaw: NaN, pitch: NaN }, leftHanded);

describe('lookAtAngles', () => {
  it('right-handed portrait facing +z: right is +x, up is +y', () => {
    const right = angles([0, 0, 0], [0, 0, 1], [0, 1, 0], [1, 0, 1]);
    expect(right.yaw).toBeCloseTo(45 * DEG_TO_RAD, 12);
    expect(right.pitch).toBeCloseTo(0, 12);
    expect(angles([0, 0, 0], [0, 0, 1], [0, 1, 0], [-1, 0, 1]).yaw).toBeCloseTo(-45 * DEG_TO_RAD, 12);
    const above = angles([0, 0, 0], [0, 0, 1], [0, 1, 0], [0, 1, 1]);
    expect(above.pitch).toBeCloseTo(45 * DEG_TO_RAD, 12);
    expect(above.yaw).toBeCloseTo(0, 12);
    expect(angles([0, 0, 0], [0, 0, 1], [0, 1, 0], [0, -2, 2]).pitch).toBeCloseTo(-45 * DEG_TO_RAD, 12);
  });

  it("left-handed (Babylon's default): a portrait facing a camera at −z still has +x on the viewer's right", () => {
    const result = angles([0, 0, 0], [0, 0, -1], [0, 1, 0], [1, 0, -1], true);
    expect(result.yaw).toBeCloseTo(45 * DEG_TO_RAD, 12);
    // The same numbers read right-handed mirror the answer.
    expect(angles([0, 0, 0], [0, 0, -1], [0, 1, 0], [1, 0, -1], false).yaw).toBeCloseTo(-45 * DEG_TO_RAD, 12);
  });

  it('works for any placement: moved, turned, tilted up vector, unnormalised inputs', () => {
    // Facing +x: a viewer at +x looking back has −z on their right.
    const turned = angles([5, 2, 3], [3, 0, 0], [0, 1, 0], [6, 2, 2]);
    expect(turned.yaw).toBeCloseTo(45 * DEG_TO_RAD, 12);
    const tiltedUp = angles([0, 0, 0], [0, 0, 2], [0, 1, 0.5], [1, 0, 1]);
    expect(tiltedUp.yaw).toBeCloseTo(45 * DEG_TO_RAD, 12);
    // Distance does not change the direction.
    expect(angles([0, 0, 0], [0, 0, 1], [0, 1, 0], [3, 4, 30]).yaw).toBeCloseTo(angles([0, 0, 0], [0, 0, 1], [0, 1, 0], [0.3, 0.4, 3]).yaw, 12);
  });

  it('a target behind the portrait lies beyond 90°; the target at the portrait is straight ahead', () => {
    expect(Math.abs(angles([0, 0, 0], [0, 0, 1], [0, 1, 0], [1, 0, -1]).yaw)).toBeGreaterThan(90 * DEG_TO_RAD);
    const same = angles([1, 1, 1], [0, 0, 1], [0, 1, 0], [1, 1, 1]);
    expect(same.yaw).toBe(0);
    expect(same.pitch).toBe(0);
  });

  it('writes into out and returns it', () => {
    const out = { yaw: 0, pitch: 0 };
    expect(lookAtAngles([0, 0, 0], [0, 0, 1], [0, 1, 0], [1, 1, 1], out)).toBe(out);
    expect(out.yaw).toBeGreaterThan(0);
    expect(out.pitch).toBeGreaterThan(0);
  });

  it('refuses degenerate frames and non-finite points', () => {
    expect(() => angles([0, 0, 0], [0, 0, 0], [0, 1, 0], [1, 0, 1])).toThrow(/forward \[0,0,0\] has no direction/);
    expect(() => angles([0, 0, 0], [0, 1, 0], [0, 2, 0], [1, 0, 1])).toThrow(/up \[0,2,0\] is parallel to forward/);
    expect(() => angles([0, 0, 0], [0, 0, 1], [0, 1, 0], [Number.NaN, 0, 1])).toThrow(/must be finite/);
  });
});
