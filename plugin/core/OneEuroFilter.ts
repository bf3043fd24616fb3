import { notFiniteError } from './validation';

export interface OneEuroFilterOptions {
  /** Cutoff in Hz when the signal is still: lower removes more jitter. Default 1. */
  minCutoff?: number;
  /** How fast the cutoff rises with speed: higher lags less on fast moves. Default 0. */
  beta?: number;
  /** Cutoff in Hz for the speed estimate. Default 1. */
  dCutoff?: number;
}

const DEFAULT_MIN_CUTOFF_HZ = 1;
const DEFAULT_BETA = 0;
const DEFAULT_D_CUTOFF_HZ = 1;
const MS_PER_SECOND = 1000;
const TWO_PI = 2 * Math.PI;

/**
 * One Euro filter (Casiez, Roussel and Vogel, CHI 2012) for one scalar: a low-pass filter whose
 * cutoff rises with speed, so jitter at rest is smoothed and fast moves lag little.
 */
export class OneEuroFilter {
  private _minCutoff = DEFAULT_MIN_CUTOFF_HZ;
  private _beta = DEFAULT_BETA;
  private _dCutoff = DEFAULT_D_CUTOFF_HZ;
  private hasPrevious = false;
  private previousValue = 0;
  private previousSpeed = 0;
  private previousTimeMs = 0;

  constructor(options: OneEuroFilterOptions = {}) {
    this.setOptions(options);
  }

  get minCutoff(): number { return this._minCutoff; }
  get beta(): number { return this._beta; }
  get dCutoff(): number { return this._dCutoff; }

  /** Changes the given options only; the filter keeps its state. */
  setOptions(options: OneEuroFilterOptions): void {
    const minCutoff = options.minCutoff ?? this._minCutoff;
    const beta = options.beta ?? this._beta;
    const dCutoff = options.dCutoff ?? this._dCutoff;
    if (!(minCutoff > 0 && Number.isFinite(minCutoff))) throw new RangeError(`OneEuroFilter: minCutoff must be a positive number of Hz, got ${minCutoff}.`);
    if (!(beta >= 0 && Number.isFinite(beta))) throw new RangeError(`OneEuroFilter: beta must be 0 or more, got ${beta}.`);
    if (!(dCutoff > 0 && Number.isFinite(dCutoff))) throw new RangeError(`OneEuroFilter: dCutoff must be a positive number of Hz, got ${dCutoff}.`);
    this._minCutoff = minCutoff;
    this._beta = beta;
    this._dCutoff = dCutoff;
  }

  /**
   * The filtered value for a sample taken at `timestampMs`. The first sample passes through.
   * A sample no newer than the last one changes nothing and returns the last output.
   */
  filter(value: number, timestampMs: number): number {
    if (!Number.isFinite(value)) throw notFiniteError(value, 'OneEuroFilter.filter: value');
    if (!Number.isFinite(timestampMs)) throw notFiniteError(timestampMs, 'OneEuroFilter.filter: timestampMs');
    if (!this.hasPrevious) {
      this.hasPrevious = true;
      this.previousValue = value;
      this.previousSpeed = 0;
      this.previousTimeMs = timestampMs;
      return value;
    }
    const dt = (timestampMs - this.previousTimeMs) / MS_PER_SECOND;
    if (dt <= 0) return this.previousValue;
    const rawSpeed = (value - this.previousValue) / dt;
    const speed = this.previousSpeed + smoothingFactor(dt, this._dCutoff) * (rawSpeed - this.previousSpeed);
    const cutoff = this._minCutoff + this._beta * Math.abs(speed);
    const filtered = this.previousValue + smoothingFactor(dt, cutoff) * (value - this.previousValue);
    this.previousValue = filtered;
    this.previousSpeed = speed;
    this.previousTimeMs = timestampMs;
    return filtered;
  }

  /** Forgets the past: the next sample passes through unfiltered. */
  reset(): void {
    this.hasPrevious = false;
  }
}

/** Exponential smoothing factor of a first-order low-pass at `cutoffHz` for a step of `dt` seconds. */
function smoothingFactor(dt: number, cutoffHz: number): number {
  const tau = 1 / (TWO_PI * cutoffHz);
  return 1 / (1 + tau / dt);
}
