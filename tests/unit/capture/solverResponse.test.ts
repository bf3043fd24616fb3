import { describe, expect, it } from 'vitest';
import * as tuning from '../../../plugin/capture/solverResponse';
import { response } from '../../../plugin/capture/solverResponse';

describe('solver response', () => {
  it('is 0 up to the dead zone, exactly change/full from twice it, clamped at 1, and continuous between', () => {
    expect(response(0.01, 0.1, 0.01)).toBe(0);
    expect(response(-0.5, 0.1, 0.01)).toBe(0);
    expect(response(NaN, 0.1, 0.01)).toBe(0);
    expect(response(0.02, 0.1, 0.01)).toBeCloseTo(0.2, 12);
    expect(response(0.07, 0.1, 0.01)).toBeCloseTo(0.7, 12);
    expect(response(0.3, 0.1, 0.01)).toBe(1);
    let previous = 0;
    for (let x = 0; x <= 0.1; x += 0.0005) {
      const w = response(x, 0.1, 0.01);
      expect(w).toBeGreaterThanOrEqual(previous);
      expect(w - previous).toBeLessThan(0.02);
      previous = w;
    }
  });

  it('every dead zone ends below half of its full scale, so a full change reads as 1', () => {
    const pairs: [number, number][] = [
      [tuning.JAW_FULL_GAP, tuning.JAW_DEAD_ZONE],
      [tuning.SMILE_FULL_RISE, tuning.CORNER_DEAD_ZONE],
      [tuning.FROWN_FULL_DROP, tuning.CORNER_DEAD_ZONE],
      [tuning.BROW_FULL_RISE, tuning.BROW_DEAD_ZONE],
      [tuning.BROW_FULL_DROP, tuning.BROW_DEAD_ZONE],
      [tuning.GAZE_FULL_SIDEWAYS, tuning.GAZE_DEAD_ZONE],
      [tuning.GAZE_FULL_VERTICAL, tuning.GAZE_VERTICAL_DEAD_ZONE],
    ];
    for (const [full, deadZone] of pairs) {
      expect(2 * deadZone).toBeLessThan(full);
      expect(response(full, full, deadZone)).toBe(1);
    }
    expect(tuning.EYE_CLOSED_RATIO).toBeLessThan(tuning.EYE_OPEN_RATIO);
  });
});
