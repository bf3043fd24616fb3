import { describe, expect, it } from 'vitest';
import { CostMeter } from '../../../plugin/budget/CostMeter';
import { WindowedPercentile } from '../../../plugin/budget/WindowedPercentile';
import { SeededRandom } from '../../../plugin/core/SeededRandom';

const SIZES = [1024, 512, 256, 128];
/** Float rounding allowed in the model's arithmetic. */
const EPS = 1e-12;

describe('WindowedPercentile', () => {
  it('gives the nearest-rank percentile of exactly the last `capacity` samples', () => {
    const window = new WindowedPercentile(64);
    for (let v = 1; v <= 100; v++) window.push(v);
    // The window holds 37..100; rank ceil(0.95 × 64) = 61 is 36 + 61.
    expect(window.count).toBe(64);
    expect(window.percentile(0.95)).toBe(97);
    expect(window.percentile(0)).toBe(37);
    expect(window.percentile(1)).toBe(100);
  });

  it('matches a brute-force percentile on random samples with repeats', () => {
    const random = new SeededRandom(7);
    const window = new WindowedPercentile(25);
    const all: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const v = Math.floor(random.next() * 40) / 4; // many equal values
      window.push(v);
      all.push(v);
      const last = all.slice(-25).sort((a, b) => a - b);
      for (const q of [0.05, 0.5, 0.95]) expect(window.percentile(q)).toBe(last[Math.max(0, Math.ceil(q * last.length) - 1)]);
    }
  });

  it('is NaN when empty and again after clear', () => {
    const window = new WindowedPercentile(4);
    expect(window.percentile(0.95)).toBeNaN();
    window.push(1);
    window.clear();
    expect(window.percentile(0.95)).toBeNaN();
    expect(() => new WindowedPercentile(0)).toThrow(/capacity/);
  });
});

describe('CostMeter', () => {
  it('smooths samples per size with an exponential moving average', () => {
    const meter = new CostMeter(SIZES, { smoothing: 0.25 });
    meter.record(512, 1);
    expect(meter.smoothedMs(512)).toBe(1);
    meter.record(512, 2);
    expect(meter.smoothedMs(512)).toBeCloseTo(1.25, 12);
    for (let i = 0; i < 100; i++) meter.record(512, 2);
    expect(meter.smoothedMs(512)).toBeCloseTo(2, 9);
    expect(meter.sampleCount(512)).toBe(102);
    expect(meter.smoothedMs(256)).toBeNaN();
    expect(meter.sampleCount(256)).toBe(0);
  });

  it('keeps a windowed p95 per size', () => {
    const meter = new CostMeter(SIZES, { window: 20 });
    for (let i = 1; i <= 20; i++) meter.record(256, i / 100);
    meter.record(1024, 5);
    expect(meter.p95Ms(256)).toBe(0.19);
    expect(meter.p95Ms(1024)).toBe(5);
    expect(meter.p95Ms(128)).toBeNaN();
  });

  it('predicts a measured size from its own samples', () => {
    const meter = new CostMeter(SIZES);
    meter.record(256, 0.4);
    expect(meter.predictMs(256)).toBe(0.4);
  });

  it('scales an unmeasured size from the nearest measured one: fixed overhead plus pixels', () => {
    const meter = new CostMeter(SIZES, { overheadMs: 0.05 });
    meter.record(256, 0.1);
    expect(Math.abs(meter.predictMs(512) - (0.05 + 0.05 * 4))).toBeLessThan(EPS);
    expect(Math.abs(meter.predictMs(128) - (0.05 + 0.05 / 4))).toBeLessThan(EPS);
    meter.record(1024, 2);
    // 512 is a factor 2 from both 256 and 1024: the larger wins.
    expect(Math.abs(meter.predictMs(512) - (0.05 + 1.95 / 4))).toBeLessThan(EPS);
    // 128 is nearer 256 (factor 2) than 1024 (factor 8).
    expect(Math.abs(meter.predictMs(128) - (0.05 + 0.05 / 4))).toBeLessThan(EPS);
  });

  it('counts at most half of a small measured cost as overhead, so it still grows with pixels', () => {
    const meter = new CostMeter(SIZES, { overheadMs: 0.05 });
    meter.record(256, 0.02);
    expect(meter.predictMs(1024)).toBeCloseTo(0.01 + 0.01 * 16, 12);
    expect(meter.predictMs(128)).toBeCloseTo(0.01 + 0.01 / 4, 12);
  });

  it('assumes a cost at 512 px before anything is measured, and forgets on reset', () => {
    const meter = new CostMeter(SIZES, { overheadMs: 0.05, assumedCostMs: 0.3 });
    expect(meter.predictMs(512)).toBe(0.3);
    expect(Math.abs(meter.predictMs(1024) - (0.05 + 0.25 * 4))).toBeLessThan(EPS);
    meter.record(512, 1);
    expect(meter.predictMs(512)).toBe(1);
    meter.reset();
    expect(meter.predictMs(512)).toBe(0.3);
    expect(meter.p95Ms(512)).toBeNaN();
  });

  it('refuses bad samples, unknown sizes and bad options with messages that say what to do', () => {
    const meter = new CostMeter(SIZES);
    expect(() => meter.record(512, NaN)).toThrow(RangeError);
    expect(() => meter.record(512, -1)).toThrow(/0 or more/);
    expect(() => meter.record(300, 1)).toThrow(/300 is not one of this meter's sizes \(1024, 512, 256, 128\)/);
    expect(() => meter.predictMs(64)).toThrow(RangeError);
    expect(() => new CostMeter(SIZES, { smoothing: 0 })).toThrow(/smoothing/);
    expect(() => new CostMeter(SIZES, { window: 1.5 })).toThrow(/window/);
    expect(() => new CostMeter(SIZES, { overheadMs: -1 })).toThrow(/overheadMs/);
    expect(() => new CostMeter(SIZES, { assumedCostMs: 0 })).toThrow(/assumedCostMs/);
    expect(() => new CostMeter([])).toThrow(/sizes/);
    expect(meter.sampleCount(512)).toBe(0);
  });
});
