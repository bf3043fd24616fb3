// What the scheduler did this frame, in numbers: one object, rewritten by every plan().

/** Totals of the last `PortraitScheduler.plan()`; per-portrait numbers live on each ScheduledPortrait. */
export class PortraitSchedulerStats {
  /** The frame last planned; -1 before the first plan. */
  frameIndex = -1;
  /** Portraits on screen (not frozen). */
  visibleCount = 0;
  /** Portraits told to update this frame. */
  updateCount = 0;
  /** Predicted cost of this frame's updates, in ms. */
  predictedMs = 0;
  /** Costs recorded (ScheduledPortrait.recordCost) since this frame was planned, in ms. */
  measuredMs = 0;
  /** Costs recorded during the previous frame, in ms (its final measuredMs). */
  lastFrameMeasuredMs = 0;
  /** Predicted average cost per frame of the levels now held (each update's cost / its rate), in ms. */
  averageLoadMs = 0;
  /** Predicted average cost per frame with every visible portrait at its floor, in ms. */
  floorLoadMs = 0;
  /** The caller's own per-frame work outside the updates (PortraitScheduler.recordOverhead), smoothed, in ms: taken off the budget. */
  overheadMs = 0;
  /** True while even the floors do not fit the budget (between onBudgetExceeded and recovery). */
  overBudget = false;
}
