import { describe, expect, it } from 'vitest';
import { buildPortraitRig } from '../../../plugin/rig';
import { LANDMARK_COUNT } from '../../../plugin/rig/landmarkPixels';
import { rollFollow } from '../../../plugin/rig/outerRings';
import { rollWeights } from '../../../plugin/rig/rollWeights';
import { faceFixtures, flatLandmarks } from './rigFixtures';

describe('rollFollow', () => {
  it("falls with a ring point's share of the way to the border alone, whether above the face (k = 2) or below it (k = 1)", () => {
    for (const share of [0.1, 0.36, 0.75]) {
      const roll = rollFollow(1 - share ** 2, 0);
      expect(rollFollow(1 - share, 1)).toBeCloseTo(roll, 6);
      expect(rollFollow(1 - share ** 1.5, 0.5)).toBeCloseTo(roll, 6);
      // Under the turn's weight (1 − share^k), and falling with the share.
      expect(roll).toBeLessThan(1 - share ** 2);
    }
    expect(rollFollow(1 - 0.36 ** 2, 0)).toBeLessThan(rollFollow(1 - 0.1 ** 2, 0));
  });

  it('keeps the face whole and the border still', () => {
    expect(rollFollow(1, 0)).toBe(1);
    expect(rollFollow(0, 0)).toBe(0);
    expect(rollFollow(0, 1)).toBe(0);
  });
});

describe('rollWeights', () => {
  const fixture = faceFixtures().find((f) => f.portrait === 'flare-female03.png')!;
  const rig = buildPortraitRig({ landmarks: flatLandmarks(fixture), imageWidth: fixture.width, imageHeight: fixture.height });
  const roll = rollWeights(rig);

  it('is the head weight on the face and the border', () => {
    for (let v = 0; v < rig.vertexCount; v++) {
      const w = rig.headWeight[v];
      if (w === 0 || w === 1) expect(roll[v]).toBe(w);
    }
    expect(Array.from(roll.subarray(0, LANDMARK_COUNT)).every((w) => w === 1)).toBe(true);
  });

  it('gives every ring point less of a roll than of a turn, and something of it', () => {
    let rings = 0;
    for (let v = 0; v < rig.vertexCount; v++) {
      const w = rig.headWeight[v];
      if (!(w > 0 && w < 1)) continue;
      rings++;
      expect(roll[v]).toBeGreaterThan(0);
      expect(roll[v]).toBeLessThanOrEqual(w + 1e-7);
    }
    expect(rings).toBeGreaterThan(0);
  });
});
