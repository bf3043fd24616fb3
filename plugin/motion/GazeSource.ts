// Eyes that live: fixations and saccades around a look-at direction, with the head taking a share of big turns.
import type { FaceControls } from '../core/FaceControls';
import { clamp, DEG_TO_RAD } from '../core/mathUtils';
import { notFiniteError } from '../core/validation';
import { channelMask, GAZE_CHANNELS } from './channelMasks';
import { writeEyeLook } from './eyeLookWeights';
import { FixationSchedule, type FixationTiming } from './FixationSchedule';
import { GazeShift } from './GazeShift';
import { HeadChannelIndex } from './motionChannels';
import type { MotionSource } from './MotionSource';
import { numberOption } from './numberOption';
import { IDLE_SACCADE_MAX_MS, LOOK_SACCADE_MAX_MS, saccadeDurationMs } from './saccadeDuration';

/** Options for GazeSource; every field optional. */
export interface GazeSourceOptions {
  /** Seed of the fixation sequence. Default 1. */
  seed?: number;
  /** Eye turn at which eyeLookIn/Out reach 1, degrees; also the horizontal limit. Default 30. */
  maxEyeYawDeg?: number;
  /** Eye turn at which eyeLookUp/Down reach 1, degrees; also the vertical limit. Default 20. */
  maxEyePitchDeg?: number;
  /** Share of the look-at direction the head takes, 0..1; 0 leaves the head channels alone. Default 0.3. */
  headShare?: number;
  /** Largest head yaw the look-at asks for, degrees. Default 20. */
  maxHeadYawDeg?: number;
  /** Largest head pitch the look-at asks for, degrees. Default 12. */
  maxHeadPitchDeg?: number;
  /** Time the head takes to turn to a new look-at direction, ms. Default 400. */
  headTurnMs?: number;
  /** Mean fixation, ms. Default 800. */
  fixationMeanMs?: number;
  /** Shortest fixation, ms. Default 300. */
  fixationMinMs?: number;
  /** Longest fixation, ms; at least twice the shortest plus 120. Default 2000. */
  fixationMaxMs?: number;
  /** Typical size of idle eye movements, degrees (a spread, not a limit). Default 2.5. */
  wanderDeg?: number;
  /** Share of idle saccades that glance farther away, 0..1. Default 0.08. */
  glanceChance?: number;
  /** Share of idle saccades that return to the look-at target, 0..1. Default 0.35. */
  returnChance?: number;
}

const WHAT = 'GazeSource: options';
/** Look-at changes up to this are followed smoothly (pursuit of a moving target); larger ones are saccades. */
const PURSUIT_THRESHOLD_RAD = 2 * DEG_TO_RAD;
/** Head-target changes up to this are followed smoothly; larger ones start a new head turn. */
const HEAD_PURSUIT_THRESHOLD_RAD = 1 * DEG_TO_RAD;
/** Idle offsets stay within this share of the eye limits, so a glance never pins the eyes to a corner. */
const IDLE_OFFSET_SHARE = 0.5;

/**
 * Gaze as the eight eyeLook* weights (both eyes the same way) and, with `headShare` > 0, head yaw and pitch.
 * Without a look-at the eyes rest on the viewer (straight ahead) with small fixational saccades; with one,
 * they jump to it (a saccade) or follow it (pursuit) and the head turns part of the way. Idle movement is a
 * pure function of (options, time); the look-at transitions depend on when setLookAtDirection was called.
 */
export class GazeSource implements MotionSource {
  /** Drives the eyeLook weights, and yaw and pitch when the head follows. */
  readonly channels: Float32Array;
  private readonly fixations: FixationSchedule;
  private readonly aim = new GazeShift();
  private readonly head = new GazeShift();
  private readonly maxEyeYaw: number;
  private readonly maxEyePitch: number;
  private readonly headShare: number;
  private readonly maxHeadYaw: number;
  private readonly maxHeadPitch: number;
  private readonly headTurnMs: number;
  private lookYaw = 0;
  private lookPitch = 0;
  private hasSampled = false;

  constructor(options: GazeSourceOptions = {}) {
    this.maxEyeYaw = DEG_TO_RAD * numberOption(options.maxEyeYawDeg, 30, `${WHAT}.maxEyeYawDeg`, 1, 60);
    this.maxEyePitch = DEG_TO_RAD * numberOption(options.maxEyePitchDeg, 20, `${WHAT}.maxEyePitchDeg`, 1, 45);
    this.headShare = numberOption(options.headShare, 0.3, `${WHAT}.headShare`, 0, 1);
    this.maxHeadYaw = DEG_TO_RAD * numberOption(options.maxHeadYawDeg, 20, `${WHAT}.maxHeadYawDeg`, 0, 45);
    this.maxHeadPitch = DEG_TO_RAD * numberOption(options.maxHeadPitchDeg, 12, `${WHAT}.maxHeadPitchDeg`, 0, 30);
    this.headTurnMs = numberOption(options.headTurnMs, 400, `${WHAT}.headTurnMs`, 0, 5000);
    const fixationMinMs = numberOption(options.fixationMinMs, 300, `${WHAT}.fixationMinMs`, 50, 5000);
    const fixationMaxMs = numberOption(options.fixationMaxMs, 2000, `${WHAT}.fixationMaxMs`, 2 * fixationMinMs + 2 * IDLE_SACCADE_MAX_MS, 60_000);
    const timing: FixationTiming = {
      seed: numberOption(options.seed, 1, `${WHAT}.seed`),
      fixationMinMs, fixationMaxMs,
      fixationMeanMs: numberOption(options.fixationMeanMs, 800, `${WHAT}.fixationMeanMs`, fixationMinMs, fixationMaxMs),
      wander: DEG_TO_RAD * numberOption(options.wanderDeg, 2.5, `${WHAT}.wanderDeg`, 0, 15),
      glanceChance: numberOption(options.glanceChance, 0.08, `${WHAT}.glanceChance`, 0, 1),
      returnChance: numberOption(options.returnChance, 0.35, `${WHAT}.returnChance`, 0, 1),
      maxOffsetYaw: this.maxEyeYaw * IDLE_OFFSET_SHARE,
      maxOffsetPitch: this.maxEyePitch * IDLE_OFFSET_SHARE,
    };
    if (timing.glanceChance + timing.returnChance > 1) {
      throw new RangeError(`${WHAT}: glanceChance + returnChance must not exceed 1, got ${timing.glanceChance + timing.returnChance}.`);
    }
    this.fixations = new FixationSchedule(Object.freeze(timing));
    this.channels = channelMask(GAZE_CHANNELS);
    if (this.headShare > 0) this.channels[HeadChannelIndex.yaw] = this.channels[HeadChannelIndex.pitch] = 1;
  }

  /**
   * Looks toward a direction in the portrait's own frame, radians: yaw > 0 toward the viewer's right,
   * pitch > 0 up; (0, 0) is straight ahead at the viewer. Compute it from a world point with lookAtAngles().
   * The eyes move from the next sample on (before the first sample they simply start there); may be called every frame.
   */
  setLookAtDirection(yawRad: number, pitchRad: number): void {
    if (!Number.isFinite(yawRad)) throw notFiniteError(yawRad, 'GazeSource.setLookAtDirection: yawRad');
    if (!Number.isFinite(pitchRad)) throw notFiniteError(pitchRad, 'GazeSource.setLookAtDirection: pitchRad');
    this.lookYaw = yawRad;
    this.lookPitch = pitchRad;
  }

  /** Back to looking straight ahead. */
  clearLookAt(): void {
    this.lookYaw = this.lookPitch = 0;
  }

  sample(timeMs: number, out: FaceControls): void {
    if (!Number.isFinite(timeMs)) throw notFiniteError(timeMs, 'GazeSource.sample: timeMs');
    const headYaw = clamp(this.headShare * this.lookYaw, -this.maxHeadYaw, this.maxHeadYaw);
    const headPitch = clamp(this.headShare * this.lookPitch, -this.maxHeadPitch, this.maxHeadPitch);
    if (this.hasSampled) {
      follow(this.aim, this.lookYaw, this.lookPitch, timeMs, PURSUIT_THRESHOLD_RAD, -1);
      follow(this.head, headYaw, headPitch, timeMs, HEAD_PURSUIT_THRESHOLD_RAD, this.headTurnMs);
    } else {
      // The first frame shows the face already looking where it was told to.
      this.aim.retarget(this.lookYaw, this.lookPitch);
      this.head.retarget(headYaw, headPitch);
      this.hasSampled = true;
    }
    this.aim.sampleAt(timeMs);
    this.head.sampleAt(timeMs);
    this.fixations.sampleAt(timeMs);
    // The head carries the eyes: they turn only by what the head does not.
    const eyeYaw = this.aim.x - this.head.x + this.fixations.x;
    const eyePitch = this.aim.y - this.head.y + this.fixations.y;
    writeEyeLook(out.weights, eyeYaw, eyePitch, this.maxEyeYaw, this.maxEyePitch);
    if (this.headShare > 0) {
      out.yaw = this.head.x;
      out.pitch = this.head.y;
    }
  }
}

/** Shifts `shift` to (x, y) when it moved more than `threshold`, else lets it follow. durationMs < 0: a saccade's duration. */
function follow(shift: GazeShift, x: number, y: number, timeMs: number, threshold: number, durationMs: number): void {
  const dx = x - shift.targetX;
  const dy = y - shift.targetY;
  if (dx === 0 && dy === 0) return;
  const distance = Math.sqrt(dx * dx + dy * dy);
  if (distance <= threshold) shift.retarget(x, y);
  else shift.shiftTo(x, y, timeMs, durationMs < 0 ? saccadeDurationMs(distance, LOOK_SACCADE_MAX_MS) : durationMs);
}
