// Idle eye movements: a seeded, replayable sequence of fixations joined by saccades, as offsets from the gaze target.
import { clamp } from '../core/mathUtils';
import { SeededRandom } from '../core/SeededRandom';
import { GazeShift } from './GazeShift';
import { EPOCH_MS, epochSeed, logNormalWithMean } from './motionCurves';
import { IDLE_SACCADE_MAX_MS, SACCADE_MIN_MS, saccadeDurationMs } from './saccadeDuration';

/** Resolved fixation parameters (see GazeSourceOptions for meanings and defaults); angles in radians. */
export interface FixationTiming {
  seed: number;
  fixationMeanMs: number;
  fixationMinMs: number;
  fixationMaxMs: number;
  wander: number;
  glanceChance: number;
  returnChance: number;
  maxOffsetYaw: number;
  maxOffsetPitch: number;
}

/** Log-space spread of fixation durations: most last 0.4-1.2 s. */
const FIXATION_SPREAD = 0.5;
/** Share of the current offset a wandering fixation keeps: the eyes drift back toward the target. */
const WANDER_KEEP = 0.5;
/** A return lands this close to the target, as a share of `wander`. */
const RETURN_SCATTER = 0.15;
/** A glance away is this many times the wander. */
const GLANCE_SCALE = 3;
/** Vertical movements are smaller than horizontal ones by this factor. */
const VERTICAL_SHARE = 0.6;

/**
 * Where the eyes rest relative to their target, over time. Each epoch (EPOCH_MS) starts with the eyes on
 * target and ends with a return to it, so the sequence is a pure function of (timing, t) and any time is
 * reached by replaying at most one epoch. `sampleAt(t)` sets `x` (yaw) and `y` (pitch) in radians.
 */
export class FixationSchedule {
  /** Offset at the last sampleAt(), radians. */
  x = 0;
  y = 0;
  /** The saccade under way, or the fixation it landed on. */
  private readonly shift = new GazeShift();
  private nextSaccadeMs = 0;
  private epoch = NaN;
  private readonly random = new SeededRandom(0);

  constructor(private readonly timing: Readonly<FixationTiming>) {}

  /** Sets `x`, `y` to the offset at `timeMs` (finite). */
  sampleAt(timeMs: number): void {
    const epoch = Math.floor(timeMs / EPOCH_MS);
    if (epoch !== this.epoch || timeMs < this.shift.startedAtMs) this.startEpoch(epoch);
    while (timeMs >= this.nextSaccadeMs) this.drawSaccade(this.nextSaccadeMs);
    this.shift.sampleAt(timeMs);
    this.x = this.shift.x;
    this.y = this.shift.y;
  }

  private startEpoch(epoch: number): void {
    this.epoch = epoch;
    this.random.reseed(epochSeed(this.timing.seed, epoch));
    this.shift.restAt(0, 0);
    this.nextSaccadeMs = epoch * EPOCH_MS;
  }

  private drawSaccade(at: number): void {
    const { timing, random, shift } = this;
    const epochEndMs = (this.epoch + 1) * EPOCH_MS;
    const remainingMs = epochEndMs - at;
    // Each saccade starts where the last one landed: a fixation always outlasts its saccade.
    const fromX = shift.targetX;
    const fromY = shift.targetY;
    if (remainingMs <= timing.fixationMaxMs + SACCADE_MIN_MS) {
      // Last fixation of the epoch: back on target until the next epoch starts there.
      shift.shiftTo(0, 0, at, saccadeDurationMs(length(fromX, fromY), IDLE_SACCADE_MAX_MS));
      this.nextSaccadeMs = epochEndMs;
      return;
    }
    const pick = random.next();
    const scatter = pick < timing.returnChance ? RETURN_SCATTER : pick < timing.returnChance + timing.glanceChance ? GLANCE_SCALE : 1;
    const keep = scatter === 1 ? WANDER_KEEP : 0;
    const toX = clamp(fromX * keep + random.gaussian(0, timing.wander * scatter), -timing.maxOffsetYaw, timing.maxOffsetYaw);
    const toY = clamp(fromY * keep + random.gaussian(0, timing.wander * scatter * VERTICAL_SHARE), -timing.maxOffsetPitch, timing.maxOffsetPitch);
    const saccadeMs = saccadeDurationMs(length(toX - fromX, toY - fromY), IDLE_SACCADE_MAX_MS);
    shift.shiftTo(toX, toY, at, saccadeMs);
    const drawn = clamp(logNormalWithMean(random, timing.fixationMeanMs, FIXATION_SPREAD), timing.fixationMinMs, timing.fixationMaxMs);
    // Leave room for one more whole fixation before the epoch's last one.
    const latest = remainingMs - saccadeMs - IDLE_SACCADE_MAX_MS - timing.fixationMinMs;
    this.nextSaccadeMs = at + saccadeMs + Math.min(drawn, latest);
  }
}

function length(x: number, y: number): number {
  return Math.sqrt(x * x + y * y);
}
