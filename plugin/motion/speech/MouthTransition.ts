// Eases the mouth from whatever it last showed into a new target (a new line, a re-timed line, or closed).
import { smoothstep } from '../../core/mathUtils';
import { SPEECH_CHANNEL_COUNT } from './visemeShapes';

/**
 * Remembers the last mouth written and, after `begin`, blends from that snapshot into whatever
 * comes next over `durationMs` with a smoothstep, so a change of target never jumps.
 * Preallocated; apply and begin allocate nothing.
 */
export class MouthTransition {
  private readonly from = new Float32Array(SPEECH_CHANNEL_COUNT);
  private readonly last = new Float32Array(SPEECH_CHANNEL_COUNT);
  private startMs = -Infinity;

  constructor(private readonly durationMs: number) {}

  /** Starts easing from the last applied mouth at `timeMs`. */
  begin(timeMs: number): void {
    this.from.set(this.last);
    this.startMs = timeMs;
  }

  /** True until the easing that began last has finished. */
  isEasing(timeMs: number): boolean {
    return timeMs < this.startMs + this.durationMs;
  }

  /** Blends `mouth` (the target at `timeMs`) in place with the snapshot, and remembers the result. */
  apply(timeMs: number, mouth: Float32Array): void {
    const ease = this.durationMs > 0 ? smoothstep(this.startMs, this.startMs + this.durationMs, timeMs) : 1;
    if (ease < 1) {
      for (let c = 0; c < SPEECH_CHANNEL_COUNT; c++) mouth[c] = this.from[c] + (mouth[c] - this.from[c]) * ease;
    }
    this.last.set(mouth);
  }
}
