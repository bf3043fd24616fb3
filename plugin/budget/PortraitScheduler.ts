// Decides every frame which portraits update and at what size and rate, so their predicted cost fits the frame budget.
import { CostMeter, type CostMeterOptions } from './CostMeter';
import { CallbackList } from '../core/CallbackList';
import { admitDue } from './admitDue';
import { LevelChooser } from './LevelChooser';
import { costIndex, LevelPlanner } from './LevelPlanner';
import { PhaseBalancer } from './PhaseBalancer';
import { PortraitLadder } from './PortraitLadder';
import { PortraitPlan, type BudgetExceededEvent } from './PortraitPlan';
import { PortraitSchedulerStats } from './PortraitSchedulerStats';
import { priorityClaim, type PriorityHint } from './priority';
import { checkRenderSize, checkUpdateRate, RENDER_SIZES } from './renderLevels';
import { ScheduledPortrait } from './ScheduledPortrait';

export interface PortraitSchedulerOptions {
  /** Milliseconds per frame all portraits together may cost. Default 2. */
  budgetMs?: number;
  /** Slowest update rate a visible portrait is held to, whatever the budget: every Nth frame, a power of two up to 64. Default 8. */
  floorRate?: number;
  /** Smallest render size, one of RENDER_SIZES (1024, 512, 256, 128). Default 128. */
  floorSize?: number;
  /** Fraction of the budget the chosen levels leave free on average, for uneven frames and noise, in [0, 1). Default 0.1. */
  headroom?: number;
  /** A portrait climbs only to levels that keep the average load this fraction under the levels' budget, in [0, 1). Default 0.1. */
  upMargin?: number;
  /** …and only after that climb has been possible for this many frames in a row. Default 30 (half a second at 60 fps). */
  upFrames?: number;
  /** Options of every portrait's CostMeter. */
  costs?: CostMeterOptions;
}

export interface ScheduledPortraitOptions {
  /** Largest render size in pixels, 128..1024 (the portrait texture's size). Default 512. */
  maxSize?: number;
  /** Best update rate (like ProceduralTexture.refreshRate): every Nth frame, a power of two up to 64. Default 1. */
  refreshRate?: number;
  /** The game's hint. Default 'normal'. */
  priority?: PriorityHint;
  /** Fraction of the screen the portrait covers. Default 0.05. */
  screenShare?: number;
  /** On screen. Default true. */
  visible?: boolean;
  /** Speaking, or the one the player talks to. Default false. */
  focused?: boolean;
}

const DEFAULT_BUDGET_MS = 2;
/** Every 8th frame at 128 px: still alive (7.5 updates a second at 60 fps) for a few hundredths of a ms. */
export const DEFAULT_FLOOR_RATE = 8;
const DEFAULT_FLOOR_SIZE = 128;
const DEFAULT_HEADROOM = 0.1;
/** Wider than the usual frame-to-frame wobble of measured costs (a few %), so levels do not flicker. */
const DEFAULT_UP_MARGIN = 0.1;
const DEFAULT_UP_FRAMES = 30;
/** Share of the way each overhead report moves its average: about the last 10 frames count, a lone spike little. */
const OVERHEAD_SMOOTHING = 0.1;
const DEFAULT_MAX_SIZE = 512;

/**
 * Per frame, `plan(frameIndex)` picks which visible portraits update and at which level (render size
 * and update rate), so that the predicted cost of this frame's updates stays within `budgetMs`.
 *
 * - Levels: every visible portrait gets a level from its ladder (LevelPlanner: strongest claim first) so the
 *   predicted average load fits the budget less `headroom`. Hysteresis: when the levels held no longer fit,
 *   the portraits above their new plan drop at once; a portrait climbs only after a climb has fit under a
 *   budget `upMargin` smaller for `upFrames` frames in a row (LevelChooser).
 * - Staggering: a portrait at rate N updates on the frames f with f mod N = its phase; phases are chosen
 *   (PhaseBalancer) so every frame of the cycle carries about the same predicted load.
 * - Each frame, due portraits are taken strongest first while the predicted sum fits the budget; one that
 *   does not fit waits for a later frame. A visible portrait never waits longer than its floor rate (admitDue).
 * - When even every visible portrait at its floor does not fit, `onBudgetExceeded` fires once, and again
 *   only after the floors have fit with `upMargin` to spare.
 * - Overhead: the caller's own per-frame work around the updates (measuring meshes, planning, stats),
 *   reported with `recordOverhead`, is smoothed and taken off the budget first, so the whole of the
 *   plugin's frame, not only its updates, keeps within `budgetMs`.
 * Allocation happens in `add` (capacity grows) and when an episode starts (the event); `plan` allocates nothing else.
 */
export class PortraitScheduler {
  /** Called once when an over-budget episode begins. */
  readonly onBudgetExceeded = new CallbackList<BudgetExceededEvent>();
  /** Totals of the last plan. */
  readonly stats = new PortraitSchedulerStats();
  readonly floorRate: number;
  readonly floorSize: number;
  readonly headroom: number;
  readonly upMargin: number;
  readonly upFrames: number;

  private _budgetMs = DEFAULT_BUDGET_MS;
  private readonly _costOptions: CostMeterOptions;
  private readonly _portraits: ScheduledPortrait[] = [];
  private readonly _plan = new PortraitPlan();
  private readonly _planner = new LevelPlanner();
  private readonly _levels: LevelChooser;
  private readonly _phases = new PhaseBalancer();
  /** Visible portraits, strongest claim first; only the first `count` of a plan are current. */
  private readonly _visible: ScheduledPortrait[] = [];
  private _lastFrame = -Infinity;
  /** Smoothed per-frame overhead (ms); see recordOverhead. */
  private _overheadMs = 0;
  private _overheadSeen = false;

  constructor(options: PortraitSchedulerOptions = {}) {
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    this.floorRate = checkUpdateRate(options.floorRate ?? DEFAULT_FLOOR_RATE, 'PortraitScheduler: floorRate');
    const floorSize = options.floorSize ?? DEFAULT_FLOOR_SIZE;
    if (!RENDER_SIZES.includes(floorSize)) {
      throw new RangeError(`PortraitScheduler: floorSize must be one of ${RENDER_SIZES.join(', ')} pixels, got ${floorSize}.`);
    }
    this.floorSize = floorSize;
    this.headroom = checkFraction(options.headroom ?? DEFAULT_HEADROOM, 'headroom');
    this.upMargin = checkFraction(options.upMargin ?? DEFAULT_UP_MARGIN, 'upMargin');
    const upFrames = options.upFrames ?? DEFAULT_UP_FRAMES;
    if (!Number.isInteger(upFrames) || upFrames < 1) throw new RangeError(`PortraitScheduler: upFrames must be a whole number of frames, 1 or more, got ${upFrames}.`);
    this.upFrames = upFrames;
    this._levels = new LevelChooser(this._planner, this.upMargin, upFrames);
    this._costOptions = { ...options.costs };
    new CostMeter([DEFAULT_FLOOR_SIZE], this._costOptions); // checks the cost options now rather than at the first add
  }

  /** Milliseconds per frame all portraits together may cost; may change at any time. */
  get budgetMs(): number { return this._budgetMs; }
  set budgetMs(value: number) {
    if (!(value >= 0 && Number.isFinite(value))) throw new RangeError(`PortraitScheduler: budgetMs must be a finite number of ms, 0 or more, got ${value}.`);
    this._budgetMs = value;
  }

  /** The portraits scheduled, in the order added (a removal moves the last one into the gap). */
  get portraits(): readonly ScheduledPortrait[] {
    return this._portraits;
  }

  /** Schedules a new portrait and returns its handle. */
  add(options: ScheduledPortraitOptions = {}): ScheduledPortrait {
    const maxSize = checkRenderSize(options.maxSize ?? DEFAULT_MAX_SIZE, 'PortraitScheduler.add: maxSize');
    const refreshRate = checkUpdateRate(options.refreshRate ?? 1, 'PortraitScheduler.add: refreshRate');
    const floorRate = refreshRate > this.floorRate ? refreshRate : this.floorRate;
    const ladder = new PortraitLadder(maxSize, this.floorSize, refreshRate, floorRate);
    const portrait = new ScheduledPortrait(ladder, new CostMeter(ladder.sizes, this._costOptions), refreshRate, this.stats);
    if (options.priority !== undefined) portrait.priority = options.priority;
    if (options.screenShare !== undefined) portrait.screenShare = options.screenShare;
    if (options.visible !== undefined) portrait.visible = options.visible;
    if (options.focused !== undefined) portrait.focused = options.focused;
    portrait._index = this._portraits.length;
    this._portraits.push(portrait);
    const count = this._portraits.length;
    this._planner.ensureCapacity(count);
    while (this._visible.length < count) this._visible.push(portrait);
    while (this._plan.portraits.length < count) this._plan.portraits.push(portrait);
    return portrait;
  }

  /** Stops scheduling `portrait`; false when it was not scheduled here. */
  remove(portrait: ScheduledPortrait): boolean {
    const i = portrait._index;
    if (i < 0 || this._portraits[i] !== portrait) return false;
    const last = this._portraits.pop() as ScheduledPortrait;
    if (last !== portrait) {
      this._portraits[i] = last;
      last._index = i;
    }
    portrait._index = -1;
    portrait._stats = null;
    portrait._updating = false;
    this._plan.portraits.length = this._portraits.length;
    this._visible.length = this._portraits.length;
    return true;
  }

  /**
   * Reports the caller's own work this frame outside the updates (ms): PortraitSystem's mesh
   * measures, this plan and its stats. Smoothed, it comes off the budget of the next plans.
   */
  recordOverhead(ms: number): void {
    if (!(ms >= 0 && Number.isFinite(ms))) throw new RangeError(`PortraitScheduler.recordOverhead: ms must be a finite number, 0 or more, got ${ms}.`);
    // The first report stands alone; later ones move the average a share of the way, so one slow frame barely shifts the plan.
    this._overheadMs = this._overheadSeen ? this._overheadMs + (ms - this._overheadMs) * OVERHEAD_SMOOTHING : ms;
    this._overheadSeen = true;
    this.stats.overheadMs = this._overheadMs;
  }

  /**
   * Decides this frame: who updates, at which size. `frameIndex` must grow by at least 1 per call
   * (the engine's frame counter). Returns the same PortraitPlan object every time.
   */
  plan(frameIndex: number): PortraitPlan {
    if (!Number.isInteger(frameIndex) || frameIndex <= this._lastFrame) {
      throw new RangeError(`PortraitScheduler.plan: frameIndex must be a whole number larger than the last one (${this._lastFrame}), got ${frameIndex}; pass the engine's frame counter.`);
    }
    this._lastFrame = frameIndex;
    const stats = this.stats;
    stats.lastFrameMeasuredMs = stats.measuredMs;
    stats.measuredMs = 0;
    stats.frameIndex = frameIndex;
    const count = this._collectVisible();
    this._predictCosts(count);
    // What is left for updates once the caller's own overhead is paid.
    const updateBudget = Math.max(0, this._budgetMs - this._overheadMs);
    this._levels.budgetMs = updateBudget * (1 - this.headroom);
    this._levels.choose(this._visible, count, frameIndex);
    this._placePhases(count);
    this._plan.budgetMs = updateBudget;
    admitDue(this._plan, this._visible, count, this._planner.costs, frameIndex);
    stats.visibleCount = count;
    stats.averageLoadMs = this._levels.load;
    stats.updateCount = this._plan.count;
    stats.predictedMs = this._plan.predictedMs;
    const floorLoad = stats.floorLoadMs;
    const startsEpisode = !stats.overBudget && floorLoad > updateBudget;
    if (startsEpisode) stats.overBudget = true;
    else if (stats.overBudget && floorLoad <= updateBudget * (1 - this.upMargin)) stats.overBudget = false;
    if (startsEpisode) this.onBudgetExceeded.notify({ frameIndex, budgetMs: this._budgetMs, floorLoadMs: floorLoad, visibleCount: count });
    return this._plan;
  }

  /** Removes every portrait and callback. Safe to call twice. */
  dispose(): void {
    while (this._portraits.length > 0) this.remove(this._portraits[this._portraits.length - 1]);
    this.onBudgetExceeded.clear();
  }

  /** Freezes hidden portraits and lists the visible ones in `_visible`, strongest claim first; returns how many. */
  private _collectVisible(): number {
    const list = this._portraits;
    const visible = this._visible;
    let count = 0;
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      p._updating = false;
      if (!p.visible) {
        p._level = -1;
        p._phase = -1;
        p._upFrames = 0;
        continue;
      }
      p._claim = priorityClaim(p.weight, p.screenShare, p.focused);
      // Insertion sort, stable: the order barely changes between frames, so this is close to linear.
      let k = count++;
      while (k > 0 && visible[k - 1]._claim < p._claim) {
        visible[k] = visible[k - 1];
        k--;
      }
      visible[k] = p;
    }
    return count;
  }

  /** Fills the planner's claims, floors and per-level average costs, and stats.floorLoadMs. */
  private _predictCosts(count: number): void {
    const { claims, floors, costs } = this._planner;
    let floorLoad = 0;
    for (let k = 0; k < count; k++) {
      const p = this._visible[k];
      const ladder = p.ladder;
      claims[k] = p._claim;
      floors[k] = ladder.floorLevel;
      const predicted = p.meter.predictions(); // per entry of ladder.sizes: the meter was made from them
      for (let level = 0; level < ladder.levelCount; level++) {
        costs[costIndex(k, level)] = predicted[ladder.sizeIndexAt(level)] / ladder.rateAt(level);
      }
      floorLoad += costs[costIndex(k, ladder.floorLevel)];
    }
    this.stats.floorLoadMs = floorLoad;
  }

  /** Gives a phase to every visible portrait whose rate is new, balancing the stagger cycle. */
  private _placePhases(count: number): void {
    const visible = this._visible;
    let needed = false;
    for (let k = 0; k < count && !needed; k++) needed = visible[k]._phase < 0;
    if (!needed) return;
    const phases = this._phases;
    const costs = this._planner.costs;
    phases.clear();
    for (let k = 0; k < count; k++) {
      const p = visible[k];
      if (p._phase >= 0) phases.add(p.rate, p._phase, costs[costIndex(k, p._level)] * p.rate);
    }
    for (let k = 0; k < count; k++) {
      const p = visible[k];
      if (p._phase < 0) p._phase = phases.place(p.rate, costs[costIndex(k, p._level)] * p.rate);
    }
  }
}

function checkFraction(value: number, what: string): number {
  if (!(value >= 0 && value < 1)) throw new RangeError(`PortraitScheduler: ${what} must be a fraction in [0, 1), got ${value}.`);
  return value;
}
