// Chooses a level for every visible portrait so their predicted average load fits a budget, strongest claim first.
import { MAX_LADDER_LEVELS } from './renderLevels';

/**
 * Index in `LevelPlanner.costs` of visible position k at `level`. Callers read costs from that array in
 * line rather than through a method: V8 boxes a number returned from a call it does not inline.
 */
export function costIndex(k: number, level: number): number {
  return k * MAX_LADDER_LEVELS + level;
}

/**
 * Greedy level assignment over arrays the caller fills, indexed by position k (0..count):
 * `claims[k]` (priorityClaim), `floors[k]` (floor level), `costs[k * MAX_LADDER_LEVELS + level]`
 * (predicted average ms per frame at that level: cost of one update / rate).
 *
 * Everyone starts at the floor. Then, one step at a time, the portrait whose claim minus the steps it
 * has already been given is largest (the earlier position on a tie; a binary heap finds it) climbs one
 * level if the step fits what is left of the budget; a step that does not fit stops that portrait. So equal portraits end within
 * one level of each other, each doubling of priority is worth one level, a focused portrait is served
 * first, and a shrinking budget takes from the lowest priority first.
 * Arrays grow in `ensureCapacity` (when portraits are added); `plan` allocates nothing.
 */
export class LevelPlanner {
  claims = new Float64Array(0);
  floors = new Int32Array(0);
  costs = new Float64Array(0);
  /** The chosen level per position, written by `plan`. */
  target = new Int32Array(0);
  /** The budget `plan` fits into, ms per frame. A field rather than an argument, like `load`: V8 boxes a number passed to or returned from a call it does not inline. */
  budgetMs = 0;
  /** Predicted average load of `target`, ms per frame, written by `plan`. */
  load = 0;
  /** Positions still climbing, as a binary max-heap on their next step's claim. */
  private _heap = new Int32Array(0);

  /** Makes room for `count` portraits, keeping nothing (the caller refills every plan). */
  ensureCapacity(count: number): void {
    if (count <= this.target.length) return;
    const capacity = Math.max(count, this.target.length * 2);
    this.claims = new Float64Array(capacity);
    this.floors = new Int32Array(capacity);
    this.costs = new Float64Array(capacity * MAX_LADDER_LEVELS);
    this.target = new Int32Array(capacity);
    this._heap = new Int32Array(capacity);
  }

  /** Fills `target[0..count)` and `load` for the first `count` positions within `budgetMs`. */
  plan(count: number): void {
    const budgetMs = this.budgetMs;
    const { floors, costs, target } = this;
    const heap = this._heap;
    let load = 0;
    let size = 0;
    for (let k = 0; k < count; k++) {
      target[k] = floors[k];
      load += costs[k * MAX_LADDER_LEVELS + floors[k]];
      if (floors[k] > 0) heap[size++] = k;
    }
    for (let i = (size >> 1) - 1; i >= 0; i--) this._siftDown(i, size);
    while (size > 0) {
      const best = heap[0];
      const at = best * MAX_LADDER_LEVELS + target[best];
      const step = costs[at - 1] - costs[at];
      if (load + step <= budgetMs) {
        load += step;
        target[best]--;
        if (target[best] > 0) {
          this._siftDown(0, size); // its claim fell by one step
          continue;
        }
      }
      heap[0] = heap[--size]; // at the top, or the step does not fit: it climbs no further
      this._siftDown(0, size);
    }
    this.load = load;
  }

  /** True when position a's next step comes before b's: larger claim left, then the earlier position. */
  private _before(a: number, b: number): boolean {
    const ca = this.claims[a] - (this.floors[a] - this.target[a]);
    const cb = this.claims[b] - (this.floors[b] - this.target[b]);
    return ca > cb || (ca === cb && a < b);
  }

  private _siftDown(i: number, size: number): void {
    const heap = this._heap;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) return;
      const right = left + 1;
      const child = right < size && this._before(heap[right], heap[left]) ? right : left;
      if (!this._before(heap[child], heap[i])) return;
      const swap = heap[i];
      heap[i] = heap[child];
      heap[child] = swap;
      i = child;
    }
  }
}
