// Plays a MotionClip as a MotionSource on the host's clock: play, pause, stop, seek, loop, speed, ended callbacks.
import type { FaceControls } from '../../core/FaceControls';
import { notFiniteError } from '../../core/validation';
import { MOTION_CHANNEL_COUNT, type MotionSource } from '../MotionSource';
import { CallbackList } from '../../core/CallbackList';
import { MotionClip } from './MotionClip';
import { sampleMotionClip } from './sampleMotionClip';

/** Where a player is: stopped (drives nothing, at the start), playing, or paused (holds its pose). */
export type MotionClipPlayerState = 'stopped' | 'playing' | 'paused';

/** How a MotionClipPlayer starts. */
export interface MotionClipPlayerOptions {
  /** Repeat forever instead of ending. Default false. */
  loop?: boolean;
  /** Clip milliseconds per host millisecond: 0.5 half speed, 2 double. Default 1. */
  speed?: number;
  /** Start playing at the first sample. Default false. */
  autoPlay?: boolean;
}

/**
 * A MotionSource that plays a clip. Time moves only through `sample(timeMs, out)`: while playing, each
 * sample advances the playhead by the host time since the previous sample × speed (the first sample
 * after play() advances nothing). `channels` is 1 on the clip's channels while playing or paused, 0
 * when stopped. Played to its end without loop, a player writes the last frame, stops and calls
 * `onEnded` once. sample() allocates nothing.
 */
export class MotionClipPlayer implements MotionSource {
  /** 1 on the clip's channels while playing or paused, else 0. */
  readonly channels = new Float32Array(MOTION_CHANNEL_COUNT);
  /** Called with this player once each time it plays to the end (never while looping). */
  readonly onEnded = new CallbackList<MotionClipPlayer>();
  /** Repeat forever instead of ending; may change at any time. */
  loop: boolean;
  private _speed = 1;
  private _state: MotionClipPlayerState = 'stopped';
  private playheadMs = 0;
  private lastTimeMs = 0;
  private hasLastTime = false;

  constructor(readonly clip: MotionClip, options: MotionClipPlayerOptions = {}) {
    if (!(clip instanceof MotionClip)) throw new TypeError('MotionClipPlayer: expected a MotionClip, e.g. from decodeMotionClip().');
    this.loop = options.loop ?? false;
    this.speed = options.speed ?? 1;
    if (options.autoPlay) this.play();
  }

  /** Clip milliseconds per host millisecond, ≥ 0 (0 holds the pose like pause). */
  get speed(): number { return this._speed; }
  set speed(value: number) {
    if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`MotionClipPlayer.speed must be a finite number ≥ 0, got ${value}; use 1 for normal speed.`);
    this._speed = value;
  }

  get state(): MotionClipPlayerState { return this._state; }

  /** The playhead in clip milliseconds. */
  get currentTimeMs(): number { return this.playheadMs; }

  /** Starts or resumes playing from the playhead. */
  play(): void {
    if (this._state === 'playing') return;
    this._state = 'playing';
    this.hasLastTime = false;
    this.setChannels(1);
  }

  /** Holds the current pose; play() resumes from here. */
  pause(): void {
    if (this._state === 'playing') this._state = 'paused';
  }

  /** Stops driving the face and rewinds to the start. */
  stop(): void {
    this._state = 'stopped';
    this.playheadMs = 0;
    this.setChannels(0);
  }

  /** Moves the playhead to `timeMs` of clip time, clamped to the clip (wrapped when looping); keeps the state. */
  seek(timeMs: number): void {
    if (!Number.isFinite(timeMs)) throw notFiniteError(timeMs, 'MotionClipPlayer.seek: timeMs');
    this.playheadMs = this.loop ? wrap(timeMs, this.clip.loopPeriodMs) : Math.min(Math.max(timeMs, 0), this.clip.durationMs);
  }

  /** Advances by the host time since the last sample and writes the clip's channels at the playhead into `out`. */
  sample(timeMs: number, out: FaceControls): void {
    if (!Number.isFinite(timeMs)) throw notFiniteError(timeMs, 'MotionClipPlayer.sample: timeMs');
    if (this.hasLastTime && timeMs < this.lastTimeMs) {
      throw new RangeError(`MotionClipPlayer.sample: timeMs ${timeMs} is before the previous sample at ${this.lastTimeMs}; pass the host's clock, which never goes back.`);
    }
    const elapsedMs = this.hasLastTime ? timeMs - this.lastTimeMs : 0;
    this.lastTimeMs = timeMs;
    this.hasLastTime = true;
    if (this._state === 'stopped') return;
    let ended = false;
    if (this._state === 'playing') {
      this.playheadMs += elapsedMs * this._speed;
      if (this.loop) {
        this.playheadMs = wrap(this.playheadMs, this.clip.loopPeriodMs);
      } else if (this.playheadMs >= this.clip.durationMs) {
        this.playheadMs = this.clip.durationMs;
        ended = true;
      }
    }
    sampleMotionClip(this.clip, this.playheadMs, this.loop, out);
    if (ended) {
      this.stop();
      this.onEnded.notify(this);
    }
  }

  private setChannels(value: number): void {
    const mask = this.clip.channelMask;
    for (let i = 0; i < MOTION_CHANNEL_COUNT; i++) this.channels[i] = mask[i] * value;
  }
}

function wrap(timeMs: number, periodMs: number): number {
  const wrapped = timeMs % periodMs;
  return wrapped < 0 ? wrapped + periodMs : wrapped;
}
