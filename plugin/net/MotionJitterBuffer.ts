// Turns motion frames that arrive late, lost, reordered or twice into smooth face controls, a fixed playout delay behind the sender.
import { FaceControls, type FaceControlsLike } from '../core/FaceControls';
import { notFiniteError } from '../core/validation';
import { ClockOffsetEstimator } from './ClockOffsetEstimator';
import { describeValue } from './describeValue';
import { resolveJitterBufferOptions, type MotionJitterBufferOptions, type ResolvedJitterBufferOptions } from './jitterBufferOptions';
import { MotionFrameQueue } from './MotionFrameQueue';
import { PoseEase } from './PoseEase';
import { checkControls, POSE_CHANNEL_COUNT, storeControls } from './poseVector';
import { UINT32_RANGE, wrappedTimeDeltaMs } from './sequenceMath';
import { writePlayoutPose } from './writePlayoutPose';

/**
 * - `waiting`: no frame yet, or the first frames are still inside the playout delay; the face is neutral.
 * - `playing`: between two received frames, interpolated.
 * - `extrapolating`: past the newest frame, carried on for at most maxExtrapolationMs, then held.
 * - `stale`: no frame for staleAfterMs; the face eases to neutral. The next frame starts a new stream.
 */
export type MotionJitterState = 'waiting' | 'playing' | 'extrapolating' | 'stale';

/**
 * Largest change of the clock offset estimate one observation can ask for, in ms: ordinary jitter stays
 * well inside it, a burst of frames held up by a stall moves the estimate by at most clockSmoothing × this.
 */
const CLOCK_MAX_STEP_MS = 200;

/**
 * The receiving end of a motion stream, and a MotionSource the mixer can layer: `push` each decoded frame
 * when it arrives, `sample` each rendered frame. Plays the stream `playoutDelayMs` behind the newest sender
 * time, mapped onto the local clock by a smoothed offset estimate; interpolates between frames, extrapolates
 * briefly over gaps, drops duplicates and frames too old to matter, and eases the face to neutral when the
 * stream stops (and back when it resumes). Holds `capacity` preallocated frames; push and sample allocate nothing.
 */
export class MotionJitterBuffer {
  /** Every channel driven fully (MOTION_CHANNEL_COUNT ones): the remote face replaces what lies beneath it. */
  readonly channels = new Float32Array(POSE_CHANNEL_COUNT).fill(1);
  private readonly options: ResolvedJitterBufferOptions;
  private readonly queue: MotionFrameQueue;
  private readonly clock: ClockOffsetEstimator;
  private readonly ease: PoseEase;
  private _state: MotionJitterState = 'waiting';
  /** A stream has started: newest times are set and frames are being taken. */
  private streamActive = false;
  /** The stream went stale; the next frame starts a new one. */
  private stale = false;
  /** Playback has begun in this stream: the playout time only moves forward and older frames are late. */
  private playing = false;
  private newestRawTimeMs = 0;
  private newestTimeMs = 0;
  private lastArrivalMs = 0;
  /** A frame arrived before any sample and without a local time: the next sample stamps it. */
  private arrivalPending = false;
  private lastSampleMs = -Infinity;
  private _playoutTimeMs = NaN;
  private _framesAccepted = 0;
  private _duplicatesDropped = 0;
  private _lateDropped = 0;
  private _overflowDropped = 0;

  /** Options are resolved once; out-of-range values throw RangeError naming the option. */
  constructor(options: MotionJitterBufferOptions = {}) {
    this.options = resolveJitterBufferOptions(options);
    this.queue = new MotionFrameQueue(this.options.capacity);
    this.clock = new ClockOffsetEstimator(this.options.clockSmoothing, CLOCK_MAX_STEP_MS);
    this.ease = new PoseEase(this.options.neutralEaseMs);
  }

  /** What the buffer did at the last sample. */
  get state(): MotionJitterState { return this._state; }
  /** Frames held now. */
  get size(): number { return this.queue.size; }
  /** Frames it can hold. */
  get capacity(): number { return this.queue.capacity; }
  /** Sender time (ms, unwrapped) shown at the last sample; NaN before playback starts in a stream. */
  get playoutTimeMs(): number { return this._playoutTimeMs; }
  /** Estimated local time minus sender time (clock offset plus mean network delay), ms; NaN before the first frame. */
  get clockOffsetMs(): number { return this.clock.hasEstimate ? this.clock.offsetMs : NaN; }
  /** Frames taken into the buffer since construction. */
  get framesAccepted(): number { return this._framesAccepted; }
  /** Frames dropped because a frame with the same sequence number or sender time was held. */
  get duplicatesDropped(): number { return this._duplicatesDropped; }
  /** Frames dropped because they were older than every frame still needed. */
  get lateDropped(): number { return this._lateDropped; }
  /** Oldest frames pushed out because the buffer was full. */
  get overflowDropped(): number { return this._overflowDropped; }

  /**
   * Takes one decoded frame and returns whether it was kept. `sequence` is its uint32 sequence number,
   * `timeMs` its sender time (ms, modulo 2^32 as on the wire), `controls` its pose (clamped on copy).
   * `localTimeMs` is when it arrived on the clock that sample() is called with; when omitted, the time of the
   * latest sample() is used (at most one rendered frame early, which the offset smoothing absorbs).
   * Drops (returns false) a duplicate sequence or time, and once playing a frame older than every frame
   * still needed. A restarted sender is picked up once the old stream has gone stale.
   * Throws RangeError (TypeError for a non-number) for a sequence that is not a uint32 or a non-finite value.
   */
  push(sequence: number, timeMs: number, controls: FaceControlsLike, localTimeMs?: number): boolean {
    if (!(Number.isInteger(sequence) && sequence >= 0 && sequence < UINT32_RANGE)) {
      throw new RangeError(`MotionJitterBuffer.push: sequence must be an integer from 0 to 2^32 − 1, got ${sequence}; pass the decoded frame's sequence.`);
    }
    if (!Number.isFinite(timeMs)) throw notFiniteError(timeMs, 'MotionJitterBuffer.push: timeMs');
    if (localTimeMs !== undefined && !Number.isFinite(localTimeMs)) throw notFiniteError(localTimeMs, 'MotionJitterBuffer.push: localTimeMs');
    checkControls(controls, 'MotionJitterBuffer.push: controls');
    if (this.stale) this.forgetStream();
    if (!this.streamActive) {
      this.streamActive = true;
      this.newestRawTimeMs = timeMs;
      this.newestTimeMs = timeMs;
    }
    const time = this.newestTimeMs + wrappedTimeDeltaMs(this.newestRawTimeMs, timeMs);
    const queue = this.queue;
    if (queue.holds(sequence, time)) {
      this._duplicatesDropped++;
      return false;
    }
    const full = queue.size === queue.capacity;
    if (queue.size > 0 && time < queue.timeAt(0) && (this.playing || full)) {
      this._lateDropped++;
      return false;
    }
    if (full) {
      queue.dropOldest();
      this._overflowDropped++;
    }
    storeControls(controls, queue.poses, queue.insert(sequence, time));
    if (time > this.newestTimeMs) {
      this.newestTimeMs = time;
      this.newestRawTimeMs = timeMs;
    }
    const arrivalMs = localTimeMs ?? this.lastSampleMs;
    if (arrivalMs === -Infinity) {
      this.arrivalPending = true;
    } else {
      this.lastArrivalMs = arrivalMs;
      this.clock.observe(time, arrivalMs);
    }
    this._framesAccepted++;
    return true;
  }

  /** Writes every channel of the remote face at local time `timeMs` into `out`. Allocates nothing. */
  sample(timeMs: number, out: FaceControls): void {
    if (!Number.isFinite(timeMs)) throw notFiniteError(timeMs, 'MotionJitterBuffer.sample: timeMs');
    if (!(out instanceof FaceControls)) throw new TypeError(`MotionJitterBuffer.sample: out must be a FaceControls, got ${describeValue(out)}.`);
    this.lastSampleMs = timeMs;
    if (this.arrivalPending) {
      this.arrivalPending = false;
      this.lastArrivalMs = timeMs;
      if (!this.clock.hasEstimate) this.clock.observe(this.newestTimeMs, timeMs);
    }
    this.ease.update(timeMs, this.aimAt(timeMs));
    this.ease.write(out);
  }

  /** Forgets the stream and puts the face back to neutral at once; the counters are kept. */
  reset(): void {
    this.forgetStream();
    this.arrivalPending = false;
    this.ease.reset();
    this._state = 'waiting';
  }

  private forgetStream(): void {
    this.queue.clear();
    this.clock.reset();
    this.stale = false;
    this.streamActive = false;
    this.playing = false;
    this._playoutTimeMs = NaN;
  }

  /** Sets the state and writes the stream's pose into the target; returns false when the face should be neutral. */
  private aimAt(nowMs: number): boolean {
    const queue = this.queue;
    if (this.stale || !this.streamActive || queue.size === 0) {
      this._state = this.stale ? 'stale' : 'waiting';
      return false;
    }
    if (nowMs - this.lastArrivalMs > this.options.staleAfterMs) {
      this.stale = true;
      this._state = 'stale';
      return false;
    }
    let playout = nowMs - this.clock.offsetMs - this.options.playoutDelayMs;
    if (!this.playing) {
      if (playout < queue.timeAt(0)) {
        this._state = 'waiting';
        return false;
      }
      this.playing = true;
    } else if (playout < this._playoutTimeMs) {
      playout = this._playoutTimeMs;
    }
    this._playoutTimeMs = playout;
    this._state = writePlayoutPose(queue, playout, this.options.maxExtrapolationMs, this.ease.target);
    return true;
  }
}
