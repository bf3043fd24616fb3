// One portrait as the scheduler sees it: what the game tells it (visibility, size on screen, focus, hint) and what it decided.
import { notFiniteError } from '../core/validation';
import { CostMeter } from './CostMeter';
import type { PortraitLadder } from './PortraitLadder';
import type { PortraitSchedulerStats } from './PortraitSchedulerStats';
import { priorityWeight, type PriorityHint } from './priority';

/** Screen share assumed until the host sets one: about a dialogue-box portrait. */
const DEFAULT_SCREEN_SHARE = 0.05;

/**
 * Made by `PortraitScheduler.add`. The host writes `visible`, `screenShare`, `focused` and `priority`
 * whenever they change (cheap setters, nothing recomputed until the next plan), reads `updating`, `size`
 * and `rate` after each plan, and calls `recordCost` after each update it performs.
 */
export class ScheduledPortrait {
  /** The levels this portrait can take (sizes and rates), best first. */
  readonly ladder: PortraitLadder;
  /** This portrait's cost samples per render size. */
  readonly meter: CostMeter;
  /** Largest render size in pixels (level 0's size). */
  readonly maxSize: number;
  /** Best update rate: 1 = every frame, N = every Nth frame. */
  readonly refreshRate: number;

  /** @internal Ladder level; -1 while frozen or not yet planned. */
  _level = -1;
  /** @internal Phase in the stagger cycle; -1 when it needs one. */
  _phase = -1;
  /** @internal Frame of the last update (or the frame before it became visible). */
  _lastUpdate = -1;
  /** @internal Consecutive frames a climb has been possible. */
  _upFrames = 0;
  /** @internal Claim on the budget, refreshed each plan. */
  _claim = 0;
  /** @internal Position in the scheduler's list; -1 once removed. */
  _index = -1;
  /** @internal Told to update this frame. */
  _updating = false;
  /** @internal Where recorded costs are summed; null once removed. */
  _stats: PortraitSchedulerStats | null;

  private _visible: boolean;
  private _focused: boolean;
  /** @internal Written directly by the per-frame mesh measure (a setter call would box the double, an allocation per frame); always finite, in [0, 1]. */
  _screenShare: number;
  private _priority: PriorityHint;
  private _weight: number;
  private _renderSize: number;

  /** @internal Use PortraitScheduler.add. */
  constructor(ladder: PortraitLadder, meter: CostMeter, refreshRate: number, stats: PortraitSchedulerStats) {
    this.ladder = ladder;
    this.meter = meter;
    this.maxSize = ladder.sizes[0];
    this.refreshRate = refreshRate;
    this._stats = stats;
    this._visible = true;
    this._focused = false;
    this._screenShare = DEFAULT_SCREEN_SHARE;
    this._priority = 'normal';
    this._weight = priorityWeight('normal');
    this._renderSize = this.maxSize;
  }

  /** On screen. An invisible portrait is frozen: it never updates and costs nothing. Default true. */
  get visible(): boolean { return this._visible; }
  set visible(value: boolean) { this._visible = checkBoolean(value, 'visible'); }

  /** Focused (speaking, or the one the player talks to): served before every unfocused portrait. Default false. */
  get focused(): boolean { return this._focused; }
  set focused(value: boolean) { this._focused = checkBoolean(value, 'focused'); }

  /** Fraction of the screen the portrait covers (projected area / screen area), clamped to [0, 1]. Default 0.05. */
  get screenShare(): number { return this._screenShare; }
  set screenShare(value: number) {
    if (!Number.isFinite(value)) throw notFiniteError(value, 'ScheduledPortrait.screenShare');
    this._screenShare = value < 0 ? 0 : value > 1 ? 1 : value;
  }

  /** The game's hint: 'high' | 'normal' | 'low' or a positive weight (1 = normal). Default 'normal'. */
  get priority(): PriorityHint { return this._priority; }
  set priority(value: PriorityHint) {
    this._weight = priorityWeight(value);
    this._priority = value;
  }

  /** The hint as a weight. */
  get weight(): number { return this._weight; }

  /** Ladder level held: 0 is best; -1 while frozen (off screen) or before the first plan. */
  get level(): number { return this._level; }

  /** Update interval in frames at the level held; 0 while frozen. */
  get rate(): number { return this._level < 0 ? 0 : this.ladder.rateAt(this._level); }

  /** Render size in pixels at the level held; while frozen, the size it was last drawn at. */
  get size(): number { return this._level < 0 ? this._renderSize : this.ladder.sizeAt(this._level); }

  /** Whether the last plan told it to update this frame. */
  get updating(): boolean { return this._updating; }

  /** Smoothed cost of one update at the current size, in ms (NaN before one is recorded). */
  get smoothedCostMs(): number { return this.meter.smoothedMs(this.size); }

  /** 95th percentile of recent update costs at the current size, in ms (NaN before one is recorded). */
  get p95CostMs(): number { return this.meter.p95Ms(this.size); }

  /** Predicted cost of one update at the current size, in ms. */
  get predictedCostMs(): number { return this.meter.predictMs(this.size); }

  /**
   * Records what the update it was told to do cost (main-thread ms, plus GPU ms where the host can time
   * them), at the size it was told to render. Call once per update, after it.
   */
  recordCost(ms: number): void {
    this.meter.record(this._renderSize, ms);
    if (this._stats) this._stats.measuredMs += ms;
  }

  /** @internal The scheduler told it to update this frame at `size`. */
  _admit(frameIndex: number, size: number): void {
    this._updating = true;
    this._lastUpdate = frameIndex;
    this._renderSize = size;
  }

  /** @internal Moves to `level`; a new rate needs a new phase. */
  _setLevel(level: number): void {
    if (this._level < 0 || this.ladder.rateAt(level) !== this.ladder.rateAt(this._level)) this._phase = -1;
    this._level = level;
  }
}

function checkBoolean(value: boolean, what: string): boolean {
  if (typeof value !== 'boolean') throw new TypeError(`ScheduledPortrait.${what} must be true or false, got ${typeof value} (${String(value)}).`);
  return value;
}
