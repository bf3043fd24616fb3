import { describe, expect, it } from 'vitest';
import {
  MAX_CALIBRATED_SMILE_GAIN, MIN_CALIBRATED_SMILE_GAIN, SMILE_RISE_TARGET, bestSmileRead, nextSmileGain,
} from '../../../plugin/babylon/smileGainSearch';

// Left-corner reads recorded on flare-male07 (17 shared humans): lowering the gain loses more read than the ratio says.
const MALE07 = [
  { gain: 1, read: 0.0919 },
  { gain: 0.6525, read: 0.0468 },
];

describe('smile gain search', () => {
  it('from one read, steps by the ratio to the target, within the calibrated range', () => {
    expect(nextSmileGain([{ gain: 1, read: 0.05 }])).toBeCloseTo(SMILE_RISE_TARGET / 0.05, 6);
    expect(nextSmileGain([{ gain: 1.2, read: 0.08 }])).toBeCloseTo((1.2 * SMILE_RISE_TARGET) / 0.08, 6);
    expect(nextSmileGain([{ gain: 1, read: 0.01 }])).toBe(MAX_CALIBRATED_SMILE_GAIN);
    expect(nextSmileGain([{ gain: 1, read: 0 }])).toBe(MAX_CALIBRATED_SMILE_GAIN);
    expect(nextSmileGain([{ gain: 1, read: -0.02 }])).toBe(MAX_CALIBRATED_SMILE_GAIN);
    expect(nextSmileGain([{ gain: 1, read: 1 }])).toBe(MIN_CALIBRATED_SMILE_GAIN);
  });

  it('steps inside the nearest reads either side of the target', () => {
    const next = nextSmileGain(MALE07);
    expect(next).toBeGreaterThan(0.6525);
    expect(next).toBeLessThan(1);
    expect(next).toBeCloseTo(0.6525 + ((SMILE_RISE_TARGET - 0.0468) * (1 - 0.6525)) / (0.0919 - 0.0468), 6);
  });

  it('keeps the read nearest the target', () => {
    expect(bestSmileRead(MALE07)).toEqual({ gain: 0.6525, read: 0.0468 });
    expect(bestSmileRead([...MALE07, { gain: 0.754, read: 0.0608 }])).toEqual({ gain: 0.754, read: 0.0608 });
    expect(bestSmileRead([])).toBeNull();
  });
});
