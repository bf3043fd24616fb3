// Eases the output pose between the stream and neutral when the jitter buffer's aim switches, so the face never jumps.
import type { FaceControls } from '../core/FaceControls';
import { smoothstep } from '../core/mathUtils';
import { mixPoses, POSE_CHANNEL_COUNT, writePose } from './poseVector';

/** Offsets of the three poses in `work`. */
const TARGET = 0;
const FROM = POSE_CHANNEL_COUNT;
const OUTPUT = 2 * POSE_CHANNEL_COUNT;

/**
 * Holds a target pose (written by the owner each frame) and the output pose. When the aim switches between
 * the stream and neutral, the output eases from where it was to the new target over `durationMs` (smoothstep);
 * otherwise it equals the target. Allocates nothing after construction.
 */
export class PoseEase {
  private readonly work = new Float64Array(3 * POSE_CHANNEL_COUNT);
  /** Where the owner writes the stream's pose (POSE_CHANNEL_COUNT numbers) before update(…, true). A view made once. */
  readonly target = this.work.subarray(TARGET, TARGET + POSE_CHANNEL_COUNT);
  private aimingLive = false;
  private easing = false;
  private startMs = 0;

  /** `durationMs` ≥ 0, checked by the owner; 0 switches at once. */
  constructor(private readonly durationMs: number) {}

  /** Computes the output at `nowMs`, aiming at the target (`live`) or at neutral (the target is then zeroed). */
  update(nowMs: number, live: boolean): void {
    const work = this.work;
    if (live !== this.aimingLive) {
      this.aimingLive = live;
      work.copyWithin(FROM, OUTPUT, OUTPUT + POSE_CHANNEL_COUNT);
      this.startMs = nowMs;
      this.easing = this.durationMs > 0;
    }
    if (!live) this.target.fill(0);
    if (!this.easing) {
      work.copyWithin(OUTPUT, TARGET, TARGET + POSE_CHANNEL_COUNT);
      return;
    }
    const progress = smoothstep(0, this.durationMs, nowMs - this.startMs);
    mixPoses(work, FROM, TARGET, progress, work, OUTPUT);
    if (progress >= 1) this.easing = false;
  }

  /** Writes the output pose into every channel of `out`. */
  write(out: FaceControls): void {
    writePose(this.work, OUTPUT, out);
  }

  /** Neutral at once, no ease running. */
  reset(): void {
    this.work.fill(0);
    this.aimingLive = false;
    this.easing = false;
  }
}
