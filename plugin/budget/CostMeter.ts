// What one portrait's update costs, per render size: smoothed and p95 samples, and a model for sizes not yet measured.
import { notFiniteError } from '../core/validation';
import { MAX_LADDER_SIZES } from './renderLevels';
import { WindowedPercentile } from './WindowedPercentile';

export interface CostMeterOptions {
  /** Weight of a new sample in the smoothed cost (exponential moving average), in (0, 1]. Default 0.1 (about the last 10 updates). */
  smoothing?: number;
  /** Samples per size kept for the p95. Default 64 (about a second of updates at 60 fps). */
  window?: number;
  /**
   * The part of an update's cost that does not grow with pixels (deforming the rig, submitting the draw),
   * in ms. Used only to scale a measured size to an unmeasured one. Default 0.05.
   */
  overheadMs?: number;
  /** Cost assumed for an update at 512 px before anything is measured, in ms. Default 0.3. */
  assumedCostMs?: number;
}

const DEFAULT_SMOOTHING = 0.1;
const DEFAULT_WINDOW = 64;
/** A warp update is a few thousand vertices and one draw call: tens of microseconds before any pixel. */
const DEFAULT_OVERHEAD_MS = 0.05;
/** Deliberately pessimistic, so a new portrait starts low and climbs once measured rather than overshooting. */
const DEFAULT_ASSUMED_COST_MS = 0.3;
/** The size `assumedCostMs` refers to. */
const ASSUMED_COST_SIZE = 512;
const P95 = 0.95;
/**
 * At most this fraction of a measured cost counts as overhead when scaling. Without a cap, a cost below
 * overheadMs would be all overhead and scale up to larger sizes flat, badly underestimated.
 */
const MAX_OVERHEAD_FRACTION = 0.5;

/**
 * Cost samples of one portrait, kept apart per render size because cost depends on size.
 *
 * The model behind `predictMs(size)`:
 * - a size with samples costs its smoothed (EMA) cost;
 * - an unmeasured size is scaled from the nearest measured size m (nearest by size ratio; the larger
 *   on a tie) as `o + (cost(m) − o) · (size / m)²`: a fixed per-update overhead o = min(overheadMs, cost(m) / 2)
 *   plus a part proportional to the pixel count (the cap keeps half of any measured cost growing with pixels);
 * - with nothing measured yet, the same scaling from `assumedCostMs` at 512 px.
 * Costs are whatever the host measures per update (main-thread ms, plus GPU ms where it can time them).
 */
export class CostMeter {
  /** The sizes this meter keeps samples for, in pixels. */
  readonly sizes: readonly number[];
  private readonly _smoothing: number;
  private readonly _overheadMs: number;
  /** Predictions per size before anything is measured. */
  private readonly _prior: Float64Array;
  private readonly _ema: Float64Array;
  private readonly _samples: Uint32Array;
  private readonly _windows: WindowedPercentile[];
  /** Predictions per size, recomputed on the first read after a record. */
  private readonly _predicted: Float64Array;
  private _stale = true;

  constructor(sizes: readonly number[], options: CostMeterOptions = {}) {
    if (sizes.length < 1 || sizes.length > MAX_LADDER_SIZES || sizes.some((s) => !(Number.isInteger(s) && s > 0))) {
      throw new RangeError(`CostMeter: sizes must be 1 to ${MAX_LADDER_SIZES} whole pixel sizes, got [${sizes.join(', ')}].`);
    }
    const smoothing = options.smoothing ?? DEFAULT_SMOOTHING;
    const window = options.window ?? DEFAULT_WINDOW;
    const overheadMs = options.overheadMs ?? DEFAULT_OVERHEAD_MS;
    const assumedCostMs = options.assumedCostMs ?? DEFAULT_ASSUMED_COST_MS;
    if (!(smoothing > 0 && smoothing <= 1)) throw new RangeError(`CostMeter: smoothing must be in (0, 1], got ${smoothing}.`);
    if (!Number.isInteger(window) || window < 1) throw new RangeError(`CostMeter: window must be a whole number of samples, 1 or more, got ${window}.`);
    if (!(overheadMs >= 0 && Number.isFinite(overheadMs))) throw new RangeError(`CostMeter: overheadMs must be 0 or more, got ${overheadMs}.`);
    if (!(assumedCostMs > 0 && Number.isFinite(assumedCostMs))) throw new RangeError(`CostMeter: assumedCostMs must be more than 0, got ${assumedCostMs}.`);
    this.sizes = sizes.slice();
    this._smoothing = smoothing;
    this._overheadMs = overheadMs;
    this._prior = Float64Array.from(sizes, (size) => scaleCost(assumedCostMs, ASSUMED_COST_SIZE, size, overheadMs));
    this._ema = new Float64Array(sizes.length);
    this._samples = new Uint32Array(sizes.length);
    this._windows = sizes.map(() => new WindowedPercentile(window));
    this._predicted = new Float64Array(sizes.length);
  }

  /** Records the cost of one update rendered at `size` (one of `sizes`), in ms. */
  record(size: number, ms: number): void {
    const slot = this._slot(size, 'record');
    if (!(ms >= 0 && Number.isFinite(ms))) {
      throw Number.isFinite(ms) ? new RangeError(`CostMeter.record: ms must be 0 or more, got ${ms}.`) : notFiniteError(ms, 'CostMeter.record: ms');
    }
    const n = this._samples[slot];
    if (n === 0) this._ema[slot] = ms;
    else this._ema[slot] += this._smoothing * (ms - this._ema[slot]);
    this._samples[slot] = n + 1;
    this._windows[slot].push(ms);
    this._stale = true;
  }

  /** How many updates at `size` have been recorded. */
  sampleCount(size: number): number {
    return this._samples[this._slot(size, 'sampleCount')];
  }

  /** The smoothed cost at `size` in ms; NaN before its first sample. */
  smoothedMs(size: number): number {
    const slot = this._slot(size, 'smoothedMs');
    return this._samples[slot] === 0 ? NaN : this._ema[slot];
  }

  /** The 95th percentile of the last `window` costs at `size` in ms; NaN before its first sample. */
  p95Ms(size: number): number {
    return this._windows[this._slot(size, 'p95Ms')].percentile(P95);
  }

  /** The predicted cost of one update at `size` in ms (see the class comment for the model). */
  predictMs(size: number): number {
    const slot = this._slot(size, 'predictMs');
    return this.predictions()[slot];
  }

  /**
   * Predicted cost in ms for every entry of `sizes`, in that order: the meter's own array, brought up to
   * date on each call; read it, never write it. For per-frame callers: returns an array, not a number,
   * so nothing is boxed when the call is not inlined.
   */
  predictions(): Float64Array {
    if (this._stale) this._predictAll();
    return this._predicted;
  }

  private _predictAll(): void {
    const sizes = this.sizes;
    for (let slot = 0; slot < sizes.length; slot++) {
      if (this._samples[slot] > 0) {
        this._predicted[slot] = this._ema[slot];
        continue;
      }
      const size = sizes[slot];
      let nearest = -1;
      let nearestRatio = Infinity;
      for (let i = 0; i < sizes.length; i++) {
        if (this._samples[i] === 0) continue;
        const ratio = sizes[i] > size ? sizes[i] / size : size / sizes[i];
        if (ratio < nearestRatio || (ratio === nearestRatio && sizes[i] > sizes[nearest])) {
          nearest = i;
          nearestRatio = ratio;
        }
      }
      if (nearest < 0) {
        this._predicted[slot] = this._prior[slot];
        continue;
      }
      // Written out rather than through scaleCost, and Math.min rather than a ternary: a number returned
      // from a call that is not inlined, or joined with a field's value in a ternary, gets boxed.
      const fromMs = this._ema[nearest];
      const ratio = size / sizes[nearest];
      const overhead = Math.min(this._overheadMs, fromMs * MAX_OVERHEAD_FRACTION);
      this._predicted[slot] = overhead + (fromMs - overhead) * ratio * ratio;
    }
    this._stale = false;
  }

  /** Forgets every sample (e.g. after the host's GPU or quality settings change). */
  reset(): void {
    this._ema.fill(0);
    this._samples.fill(0);
    for (const window of this._windows) window.clear();
    this._stale = true;
  }

  private _slot(size: number, method: string): number {
    const sizes = this.sizes;
    for (let i = 0; i < sizes.length; i++) if (sizes[i] === size) return i;
    throw new RangeError(`CostMeter.${method}: size ${size} is not one of this meter's sizes (${sizes.join(', ')}).`);
  }
}

/** The cost at `toSize` from a cost at `fromSize`: a fixed overhead (at most half the cost) plus a part proportional to pixels. */
function scaleCost(costMs: number, fromSize: number, toSize: number, overheadMs: number): number {
  const overhead = Math.min(overheadMs, costMs * MAX_OVERHEAD_FRACTION);
  const ratio = toSize / fromSize;
  return overhead + (costMs - overhead) * ratio * ratio;
}
