import { describe, expect, it } from 'vitest';
import { OneEuroFilter } from '../../../plugin/core/OneEuroFilter';
import { SeededRandom } from '../../../plugin/core/SeededRandom';

const FRAME_MS = 1000 / 60;
const NOISE_AMPLITUDE = 0.1;
/** Samples skipped while the filter settles from its first sample. */
const SETTLE_FRAMES = 30;

function standardDeviation(values: number[]): number {
  const m = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / values.length);
}

/** Mean lag, in seconds of the ramp, once settled, for a ramp of `speed` units per second. */
function rampLagSeconds(filter: OneEuroFilter, speed: number): number {
  let lag = 0;
  const frames = 120;
  for (let frame = 0; frame < frames; frame++) {
    const t = frame * FRAME_MS;
    const input = (speed * t) / 1000;
    const output = filter.filter(input, t);
    if (frame >= SETTLE_FRAMES) lag += (input - output) / speed;
  }
  return lag / (frames - SETTLE_FRAMES);
}

describe('OneEuroFilter', () => {
  it('passes the first sample through', () => {
    expect(new OneEuroFilter().filter(3.5, 1000)).toBe(3.5);
  });

  it('smooths a noisy constant', () => {
    const random = new SeededRandom(7);
    const filter = new OneEuroFilter({ minCutoff: 1, beta: 0.01 });
    const inputs: number[] = [];
    const outputs: number[] = [];
    for (let frame = 0; frame < 300; frame++) {
      const input = 5 + random.range(-NOISE_AMPLITUDE, NOISE_AMPLITUDE);
      const output = filter.filter(input, frame * FRAME_MS);
      if (frame >= SETTLE_FRAMES) {
        inputs.push(input);
        outputs.push(output);
      }
    }
    expect(standardDeviation(outputs)).toBeLessThan(standardDeviation(inputs) * 0.3);
    expect(Math.abs(outputs.reduce((s, v) => s + v, 0) / outputs.length - 5)).toBeLessThan(NOISE_AMPLITUDE / 2);
  });

  it('follows a ramp with little lag, less as beta grows', () => {
    const still = rampLagSeconds(new OneEuroFilter({ minCutoff: 1, beta: 0 }), 2);
    const quick = rampLagSeconds(new OneEuroFilter({ minCutoff: 1, beta: 1 }), 2);
    expect(quick).toBeGreaterThan(0);
    expect(quick).toBeLessThan(0.1);
    expect(quick).toBeLessThan(still / 2);
  });

  it('ignores a sample that is not newer, and starts over after reset', () => {
    const filter = new OneEuroFilter();
    filter.filter(0, 0);
    const out = filter.filter(1, 100);
    expect(out).toBeGreaterThan(0);
    expect(out).toBeLessThan(1);
    expect(filter.filter(50, 100)).toBe(out);
    expect(filter.filter(50, 50)).toBe(out);
    filter.reset();
    expect(filter.filter(9, 200)).toBe(9);
  });

  it('rejects bad options and non-finite samples', () => {
    expect(() => new OneEuroFilter({ minCutoff: 0 })).toThrow(RangeError);
    expect(() => new OneEuroFilter({ beta: -1 })).toThrow(RangeError);
    expect(() => new OneEuroFilter({ dCutoff: NaN })).toThrow(RangeError);
    const filter = new OneEuroFilter();
    expect(() => filter.filter(NaN, 0)).toThrow(/value/);
    expect(() => filter.filter(0, Infinity)).toThrow(/timestampMs/);
    filter.setOptions({ beta: 0.5 });
    expect([filter.minCutoff, filter.beta, filter.dCutoff]).toEqual([1, 0.5, 1]);
  });
});
