// The answer of PortraitScheduler.plan(): who updates this frame. One object, rewritten by every plan().
import type { ScheduledPortrait } from './ScheduledPortrait';

/** The portraits to update this frame; each one's `size` is the size to render at. */
export class PortraitPlan {
  /** The frame this plan is for; -1 before the first plan. */
  frameIndex = -1;
  /** How many portraits update this frame: the first `count` entries of `portraits`. */
  count = 0;
  /** Portraits to update, strongest claim first. Only the first `count` entries belong to this frame. */
  readonly portraits: ScheduledPortrait[] = [];
  /** Predicted cost of these updates, in ms. */
  predictedMs = 0;
  /** The budget this plan was made for, in ms. */
  budgetMs = 0;
}

/** What `onBudgetExceeded` reports, once per episode: the floors of the visible portraits do not fit. */
export interface BudgetExceededEvent {
  /** The frame the episode began. */
  readonly frameIndex: number;
  /** The budget, in ms per frame. */
  readonly budgetMs: number;
  /** Predicted average cost per frame with every visible portrait at its floor, in ms. */
  readonly floorLoadMs: number;
  /** Visible portraits at that moment. */
  readonly visibleCount: number;
}
