// What all portraits of a scene cost together, per frame: one object rewritten by every PortraitSystem.update.

/** Weight of a new frame in the smoothed figures: about the last 10 frames. */
const SMOOTHING = 0.1;

/** Totals of the last frame (read them, never write them). */
export class PortraitSystemStats {
  /** Main-thread time of every portrait update in the last frame together, ms: what the budget governs. */
  mainThreadMs = 0;
  /** Main-thread time of the whole last PortraitSystem.update (mesh coverage, planning, updates, stats), ms. */
  updateMs = 0;
  /** The same, smoothed over frames, ms. */
  smoothedMainThreadMs = 0;
  /** Portraits updated in the last frame. */
  updateCount = 0;
  /** Portraits on screen (not frozen). */
  visibleCount = 0;
  /** Sum of the portraits' GPU times where each pass is timed (WebGPU with 'timestamp-query'), ms; else null. */
  gpuMs: number | null = null;
  /** GPU time of the whole last measured frame (the engine's own timer, WebGL2 or WebGPU), ms; null where unmeasurable. */
  gpuFrameMs: number | null = null;
  /** True while even every visible portrait at its floor level does not fit the budget. */
  overBudget = false;
  private _frames = 0;

  /** @internal Closes a frame. */
  _endFrame(mainThreadMs: number, updateCount: number, visibleCount: number, overBudget: boolean): void {
    this.mainThreadMs = mainThreadMs;
    this.smoothedMainThreadMs = this._frames === 0 ? mainThreadMs : this.smoothedMainThreadMs + SMOOTHING * (mainThreadMs - this.smoothedMainThreadMs);
    this._frames++;
    this.updateCount = updateCount;
    this.visibleCount = visibleCount;
    this.overBudget = overBudget;
  }
}
