// Per-frame samples of one measured window, in preallocated arrays, and their percentiles.

/** Most frames one window can hold: 30 s at 120 fps, far more than any case measures. */
const CAPACITY = 3600;

/** One series of per-frame numbers. */
export class Series {
  readonly values = new Float64Array(CAPACITY);
  count = 0;

  push(value: number): void {
    if (this.count < CAPACITY) this.values[this.count++] = value;
  }

  /** Nearest-rank percentile (fraction 0..1); NaN when empty. */
  percentile(fraction: number): number {
    if (this.count === 0) return NaN;
    const sorted = this.values.slice(0, this.count).sort();
    const rank = Math.min(this.count, Math.max(1, Math.ceil(fraction * this.count)));
    return sorted[rank - 1];
  }

  mean(): number {
    let sum = 0;
    for (let i = 0; i < this.count; i++) sum += this.values[i];
    return this.count === 0 ? NaN : sum / this.count;
  }

  /** Share of samples above `limit`. */
  shareAbove(limit: number): number {
    let above = 0;
    for (let i = 0; i < this.count; i++) if (this.values[i] > limit) above++;
    return this.count === 0 ? NaN : above / this.count;
  }

  clear(): void {
    this.count = 0;
  }
}

/** Everything recorded per frame while a window is open. */
export class FrameSamples {
  /** Time between this frame's start and the previous one's, ms. */
  readonly frameMs = new Series();
  /** The plugin's (or the video baseline's) main-thread time this frame, ms. */
  readonly mainThreadMs = new Series();
  /** Warp only: the whole PortraitSystem.update (coverage, planning, updates), ms. */
  readonly systemMs = new Series();
  /** Warp only: the budgeted part (the portraits' measured updates), ms. */
  readonly budgetedMs = new Series();
  /** Warp only: sampling the motion sources, ms (included in mainThreadMs). */
  readonly motionMs = new Series();
  /** GPU time of the portraits' passes where the engine times each pass (WebGPU with timestamp-query), ms. */
  readonly gpuMs = new Series();
  /** GPU time of the whole frame where the engine measures it, ms. */
  readonly gpuFrameMs = new Series();
  /** ONNX only: one per frame shown, the time from starting its inference until it was on the GPU, ms. */
  readonly inferenceMs = new Series();
  recording = false;

  clear(): void {
    for (const s of [this.frameMs, this.mainThreadMs, this.systemMs, this.budgetedMs, this.motionMs, this.gpuMs, this.gpuFrameMs, this.inferenceMs]) s.clear();
  }
}
