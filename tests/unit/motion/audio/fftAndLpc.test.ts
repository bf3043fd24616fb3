// RadixTwoFft against a direct DFT, and LpcEnvelope's peaks on spectra with known resonances.
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../../plugin/core/SeededRandom';
import { LpcEnvelope } from '../../../../plugin/motion/audio/LpcEnvelope';
import { nextPowerOfTwo, RadixTwoFft } from '../../../../plugin/motion/audio/RadixTwoFft';

/** Float64 FFT against a float64 DFT of 64 points: rounding stays far under this. */
const DFT_TOLERANCE = 1e-9;

describe('RadixTwoFft', () => {
  it('matches a direct DFT on random input', () => {
    const n = 64;
    const random = new SeededRandom(3);
    const x = Float64Array.from({ length: n }, () => random.next() * 2 - 1);
    const re = x.slice();
    const im = new Float64Array(n);
    new RadixTwoFft(n).transform(re, im);
    for (let k = 0; k < n; k++) {
      let dr = 0;
      let di = 0;
      for (let t = 0; t < n; t++) {
        dr += x[t] * Math.cos((2 * Math.PI * k * t) / n);
        di -= x[t] * Math.sin((2 * Math.PI * k * t) / n);
      }
      expect(Math.abs(re[k] - dr)).toBeLessThan(DFT_TOLERANCE);
      expect(Math.abs(im[k] - di)).toBeLessThan(DFT_TOLERANCE);
    }
  });

  it('puts a sinusoid on its bin in the power spectrum', () => {
    const n = 256;
    const bin = 19;
    const re = Float64Array.from({ length: n }, (_, t) => Math.sin((2 * Math.PI * bin * t) / n));
    const power = new Float64Array(n / 2 + 1);
    new RadixTwoFft(n).powerSpectrum(re, new Float64Array(n), power);
    const peak = power.indexOf(Math.max(...power));
    expect(peak).toBe(bin);
    expect(power[peak]).toBeCloseTo((n / 2) ** 2, 6);
  });

  it('refuses sizes that are not powers of two, naming the fix', () => {
    expect(() => new RadixTwoFft(100)).toThrow(/RadixTwoFft.*100.*nextPowerOfTwo/);
    expect(nextPowerOfTwo(100)).toBe(128);
    expect(nextPowerOfTwo(128)).toBe(128);
  });
});

describe('LpcEnvelope', () => {
  /** Power of two resonances (at bins 20 and 55 of 128) over a flat floor, like F1 and F2 of a vowel. */
  function twoResonances(bins: number): Float64Array {
    const bump = (k: number, centre: number, width: number) => 1 / (1 + ((k - centre) / width) ** 2);
    return Float64Array.from({ length: bins + 1 }, (_, k) => 0.001 + bump(k, 20, 3) + 0.3 * bump(k, 55, 4));
  }

  it('peaks at both resonances and nowhere else', () => {
    const bins = 128;
    const lpc = new LpcEnvelope(bins, 8);
    expect(lpc.fit(twoResonances(bins), new Float64Array(bins + 1).fill(1))).toBe(true);
    const env = lpc.envelope;
    const peaks: number[] = [];
    for (let k = 1; k < bins; k++) if (env[k] > env[k - 1] && env[k] >= env[k + 1]) peaks.push(k);
    expect(peaks.length).toBe(2);
    expect(Math.abs(peaks[0] - 20)).toBeLessThanOrEqual(1);
    expect(Math.abs(peaks[1] - 55)).toBeLessThanOrEqual(1);
  });

  it('reports a silent band instead of dividing by zero', () => {
    const lpc = new LpcEnvelope(64, 8);
    expect(lpc.fit(new Float64Array(65), new Float64Array(65).fill(1))).toBe(false);
    expect(lpc.envelope.every((v) => v === 0)).toBe(true);
  });
});
