// A percentile over the last N samples: a fixed ring buffer plus a sorted copy, nothing allocated per sample.

/**
 * Keeps the last `capacity` samples in a ring and the same samples sorted, so a percentile is one
 * array read. `push` is O(capacity) (a binary search and one shift) and allocates nothing.
 */
export class WindowedPercentile {
  /** How many samples the window holds. */
  readonly capacity: number;
  private readonly _ring: Float64Array;
  private readonly _sorted: Float64Array;
  private _head = 0;
  private _count = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`WindowedPercentile: capacity must be a whole number of samples, 1 or more, got ${capacity}.`);
    }
    this.capacity = capacity;
    this._ring = new Float64Array(capacity);
    this._sorted = new Float64Array(capacity);
  }

  /** Samples held now (at most `capacity`). */
  get count(): number {
    return this._count;
  }

  /** Adds a sample, dropping the oldest once the window is full. The caller checks that it is finite. */
  push(value: number): void {
    const sorted = this._sorted;
    let n = this._count;
    if (n === this.capacity) {
      const oldest = this._ring[this._head];
      const at = lowerBound(sorted, n, oldest);
      sorted.copyWithin(at, at + 1, n);
      n--;
    }
    const at = lowerBound(sorted, n, value);
    sorted.copyWithin(at + 1, at, n);
    sorted[at] = value;
    this._count = n + 1;
    this._ring[this._head] = value;
    this._head = this._head + 1 === this.capacity ? 0 : this._head + 1;
  }

  /** The `fraction` (0..1) percentile by nearest rank, e.g. 0.95 for p95; NaN while empty. */
  percentile(fraction: number): number {
    if (this._count === 0) return NaN;
    const rank = Math.ceil(fraction * this._count);
    return this._sorted[rank < 1 ? 0 : rank > this._count ? this._count - 1 : rank - 1];
  }

  /** Forgets every sample. */
  clear(): void {
    this._head = 0;
    this._count = 0;
  }
}

/** First index in sorted[0..n) whose value is not below `value`. */
function lowerBound(sorted: Float64Array, n: number, value: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
