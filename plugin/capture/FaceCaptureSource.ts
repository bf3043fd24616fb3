// A player's face as a motion source: detections in (from any thread of frames), solved and
// smoothed with One Euro filters; when the face is lost it says so and eases back to idle.
import { CallbackList } from '../core/CallbackList';
import { FaceControls } from '../core/FaceControls';
import { smoothstep } from '../core/mathUtils';
import { OneEuroFilter } from '../core/OneEuroFilter';
import { POSE_CHANNELS, POSE_HEAD_CHANNELS, readPose, writePose } from './capturePose';
import type { FaceDetection } from './FaceDetection';
import { LANDMARK_SOLVED_WEIGHTS, LandmarkSolver } from './LandmarkSolver';
import { resolveCaptureOptions, type FaceCaptureSourceOptions, type ResolvedCaptureOptions } from './faceCaptureOptions';

export type { FaceCaptureSourceOptions } from './faceCaptureOptions';

/** Where the capture stands: no face seen yet, a face being followed, or the face lost. */
export type FaceCaptureState = 'waiting' | 'tracking' | 'lost';

/** What onTrackingLost and onTrackingFound report. */
export interface FaceCaptureEvent {
  readonly source: FaceCaptureSource;
  /** The host's time (sample's clock) at which the change was noticed. */
  readonly timeMs: number;
}

/** Channels 3..5 are the head's x, y and z. */
const HEAD_POSITION_FIRST = 3;
/** Long enough to look left, right, up and down once, at a relaxed pace. */
export const DEFAULT_TURN_CALIBRATION_MS = 4000;

/**
 * A MotionSource driven by a face tracker: feed it detections with pushDetection (the video loop
 * does, once per camera frame) and sample it in the frame like any source. It drives head turns
 * and the solved weights; the first frames (and those after calibrate()) make the neutral face.
 * When no face has arrived for `lostAfterMs` of the host's clock, onTrackingLost fires and the
 * face eases to neutral while `channels` fade to 0, so the layers below (idle life) take over;
 * onTrackingFound fires and it eases back when a face returns. sample() allocates nothing.
 */
export class FaceCaptureSource {
  /** How much this source drives each motion channel (head, then weights); fades with tracking. */
  readonly channels = new Float32Array(POSE_CHANNELS);
  /** Fires when the face has been missing for lostAfterMs. */
  readonly onTrackingLost = new CallbackList<FaceCaptureEvent>();
  /** Fires when a face arrives first, or again after being lost. */
  readonly onTrackingFound = new CallbackList<FaceCaptureEvent>();
  /** The solver, to mirror or calibrate by hand. */
  readonly solver: LandmarkSolver;

  private readonly _options: ResolvedCaptureOptions;
  private readonly _driven = new Float32Array(POSE_CHANNELS);
  private readonly _filters: OneEuroFilter[] = [];
  private readonly _solved = new FaceControls();
  private readonly _raw = new Float64Array(POSE_CHANNELS);
  private readonly _live = new Float64Array(POSE_CHANNELS);
  private readonly _from = new Float64Array(POSE_CHANNELS);
  private readonly _output = new Float64Array(POSE_CHANNELS);
  private _fromEnvelope = 0;
  private _envelope = 0;
  private _state: FaceCaptureState = 'waiting';
  private _fresh = false;
  private _lastFaceMs = 0;
  private _switchMs = 0;
  private _easing = false;
  private _calibrationLeft: number;
  private _calibrationStarting = true;
  /** Turn calibration: ms left to learn for (NaN: not started by a frame yet), 0 when off. */
  private _turnCalibrationMs = 0;
  private _turnCalibrationEndMs = Number.NaN;

  constructor(options: FaceCaptureSourceOptions = {}) {
    this._options = resolveCaptureOptions(options);
    this.solver = new LandmarkSolver({ mirror: this._options.mirror });
    this._calibrationLeft = this._options.calibrationFrames;
    for (let c = 0; c < HEAD_POSITION_FIRST; c++) this._driven[c] = 1;
    if (this._options.followHeadPosition) for (let c = HEAD_POSITION_FIRST; c < POSE_HEAD_CHANNELS; c++) this._driven[c] = 1;
    for (const i of LANDMARK_SOLVED_WEIGHTS) this._driven[POSE_HEAD_CHANNELS + i] = 1;
    const { minCutoff, beta } = this._options;
    for (let c = 0; c < POSE_CHANNELS; c++) this._filters.push(new OneEuroFilter({ minCutoff, beta }));
  }

  /** 'waiting' before the first face, then 'tracking' or 'lost'. */
  get state(): FaceCaptureState {
    return this._state;
  }

  /** True while the next detections are being averaged into the neutral face. */
  get calibrating(): boolean {
    return this._calibrationLeft > 0;
  }

  /** Takes the neutral face afresh from the next `calibrationFrames` detections: ask the player to look ahead, relaxed. */
  calibrate(): void {
    this._calibrationLeft = this._options.calibrationFrames;
    this._calibrationStarting = true;
  }

  /** True while frames are teaching the solver how the turned face reads (calibrateTurns). */
  get calibratingTurns(): boolean {
    return this._turnCalibrationMs > 0;
  }

  /**
   * For the next `durationMs` of camera frames (after any neutral calibration still running),
   * every frame turned 5° or more teaches the solver how this face reads when turned
   * (LandmarkSolver.addTurnSample), so that turning does not read as a smile or raised brows.
   * Ask the player to keep a relaxed face and look left, right, up and down. Forgets what an
   * earlier turn calibration taught; calibrate() forgets it too, as it is measured against the neutral.
   */
  calibrateTurns(durationMs = DEFAULT_TURN_CALIBRATION_MS): void {
    if (!(durationMs > 0 && Number.isFinite(durationMs))) {
      throw new RangeError(`FaceCaptureSource.calibrateTurns: durationMs must be a positive number of milliseconds, got ${durationMs}.`);
    }
    this.solver.clearTurnSamples();
    this._turnCalibrationMs = durationMs;
    this._turnCalibrationEndMs = Number.NaN;
  }

  /**
   * One camera frame's result: a detection, or null when the frame held no face. `frameTimeMs`
   * is the frame's own time (increasing; it paces the smoothing). Solving and smoothing happen
   * here, at the camera's rate, not in the render loop.
   */
  pushDetection(detection: FaceDetection | null, frameTimeMs: number): void {
    if (!Number.isFinite(frameTimeMs)) throw new RangeError(`FaceCaptureSource.pushDetection: frameTimeMs must be a finite number, got ${frameTimeMs}.`);
    if (detection === null) return;
    if (this._calibrationLeft > 0) {
      if (this._calibrationStarting) this.solver.clearNeutral();
      this._calibrationStarting = false;
      this.solver.addNeutralSample(detection);
      this._calibrationLeft--;
    } else if (this._turnCalibrationMs > 0) {
      if (Number.isNaN(this._turnCalibrationEndMs)) this._turnCalibrationEndMs = frameTimeMs + this._turnCalibrationMs;
      if (frameTimeMs <= this._turnCalibrationEndMs) this.solver.addTurnSample(detection);
      else this._turnCalibrationMs = 0;
    }
    this.solver.solve(detection, this._solved);
    readPose(this._solved, this._raw);
    for (let c = 0; c < POSE_CHANNELS; c++) {
      if (this._driven[c] > 0) this._live[c] = this._filters[c].filter(this._raw[c], frameTimeMs);
    }
    this._fresh = true;
  }

  /** Writes the tracked (or easing) pose into the driven channels of `out`. Allocates nothing. */
  sample(timeMs: number, out: FaceControls): void {
    if (this._fresh) {
      this._fresh = false;
      this._lastFaceMs = timeMs;
      if (this._state !== 'tracking') this.switchTo('tracking', timeMs);
    } else if (this._state === 'tracking' && timeMs - this._lastFaceMs > this._options.lostAfterMs) {
      this.switchTo('lost', timeMs);
    }
    const tracking = this._state === 'tracking';
    const progress = this._easing ? smoothstep(0, this._options.easeMs, timeMs - this._switchMs) : 1;
    if (progress >= 1) this._easing = false;
    const targetEnvelope = tracking ? 1 : 0;
    this._envelope = this._fromEnvelope + (targetEnvelope - this._fromEnvelope) * progress;
    const output = this._output;
    for (let c = 0; c < POSE_CHANNELS; c++) {
      const target = tracking ? this._live[c] : 0;
      output[c] = this._from[c] + (target - this._from[c]) * progress;
      this.channels[c] = this._driven[c] * this._envelope;
    }
    writePose(output, this._driven, out);
  }

  /** Forgets the face: back to 'waiting', neutral and filters reset, the neutral face taken afresh. */
  reset(): void {
    this._state = 'waiting';
    this._fresh = this._easing = false;
    this._live.fill(0);
    this._output.fill(0);
    this._from.fill(0);
    this._envelope = this._fromEnvelope = 0;
    this.channels.fill(0);
    for (const filter of this._filters) filter.reset();
    this.calibrate();
  }

  private switchTo(state: FaceCaptureState, timeMs: number): void {
    this._from.set(this._output);
    this._fromEnvelope = this._envelope;
    this._switchMs = timeMs;
    this._easing = this._options.easeMs > 0;
    this._state = state;
    if (state === 'lost') {
      // A face that comes back starts its smoothing afresh instead of gliding from where it left.
      for (const filter of this._filters) filter.reset();
      this.onTrackingLost.notify({ source: this, timeMs });
    } else {
      this.onTrackingFound.notify({ source: this, timeMs });
    }
  }
}
