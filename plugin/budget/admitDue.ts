// Fills a frame's plan: starved portraits first, then late ones, then those due now, while the budget lasts.
import { costIndex } from './LevelPlanner';
import type { PortraitPlan } from './PortraitPlan';
import type { ScheduledPortrait } from './ScheduledPortrait';

/**
 * Puts into `plan` the portraits of `visible[0..count)` (claim order, levels and phases set) that update
 * on `frameIndex`, within `plan.budgetMs`:
 * 1. every portrait that has gone its floor rate of frames without an update, whatever the budget;
 * 2. portraits that missed their last phase slot, strongest first, if they fit;
 * 3. portraits whose phase slot is this frame, strongest first, if they fit.
 * One that does not fit stays due and comes back in step 2 on a later frame. `costs` holds the
 * predicted average ms per frame per level (LevelPlanner.costs). Allocates nothing.
 */
export function admitDue(plan: PortraitPlan, visible: readonly ScheduledPortrait[], count: number, costs: Float64Array, frameIndex: number): void {
  plan.frameIndex = frameIndex;
  plan.count = 0;
  plan.predictedMs = 0;
  for (let k = 0; k < count; k++) {
    const p = visible[k];
    if (frameIndex - p._lastUpdate >= p.ladder.rateAt(p.ladder.floorLevel)) take(plan, p, costs, k, frameIndex);
  }
  for (let late = 1; late >= 0; late--) {
    for (let k = 0; k < count; k++) {
      const p = visible[k];
      if (p._updating) continue;
      const rate = p.rate;
      const slot = frameIndex - ((((frameIndex - p._phase) % rate) + rate) % rate);
      if (p._lastUpdate >= slot || (slot < frameIndex ? 1 : 0) !== late) continue;
      if (plan.predictedMs + costs[costIndex(k, p._level)] * rate <= plan.budgetMs) take(plan, p, costs, k, frameIndex);
    }
  }
}

/** Adds visible position k to the plan. Takes the costs array, not a cost: V8 boxes a number passed to a call it does not inline. */
function take(plan: PortraitPlan, p: ScheduledPortrait, costs: Float64Array, k: number, frameIndex: number): void {
  p._admit(frameIndex, p.size);
  plan.portraits[plan.count++] = p;
  plan.predictedMs += costs[costIndex(k, p._level)] * p.rate;
}
