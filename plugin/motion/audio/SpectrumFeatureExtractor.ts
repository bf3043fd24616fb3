// One window of samples → AudioFeatures: RMS level, formant-like envelope peaks and hiss, with preallocated FFT scratch.
import { HISS_BAND_HZ, SILENCE_DB, type AudioFeatures } from './audioFeatures';
import { LpcEnvelope } from './LpcEnvelope';
import { nextPowerOfTwo, RadixTwoFft } from './RadixTwoFft';

/** Energy under this is hum and rumble, not voice, Hz; left out of every ratio. */
const VOICE_LOW_HZ = 80;
/** Hiss is counted up to here at most, Hz: above it is mostly codec and resampling noise. */
const HISS_HIGH_HZ = 10_000;
/** The first formant of speech lies in this range, Hz (about 250 for "ee"/"oo" up to about 900 for "ah"). */
const F1_RANGE_HZ = [200, 1000] as const;
/** The second formant lies up to here, Hz (about 2300 for "ee"); F2 is searched from F1 + F2_MIN_GAP_HZ. */
const F2_MAX_HZ = 3000;
/** The formant model covers this band, Hz: F1-F3 of any adult voice, without the hiss above. */
const FORMANT_BAND_HZ = 5000;
/** All-pole model order for that band: the usual 2 + (band's sampling rate in kHz) = five formants and the tilt. */
const LPC_ORDER = 12;
/** A formant peak rises at least this factor (about 2 dB) over the envelope's lowest point within PEAK_SPAN_HZ on either side: ripples do not count. */
const PEAK_PROMINENCE = 1.6;
/** How far to each side a peak must stand out, Hz: about a formant's bandwidth. */
const PEAK_SPAN_HZ = 350;
/** Pre-emphasis coefficient (+6 dB/octave), the usual one for speech: it flattens the voice's tilt so F2 stands out. */
const PRE_EMPHASIS = 0.97;
/** Keeps the logarithm finite on digital silence. */
const POWER_FLOOR = 1e-12;

/**
 * Turns one window of `windowSamples` samples into AudioFeatures: the RMS level (time domain), and
 * from a Hann-windowed power spectrum (zero-padded to a power of two) the share and centroid of
 * hiss, and the two lowest peaks of a pre-emphasised all-pole (LPC) envelope of its 0-5 kHz band.
 * Allocates only in the constructor.
 */
export class SpectrumFeatureExtractor {
  /** Samples per window. */
  readonly windowSamples: number;
  /** Hz per spectrum bin. */
  readonly binHz: number;
  private readonly fft: RadixTwoFft;
  private readonly hann: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  private readonly power: Float64Array;
  private readonly emphasis: Float64Array;
  private readonly lpc: LpcEnvelope;

  constructor(readonly sampleRate: number, windowSamples: number) {
    if (!(sampleRate >= 3000 && sampleRate <= 384_000)) {
      throw new RangeError(`SpectrumFeatureExtractor: sampleRate must lie in [3000, 384000] Hz, got ${sampleRate}.`);
    }
    if (!Number.isInteger(windowSamples) || windowSamples < 32) {
      throw new RangeError(`SpectrumFeatureExtractor: windowSamples must be an integer ≥ 32, got ${windowSamples}.`);
    }
    this.windowSamples = windowSamples;
    const size = nextPowerOfTwo(windowSamples);
    this.fft = new RadixTwoFft(size);
    this.binHz = sampleRate / size;
    this.hann = Float64Array.from({ length: windowSamples }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * (i + 0.5)) / windowSamples));
    this.re = new Float64Array(size);
    this.im = new Float64Array(size);
    const bins = (size >> 1) + 1;
    this.power = new Float64Array(bins);
    this.emphasis = Float64Array.from({ length: bins }, (_, k) => 1 + PRE_EMPHASIS ** 2 - 2 * PRE_EMPHASIS * Math.cos((Math.PI * k) / (bins - 1)));
    this.lpc = new LpcEnvelope(this.binAt(Math.min(FORMANT_BAND_HZ, sampleRate / 2)), LPC_ORDER);
  }

  /** Analyses `frame` (windowSamples long) scaled by `gain` into `out`. */
  extract(frame: Float32Array, gain: number, out: AudioFeatures): void {
    const n = this.windowSamples;
    if (frame.length !== n) throw new RangeError(`SpectrumFeatureExtractor.extract: frame must be ${n} samples long, got ${frame.length}.`);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += frame[i];
    mean /= n;
    let square = 0;
    const re = this.re;
    for (let i = 0; i < n; i++) {
      const x = (frame[i] - mean) * gain;
      square += x * x;
      re[i] = x * this.hann[i];
    }
    re.fill(0, n);
    out.levelDb = Math.max(SILENCE_DB, 10 * Math.log10(square / n + POWER_FLOOR));
    this.fft.powerSpectrum(re, this.im, this.power);
    this.measureHiss(out);
    if (this.lpc.fit(this.power, this.emphasis)) {
      const f1 = this.firstPeak(this.binAt(F1_RANGE_HZ[0]), this.binAt(F1_RANGE_HZ[1]));
      out.f1Hz = f1 * this.binHz;
      out.f2Hz = this.firstPeak(Math.round(f1) + 1, this.binAt(F2_MAX_HZ)) * this.binHz;
    } else {
      out.f1Hz = 0;
      out.f2Hz = 0;
    }
  }

  /** Share and centroid of the energy above HISS_BAND_HZ. */
  private measureHiss(out: AudioFeatures): void {
    const last = this.binAt(Math.min(HISS_HIGH_HZ, this.sampleRate / 2));
    const hissStart = this.binAt(HISS_BAND_HZ);
    let total = POWER_FLOOR;
    let hiss = POWER_FLOOR;
    let moment = 0;
    for (let k = this.binAt(VOICE_LOW_HZ); k <= last; k++) {
      const p = this.power[k];
      total += p;
      if (k >= hissStart) {
        hiss += p;
        moment += p * k;
      }
    }
    out.hissRatio = hiss / total;
    out.hissCentroidHz = (moment / hiss) * this.binHz;
  }

  /**
   * The lowest peak of the LPC envelope in bins [from, to], refined by a parabola through its
   * neighbours; the envelope's highest point there when it has no peak (a formant just outside).
   */
  private firstPeak(from: number, to: number): number {
    const env = this.lpc.envelope;
    const lo = Math.max(1, from);
    const hi = Math.max(lo, Math.min(to, env.length - 2));
    let peak = -1;
    let highest = lo;
    for (let k = lo; k <= hi; k++) {
      if (env[k] >= env[k - 1] && env[k] > env[k + 1] && this.standsOut(k)) {
        peak = k;
        break;
      }
      if (env[k] > env[highest]) highest = k;
    }
    if (peak < 0) return highest;
    const a = env[peak - 1];
    const b = env[peak];
    const c = env[peak + 1];
    const curvature = a - 2 * b + c;
    return curvature < 0 ? peak + (0.5 * (a - c)) / curvature : peak;
  }

  /** True when envelope bin k rises PEAK_PROMINENCE over the lowest point within PEAK_SPAN_HZ on both sides. */
  private standsOut(k: number): boolean {
    const env = this.lpc.envelope;
    const span = Math.max(1, Math.round(PEAK_SPAN_HZ / this.binHz));
    let left = env[k];
    for (let i = Math.max(0, k - span); i < k; i++) if (env[i] < left) left = env[i];
    let right = env[k];
    for (let i = k + 1; i <= Math.min(env.length - 1, k + span); i++) if (env[i] < right) right = env[i];
    return env[k] >= PEAK_PROMINENCE * left && env[k] >= PEAK_PROMINENCE * right;
  }

  private binAt(hz: number): number {
    return Math.max(0, Math.min(this.power.length - 1, Math.round(hz / this.binHz)));
  }
}
