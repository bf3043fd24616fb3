// What one portrait costs and where the scheduler holds it: smoothed main-thread and GPU time, level, size, rate.

/** Weight of a new sample in the smoothed figures: about the last 10 updates. */
const SMOOTHING = 0.1;

/**
 * A portrait's numbers, rewritten in place by the PortraitSystem each frame (read them, never write
 * them). Times are per update, not per frame: a portrait at rate 4 costs a quarter of them per frame.
 */
export class PortraitStats {
  /** Smoothed main-thread time of one update (deform + draw submission), ms; NaN before the first update. */
  mainThreadMs = NaN;
  /** Main-thread time of the last update, ms; NaN before the first update. */
  lastMainThreadMs = NaN;
  /**
   * Smoothed GPU time of one update, ms, where the engine can time each portrait's pass (WebGPU with the
   * 'timestamp-query' feature); null where it cannot (WebGL2 times whole frames only: see
   * PortraitSystem.stats.gpuFrameMs; SwiftShader and most browsers without the feature time nothing).
   */
  gpuMs: number | null = null;
  /** Ladder level held: 0 is the best (max size, best rate); -1 while frozen (off screen) or not yet planned. */
  level = -1;
  /** Render size in pixels now (the texture's size). */
  size = 0;
  /** Update interval in frames at the level held (1 = every frame); 0 while frozen. */
  rate = 0;
  /** Whether the portrait was told to update in the last frame. */
  updating = false;
  /** Updates drawn since the portrait was made. */
  updateCount = 0;

  /** @internal Adds one update's main-thread time. */
  _recordMainThread(ms: number): void {
    this.lastMainThreadMs = ms;
    this.mainThreadMs = this.updateCount === 0 ? ms : this.mainThreadMs + SMOOTHING * (ms - this.mainThreadMs);
    this.updateCount++;
  }

  /** @internal Adds one update's GPU time (ms). */
  _recordGpu(ms: number): void {
    this.gpuMs = this.gpuMs === null ? ms : this.gpuMs + SMOOTHING * (ms - this.gpuMs);
  }
}
