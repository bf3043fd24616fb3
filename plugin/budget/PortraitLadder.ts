// One portrait's quality levels, best first: each step halves either its render size or its update rate.
import { RENDER_SIZES } from './renderLevels';

/**
 * The levels a portrait can take, from level 0 (its max size, its best rate) to its floor (the floor
 * size, the floor rate). Steps alternate, size first: 1024@1, 512@1, 512@2, 256@2, 256@4, 128@4, 128@8;
 * once either runs out the other continues alone. A size step saves about three quarters of an update's
 * cost and a rate step half, so the ladder's cost falls at every step.
 */
export class PortraitLadder {
  /** Render sizes in pixels, largest first: the max size, then the standard sizes below it down to the floor size. */
  readonly sizes: readonly number[];
  /** Number of levels; the last one is the floor. */
  readonly levelCount: number;
  private readonly _sizeAt: Int32Array;
  private readonly _sizeIndexAt: Int32Array;
  private readonly _rateAt: Int32Array;

  /** `floorSize` is one of RENDER_SIZES; rates are powers of two (checked by the caller). */
  constructor(maxSize: number, floorSize: number, bestRate: number, floorRate: number) {
    const lowest = floorSize < maxSize ? floorSize : maxSize;
    const sizes = [maxSize];
    for (const size of RENDER_SIZES) if (size < maxSize && size >= lowest) sizes.push(size);
    this.sizes = sizes;
    const sizeSteps = sizes.length - 1;
    const rateSteps = floorRate > bestRate ? Math.log2(floorRate / bestRate) : 0;
    this.levelCount = sizeSteps + rateSteps + 1;
    this._sizeAt = new Int32Array(this.levelCount);
    this._sizeIndexAt = new Int32Array(this.levelCount);
    this._rateAt = new Int32Array(this.levelCount);
    for (let level = 0; level < this.levelCount; level++) {
      let sizeStep = Math.min(sizeSteps, (level + 1) >> 1);
      let rateStep = level - sizeStep;
      if (rateStep > rateSteps) {
        rateStep = rateSteps;
        sizeStep = level - rateSteps;
      }
      this._sizeAt[level] = sizes[sizeStep];
      this._sizeIndexAt[level] = sizeStep;
      this._rateAt[level] = bestRate << rateStep;
    }
  }

  /** The floor level (the last). */
  get floorLevel(): number {
    return this.levelCount - 1;
  }

  /** Render size in pixels at `level`. */
  sizeAt(level: number): number {
    return this._sizeAt[level];
  }

  /** Index in `sizes` of the render size at `level`. */
  sizeIndexAt(level: number): number {
    return this._sizeIndexAt[level];
  }

  /** Update interval in frames at `level` (1 = every frame). */
  rateAt(level: number): number {
    return this._rateAt[level];
  }
}
