import { describe, expect, it } from 'vitest';
import { JAW_OPEN_TARGET, JAW_OPEN_TOLERANCE, MAX_CALIBRATED_JAW_GAIN, bestJawRead, nextJawGain } from '../../../plugin/babylon/jawGainSearch';
import { MIN_JAW_GAIN } from '../../../plugin/rig/PortraitRigData';

// Reads recorded on flare-female03 (17 shared humans): the detector's read jumps between 0.81 and 1.
const FEMALE03 = [
  { gain: 1, read: 0.631 },
  { gain: 0.745, read: 0.253 },
  { gain: 0.811, read: 0.279 },
];

describe('jaw gain search', () => {
  it('from one read, steps by the square root of the ratio and never above the authored drop', () => {
    expect(nextJawGain([{ gain: 1, read: 0.56 }])).toBeCloseTo(Math.sqrt(JAW_OPEN_TARGET / 0.56), 6);
    expect(nextJawGain([{ gain: 1, read: 0.2 }])).toBe(MAX_CALIBRATED_JAW_GAIN);
    expect(nextJawGain([{ gain: 1, read: 0 }])).toBe(MAX_CALIBRATED_JAW_GAIN);
    expect(nextJawGain([{ gain: 1, read: 5 }])).toBe(MIN_JAW_GAIN);
  });

  it('steps inside the nearest reads either side of the target, not along the last two', () => {
    const next = nextJawGain(FEMALE03);
    expect(next).toBeGreaterThan(0.811);
    expect(next).toBeLessThan(1);
    // The secant through (0.811, 0.279) and (1, 0.631).
    expect(next).toBeCloseTo(0.811 + ((JAW_OPEN_TARGET - 0.279) * (1 - 0.811)) / (0.631 - 0.279), 6);
  });

  it('keeps the read nearest the target among those open enough, else the most open', () => {
    expect(bestJawRead(FEMALE03)).toEqual({ gain: 1, read: 0.631 });
    expect(bestJawRead([...FEMALE03, { gain: 0.849, read: 0.357 }])).toEqual({ gain: 0.849, read: 0.357 });
    const justUnder = { gain: 0.9, read: JAW_OPEN_TARGET - JAW_OPEN_TOLERANCE / 2 };
    expect(bestJawRead([{ gain: 1, read: 0.45 }, justUnder])).toEqual(justUnder);
    expect(bestJawRead([{ gain: 1, read: 0.2 }, { gain: 0.8, read: 0.1 }])).toEqual({ gain: 1, read: 0.2 });
    expect(bestJawRead([])).toBeNull();
  });
});
