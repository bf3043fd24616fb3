import { describe, expect, it } from 'vitest';
import { GAZE_SHIFT_TARGET, bestGazeRead, nextGazeGain } from '../../../plugin/babylon/gazeGainSearch';
import { MAX_GAZE_GAIN, MIN_GAZE_GAIN } from '../../../plugin/rig/PortraitRigData';

describe('gaze gain search', () => {
  it('from one read past the target, steps by the ratio to it, no lower than the rig allows', () => {
    expect(nextGazeGain([{ gain: 1, read: 0.32 }])).toBeCloseTo(GAZE_SHIFT_TARGET / 0.32, 6);
    expect(nextGazeGain([{ gain: 0.9, read: 0.3 }])).toBeCloseTo((0.9 * GAZE_SHIFT_TARGET) / 0.3, 6);
    expect(nextGazeGain([{ gain: 1, read: 2 }])).toBe(MIN_GAZE_GAIN);
  });

  it('never asks for more than the authored travel: a short look, or one not seen to move, stays at 1', () => {
    expect(nextGazeGain([{ gain: 1, read: 0.15 }])).toBe(MAX_GAZE_GAIN);
    expect(nextGazeGain([{ gain: 1, read: 0 }])).toBe(MAX_GAZE_GAIN);
    expect(nextGazeGain([{ gain: 1, read: -0.03 }])).toBe(MAX_GAZE_GAIN);
  });

  it('steps inside the nearest reads either side of the target', () => {
    const reads = [{ gain: 1, read: 0.36 }, { gain: 0.6, read: 0.2 }];
    expect(nextGazeGain(reads)).toBeCloseTo(0.6 + ((GAZE_SHIFT_TARGET - 0.2) * 0.4) / 0.16, 6);
  });

  it('keeps the read nearest the target, but never one short of it for one long enough', () => {
    expect(bestGazeRead([{ gain: 1, read: 0.36 }, { gain: 0.7, read: 0.25 }])).toEqual({ gain: 0.7, read: 0.25 });
    // 0.195 lies nearer 0.22 than 0.25 does, but fails QUALITY.md's 0.2.
    expect(bestGazeRead([{ gain: 0.8, read: 0.25 }, { gain: 0.6, read: 0.195 }])).toEqual({ gain: 0.8, read: 0.25 });
    expect(bestGazeRead([{ gain: 0.6, read: 0.12 }, { gain: 0.5, read: 0.1 }])).toEqual({ gain: 0.6, read: 0.12 });
    expect(bestGazeRead([])).toBeNull();
  });
});
