// A token bucket: a sustained rate with a burst allowance, on a clock the caller passes in.

/**
 * Holds up to `capacity` tokens and gains `ratePerSecond` per second. `take(n, nowMs)` spends n tokens if
 * it has them. Starts full. Times are ms on any clock that never goes back (a clock going back refills nothing).
 */
export class TokenBucket {
  private tokens: number;
  private lastMs: number;

  constructor(readonly ratePerSecond: number, readonly capacity: number, nowMs: number) {
    if (!(Number.isFinite(ratePerSecond) && ratePerSecond >= 0)) throw new RangeError(`TokenBucket: ratePerSecond must be a finite number ≥ 0, got ${ratePerSecond}.`);
    if (!(Number.isFinite(capacity) && capacity > 0)) throw new RangeError(`TokenBucket: capacity must be a finite number > 0, got ${capacity}.`);
    if (!Number.isFinite(nowMs)) throw new RangeError(`TokenBucket: nowMs must be a finite time in ms, got ${nowMs}.`);
    this.tokens = capacity;
    this.lastMs = nowMs;
  }

  /** Tokens available at the last take or refill. */
  get available(): number { return this.tokens; }

  /** Spends `amount` tokens and returns true, or spends nothing and returns false when fewer are left. */
  take(amount: number, nowMs: number): boolean {
    this.refill(nowMs);
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }

  private refill(nowMs: number): void {
    const elapsedMs = nowMs - this.lastMs;
    if (!(elapsedMs > 0)) return;
    this.lastMs = nowMs;
    this.tokens = Math.min(this.capacity, this.tokens + (elapsedMs * this.ratePerSecond) / 1000);
  }
}
