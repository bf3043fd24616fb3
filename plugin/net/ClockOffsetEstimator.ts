// A smoothed estimate of (local arrival time − sender time) for a stream of timestamped frames.

/**
 * Each arrival observes `local − sender` = true clock offset + that frame's network delay. The estimate is an
 * exponential moving average of the observations, so it settles on offset + mean delay: frames then arrive
 * around the estimate, half early and half late, and a playout delay covers the late half.
 * Each observation moves the estimate by at most `smoothing × maxStepMs`, so a burst of frames held up by
 * a stall (a TCP retransmit, a background tab) barely shifts it, while a lasting change is still followed.
 */
export class ClockOffsetEstimator {
  private _offsetMs = 0;
  private _hasEstimate = false;

  /**
   * `smoothing` in (0, 1]: the weight of each new observation (1 = no smoothing); `maxStepMs` > 0: how far
   * from the estimate an observation counts at most. Both checked by the owner.
   */
  constructor(private readonly smoothing: number, private readonly maxStepMs: number) {}

  /** Local time minus sender time, in ms; 0 before the first observation. */
  get offsetMs(): number { return this._offsetMs; }
  /** False until the first observation since construction or reset. */
  get hasEstimate(): boolean { return this._hasEstimate; }

  /** Adds one arrival: the frame's sender time and the local time it arrived. The first sets the estimate. */
  observe(senderTimeMs: number, localTimeMs: number): void {
    const observed = localTimeMs - senderTimeMs;
    if (this._hasEstimate) {
      const step = observed - this._offsetMs;
      const limited = step > this.maxStepMs ? this.maxStepMs : step < -this.maxStepMs ? -this.maxStepMs : step;
      this._offsetMs += limited * this.smoothing;
    } else {
      this._offsetMs = observed;
      this._hasEstimate = true;
    }
  }

  /** Forgets the estimate (a new stream, maybe from a restarted sender clock). */
  reset(): void {
    this._offsetMs = 0;
    this._hasEstimate = false;
  }
}
