// Moves visible portraits between levels with hysteresis: down at once when over, up only when comfortably under for a while.
import { costIndex, type LevelPlanner } from './LevelPlanner';
import type { ScheduledPortrait } from './ScheduledPortrait';

/**
 * Frames between checks for climbs. Climbing waits `upFrames` (30 by default) anyway, so checking every
 * 4th frame changes little and saves most of the planner's time in a steady frame.
 */
const UP_CHECK_INTERVAL = 4;

/**
 * Keeps every visible portrait's level, changing it only when needed:
 * - a portrait appearing (or reappearing) takes the planner's level for it at once;
 * - when the levels held cost more than `budgetMs`, every portrait above the planner's level drops to it at once;
 * - otherwise a portrait climbs toward the planner's level for a budget `upMargin` smaller, once that has been
 *   higher than its own for `upFrames` frames, taking room from weaker portraits above their planned level.
 * The planner's arrays (claims, floors, costs) must be filled for `visible[0..count)` in claim order.
 */
export class LevelChooser {
  /** The budget for the levels' average load, ms per frame (the frame budget less headroom). Set before `choose`. */
  budgetMs = 0;
  /** Predicted average load of the levels held after `choose`, ms per frame. */
  load = 0;
  private _framesSinceUpCheck = 0;

  constructor(
    private readonly _planner: LevelPlanner,
    private readonly _upMargin: number,
    private readonly _upFrames: number,
  ) {}

  /** Updates the levels of `visible[0..count)` for `frameIndex`. Allocates nothing. */
  choose(visible: readonly ScheduledPortrait[], count: number, frameIndex: number): void {
    const planner = this._planner;
    const { target, costs } = planner;
    let unplaced = false;
    let allAtTop = true;
    for (let k = 0; k < count; k++) {
      if (visible[k]._level < 0) unplaced = true;
      if (visible[k]._level !== 0) allAtTop = false;
    }
    this._sumLoad(visible, count);
    if (unplaced || this.load > this.budgetMs) {
      planner.budgetMs = this.budgetMs;
      planner.plan(count);
      for (let k = 0; k < count; k++) {
        const p = visible[k];
        if (p._level >= 0) continue;
        p._setLevel(target[k]);
        p._lastUpdate = frameIndex - 1; // its first update comes at its first phase slot
        p._upFrames = 0;
      }
      this._sumLoad(visible, count);
      if (this.load <= this.budgetMs) return;
      for (let k = 0; k < count; k++) {
        if (visible[k]._level < target[k]) visible[k]._setLevel(target[k]);
        visible[k]._upFrames = 0;
      }
      this._sumLoad(visible, count);
      return;
    }
    if (allAtTop || ++this._framesSinceUpCheck < UP_CHECK_INTERVAL) return;
    const elapsed = this._framesSinceUpCheck;
    this._framesSinceUpCheck = 0;
    const upBudget = this.budgetMs * (1 - this._upMargin);
    planner.budgetMs = upBudget;
    planner.plan(count);
    let load = this.load;
    for (let k = 0; k < count; k++) {
      const p = visible[k];
      if (target[k] >= p._level) {
        p._upFrames = 0;
        continue;
      }
      p._upFrames += elapsed;
      if (p._upFrames < this._upFrames) continue;
      // Room is made by lowering weaker portraits that sit above their own planned level, weakest first.
      let weaker = count - 1;
      let level = p._level;
      while (level > target[k]) {
        const step = costs[costIndex(k, level - 1)] - costs[costIndex(k, level)];
        if (load + step <= upBudget) {
          load += step;
          level--;
          continue;
        }
        while (weaker > k && visible[weaker]._level >= target[weaker]) weaker--;
        if (weaker <= k) break;
        const q = visible[weaker];
        load -= costs[costIndex(weaker, q._level)] - costs[costIndex(weaker, target[weaker])];
        q._setLevel(target[weaker]);
        q._upFrames = 0;
      }
      if (level !== p._level) {
        p._setLevel(level);
        p._upFrames = 0;
      }
    }
    this.load = load;
  }

  /** Sums the predicted average load of the levels held (placed portraits only) into `load`. */
  private _sumLoad(visible: readonly ScheduledPortrait[], count: number): void {
    const costs = this._planner.costs;
    let load = 0;
    for (let k = 0; k < count; k++) if (visible[k]._level >= 0) load += costs[costIndex(k, visible[k]._level)];
    this.load = load;
  }
}
