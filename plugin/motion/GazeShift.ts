// A 2-D direction that jumps by minimum-jerk shifts (saccades, head turns) and follows small changes directly.
import { minimumJerk } from './motionCurves';

/** A direction (x = yaw, y = pitch, radians) moving between targets; `sampleAt` sets `x` and `y`. */
export class GazeShift {
  /** The direction at the last sampleAt(). */
  x = 0;
  y = 0;
  private fromX = 0;
  private fromY = 0;
  private toX = 0;
  private toY = 0;
  private startMs = -Infinity;
  private durationMs = 0;

  /** The direction this shift is heading to (or rests at). */
  get targetX(): number { return this.toX; }
  get targetY(): number { return this.toY; }

  /** When the current shift started, ms (−Infinity while resting). */
  get startedAtMs(): number { return this.startMs; }

  /** Rests at (x, y) with no shift under way. */
  restAt(x: number, y: number): void {
    this.fromX = this.toX = this.x = x;
    this.fromY = this.toY = this.y = y;
    this.startMs = -Infinity;
    this.durationMs = 0;
  }

  /** Starts a shift at `nowMs` from wherever the direction is then (exactly the target once a shift has landed) to (x, y), lasting `durationMs`. */
  shiftTo(x: number, y: number, nowMs: number, durationMs: number): void {
    if (nowMs - this.startMs >= this.durationMs) {
      this.fromX = this.toX;
      this.fromY = this.toY;
    } else {
      this.sampleAt(nowMs);
      this.fromX = this.x;
      this.fromY = this.y;
    }
    this.toX = x;
    this.toY = y;
    this.startMs = nowMs;
    this.durationMs = durationMs;
  }

  /** Moves the target without a new shift: a running shift lands there, a finished one is there at once (pursuit). */
  retarget(x: number, y: number): void {
    this.toX = x;
    this.toY = y;
  }

  /** Sets `x`, `y` to the direction at `timeMs`. */
  sampleAt(timeMs: number): void {
    const u = this.durationMs > 0 ? (timeMs - this.startMs) / this.durationMs : 1;
    const k = minimumJerk(u);
    this.x = this.fromX + (this.toX - this.fromX) * k;
    this.y = this.fromY + (this.toY - this.fromY) * k;
  }
}
