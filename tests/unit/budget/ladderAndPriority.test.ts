import { describe, expect, it } from 'vitest';
import { PortraitLadder } from '../../../plugin/budget/PortraitLadder';
import { FOCUS_CLAIM, priorityClaim, priorityWeight } from '../../../plugin/budget/priority';
import { checkUpdateRate, isPowerOfTwo } from '../../../plugin/budget/renderLevels';
import { fakeCostMs } from './fakeCosts';

const levels = (ladder: PortraitLadder) =>
  Array.from({ length: ladder.levelCount }, (_, level) => `${ladder.sizeAt(level)}@${ladder.rateAt(level)}`);

describe('PortraitLadder', () => {
  it('alternates size and rate steps from the max size at the best rate down to the floor', () => {
    expect(levels(new PortraitLadder(1024, 128, 1, 8))).toEqual(['1024@1', '512@1', '512@2', '256@2', '256@4', '128@4', '128@8']);
    expect(levels(new PortraitLadder(768, 128, 1, 8))).toEqual(['768@1', '512@1', '512@2', '256@2', '256@4', '128@4', '128@8']);
  });

  it('continues with the other kind of step when one runs out', () => {
    expect(levels(new PortraitLadder(128, 128, 1, 8))).toEqual(['128@1', '128@2', '128@4', '128@8']);
    expect(levels(new PortraitLadder(1024, 128, 4, 8))).toEqual(['1024@4', '512@4', '512@8', '256@8', '128@8']);
    expect(levels(new PortraitLadder(1024, 256, 8, 8))).toEqual(['1024@8', '512@8', '256@8']);
    expect(levels(new PortraitLadder(256, 512, 1, 1))).toEqual(['256@1']);
  });

  it('costs less per frame at every step down', () => {
    const ladder = new PortraitLadder(1024, 128, 1, 64);
    for (let level = 1; level < ladder.levelCount; level++) {
      const above = fakeCostMs(ladder.sizeAt(level - 1)) / ladder.rateAt(level - 1);
      expect(fakeCostMs(ladder.sizeAt(level)) / ladder.rateAt(level)).toBeLessThan(above);
    }
    expect(ladder.floorLevel).toBe(9);
  });

  it('accepts only power-of-two rates up to 64', () => {
    expect(isPowerOfTwo(8)).toBe(true);
    expect(isPowerOfTwo(6)).toBe(false);
    expect(() => checkUpdateRate(3, 'X: rate')).toThrow(/X: rate must be a power of two from 1 to 64.*got 3/);
    expect(() => checkUpdateRate(128, 'X: rate')).toThrow(RangeError);
  });
});

describe('priority', () => {
  it('maps the named hints to weights and checks numbers', () => {
    expect(priorityWeight('high')).toBeGreaterThan(priorityWeight('normal'));
    expect(priorityWeight('normal')).toBeGreaterThan(priorityWeight('low'));
    expect(priorityWeight(2.5)).toBe(2.5);
    expect(() => priorityWeight(0)).toThrow(/positive finite weight, got 0/);
    expect(() => priorityWeight(NaN)).toThrow(RangeError);
    expect(() => priorityWeight('urgent' as 'high')).toThrow(/got 'urgent'/);
  });

  it('is worth one ladder step per doubling of weight or screen share, and focus outranks everything', () => {
    expect(priorityClaim(2, 0.1, false) - priorityClaim(1, 0.1, false)).toBeCloseTo(1, 12);
    expect(priorityClaim(1, 0.2, false) - priorityClaim(1, 0.1, false)).toBeCloseTo(1, 12);
    expect(priorityClaim(0.25, 0, true)).toBeGreaterThan(priorityClaim(1000, 1, false));
    expect(priorityClaim(1, 0, false)).toBeGreaterThan(-Infinity);
    expect(FOCUS_CLAIM).toBeGreaterThan(100);
  });
});
