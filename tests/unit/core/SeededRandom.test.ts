import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../plugin/core/SeededRandom';

const SAMPLES = 100_000;
const BINS = 10;
/** Allowed relative deviation of a bin from its expected 10,000: 500, about 5 standard deviations (95). */
const BIN_TOLERANCE = 0.05;
/** Allowed error of the sample mean and deviation over SAMPLES normal draws (about 6 standard errors). */
const MOMENT_TOLERANCE = 0.02;

const take = (random: SeededRandom, n: number) => Array.from({ length: n }, () => random.next());

describe('SeededRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(take(new SeededRandom(42), 100)).toEqual(take(new SeededRandom(42), 100));
    const random = new SeededRandom(42);
    const first = take(random, 10);
    random.reseed(42);
    expect(take(random, 10)).toEqual(first);
  });

  it('gives different sequences for different seeds, even adjacent ones', () => {
    const a = take(new SeededRandom(1), 20);
    const b = take(new SeededRandom(2), 20);
    expect(a.filter((v, i) => v === b[i])).toHaveLength(0);
    expect(take(new SeededRandom(2 ** 32 + 1), 5)).not.toEqual(take(new SeededRandom(1), 5));
  });

  it('is roughly uniform in [0, 1)', () => {
    const random = new SeededRandom(123);
    const bins = new Array<number>(BINS).fill(0);
    let outside = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const v = random.next();
      if (v < 0 || v >= 1) outside++;
      else bins[Math.floor(v * BINS)]++;
    }
    expect(outside).toBe(0);
    for (const count of bins) expect(Math.abs(count / (SAMPLES / BINS) - 1)).toBeLessThan(BIN_TOLERANCE);
  });

  it('range stays inside its bounds', () => {
    const random = new SeededRandom(9);
    const values = Array.from({ length: 1000 }, () => random.range(-3, 5));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-3);
    expect(Math.max(...values)).toBeLessThan(5);
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(7.5);
  });

  it('gaussian has the asked mean and deviation', () => {
    const random = new SeededRandom(2024);
    const values = Array.from({ length: SAMPLES }, () => random.gaussian());
    const mean = values.reduce((s, v) => s + v, 0) / SAMPLES;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / SAMPLES);
    expect(Math.abs(mean)).toBeLessThan(MOMENT_TOLERANCE);
    expect(Math.abs(sd - 1)).toBeLessThan(MOMENT_TOLERANCE);
    const shifted = Array.from({ length: 1000 }, () => random.gaussian(10, 0.5));
    expect(Math.abs(shifted.reduce((s, v) => s + v, 0) / 1000 - 10)).toBeLessThan(0.1);
  });

  it('rejects a non-finite seed', () => {
    expect(() => new SeededRandom(NaN)).toThrow(RangeError);
    expect(() => new SeededRandom(Infinity)).toThrow(/seed/);
  });
});
