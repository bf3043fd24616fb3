// Records FaceControls captured at any times into a MotionClip at a fixed frame rate, interpolating between captures.
import type { FaceControlsLike } from '../../core/FaceControls';
import { notFiniteError } from '../../core/validation';
import { MOTION_CHANNEL_COUNT } from '../MotionSource';
import { MOTION_CHANNEL_NAMES, readChannel, type MotionChannelName } from '../motionChannels';
import { ChunkedFrameBuffer } from './ChunkedFrameBuffer';
import { motionChannelLimit, motionChannelMinimum, resolveMotionChannels } from './clipChannels';
import { frameRateProblem, MAX_CLIP_FRAMES, textProblem } from './clipLimits';
import { MotionClip } from './MotionClip';

/** Default frame rate: the rate most trackers and displays deliver. */
const DEFAULT_FRAME_RATE = 30;
/** Default longest take: ten minutes, 18,001 frames at 30 Hz (4.2 MB with every channel). */
const DEFAULT_MAX_DURATION_MS = 10 * 60 * 1000;
/** Default frames per chunk: about 8.5 s at 30 Hz, 59 KB with every channel. */
const DEFAULT_CHUNK_FRAMES = 256;
const ALL_CHANNELS: readonly number[] = Array.from({ length: MOTION_CHANNEL_COUNT }, (_, i) => i);

/** How a MotionClipRecorder records. */
export interface MotionClipRecorderOptions {
  /** Frames per second of the clip, whatever the capture rate. Default 30. */
  frameRate?: number;
  /** Channels to record, by name or index (see MOTION_CHANNEL_NAMES). Default: all 58. */
  channels?: readonly (MotionChannelName | number)[];
  /** Longest take; frames past it are dropped and `isFull` turns true. Default 10 minutes; at most MAX_CLIP_FRAMES frames. */
  maxDurationMs?: number;
  /** Frames per storage chunk; a capture allocates only when a chunk fills. Default 256. */
  chunkFrames?: number;
  /** Name given to recorded clips. Default ''. */
  name?: string;
  /** Source description given to recorded clips (e.g. "webcam take 3"). Default: none. */
  source?: string;
}

/**
 * Call `capture(timeMs, controls)` whenever the host has a pose (every frame, every tracker result);
 * frame k of the clip lies at the first capture's time + k / frameRate and is interpolated linearly
 * between the captures around it. `stop()` returns the clip and starts a new take. Capturing allocates
 * nothing except a new chunk every `chunkFrames` frames; chunks are reused by the next take.
 */
export class MotionClipRecorder {
  /** Frames per second of the recorded clip. */
  readonly frameRate: number;
  /** Recorded channel indices, ascending. */
  readonly channelIndices: Uint8Array;
  /** Most frames one take keeps. */
  readonly maxFrames: number;
  private readonly name: string;
  private readonly source: string | undefined;
  private readonly frames: ChunkedFrameBuffer;
  private previous: Float32Array;
  private current: Float32Array;
  private previousTimeMs = 0;
  private startTimeMs = 0;
  private captured = false;

  constructor(options: MotionClipRecorderOptions = {}) {
    this.frameRate = options.frameRate ?? DEFAULT_FRAME_RATE;
    const rateProblem = frameRateProblem(this.frameRate);
    if (rateProblem !== undefined) throw new RangeError(`MotionClipRecorder: ${rateProblem}; pass frameRate in Hz, e.g. 30.`);
    this.channelIndices = resolveMotionChannels(options.channels ?? ALL_CHANNELS, 'MotionClipRecorder: channels');
    const maxDurationMs = options.maxDurationMs ?? DEFAULT_MAX_DURATION_MS;
    if (!(maxDurationMs >= 0)) throw new RangeError(`MotionClipRecorder: maxDurationMs must be a number ≥ 0, got ${maxDurationMs}.`);
    this.maxFrames = Math.floor((maxDurationMs * this.frameRate) / 1000) + 1;
    if (this.maxFrames > MAX_CLIP_FRAMES) {
      throw new RangeError(`MotionClipRecorder: maxDurationMs ${maxDurationMs} at ${this.frameRate} Hz is more than the ${MAX_CLIP_FRAMES} frames a clip may hold; record shorter takes.`);
    }
    const chunkFrames = options.chunkFrames ?? DEFAULT_CHUNK_FRAMES;
    if (!(Number.isInteger(chunkFrames) && chunkFrames >= 1)) {
      throw new RangeError(`MotionClipRecorder: chunkFrames must be a whole number ≥ 1, got ${chunkFrames}.`);
    }
    this.name = options.name ?? '';
    this.source = options.source;
    const problem = textProblem(this.name, 'name') ?? (this.source === undefined ? undefined : textProblem(this.source, 'source'));
    if (problem !== undefined) throw new RangeError(`MotionClipRecorder: ${problem}.`);
    const channelCount = this.channelIndices.length;
    this.frames = new ChunkedFrameBuffer(channelCount, chunkFrames);
    this.previous = new Float32Array(channelCount);
    this.current = new Float32Array(channelCount);
  }

  /** Frames recorded in this take. */
  get frameCount(): number {
    return this.frames.frameCount;
  }

  /** True once the take holds `maxFrames` frames; later captures are ignored until stop() or clear(). */
  get isFull(): boolean {
    return this.frames.frameCount >= this.maxFrames;
  }

  /**
   * Records the pose `controls` had at `timeMs` (host clock, never decreasing): emits every frame due
   * up to `timeMs`, interpolated from the previous capture. Values are clamped to their channel's range;
   * NaN, ±Infinity or a time going back throw RangeError.
   */
  capture(timeMs: number, controls: FaceControlsLike): void {
    if (!Number.isFinite(timeMs)) throw notFiniteError(timeMs, 'MotionClipRecorder.capture: timeMs');
    if (this.captured && timeMs < this.previousTimeMs) {
      throw new RangeError(`MotionClipRecorder.capture: timeMs ${timeMs} is before the previous capture at ${this.previousTimeMs}; pass the host's clock, which never goes back.`);
    }
    this.read(controls, this.current);
    if (!this.captured) {
      this.captured = true;
      this.startTimeMs = timeMs;
      this.emit(this.current, this.current, 0);
    } else {
      const spanMs = timeMs - this.previousTimeMs;
      for (let due = this.frameTimeMs(this.frames.frameCount); due <= timeMs && !this.isFull; due = this.frameTimeMs(this.frames.frameCount)) {
        this.emit(this.previous, this.current, (due - this.previousTimeMs) / spanMs);
      }
    }
    const swap = this.previous;
    this.previous = this.current;
    this.current = swap;
    this.previousTimeMs = timeMs;
  }

  /** Ends the take: returns its clip (frames up to the last capture) and starts an empty take. RangeError if nothing was captured. */
  stop(): MotionClip {
    if (!this.captured) throw new RangeError('MotionClipRecorder.stop: nothing was captured; call capture(timeMs, controls) at least once first.');
    const clip = new MotionClip({
      frameRate: this.frameRate, channels: this.channelIndices, data: this.frames.toArray(), name: this.name, source: this.source,
    });
    this.clear();
    return clip;
  }

  /** Discards the take, keeping the storage for the next. */
  clear(): void {
    this.frames.clear();
    this.captured = false;
  }

  /** Time of frame `index` on the host clock; computed from the start, so it never drifts. */
  private frameTimeMs(index: number): number {
    return this.startTimeMs + (index * 1000) / this.frameRate;
  }

  private emit(from: Float32Array, to: Float32Array, t: number): void {
    const chunk = this.frames.pushFrame();
    const offset = this.frames.writeOffset;
    for (let k = 0; k < from.length; k++) chunk[offset + k] = from[k] + (to[k] - from[k]) * t;
  }

  /** Copies the recorded channels of `controls`, clamped, into `into`; throws for a non-finite one. */
  private read(controls: FaceControlsLike, into: Float32Array): void {
    const channels = this.channelIndices;
    for (let k = 0; k < channels.length; k++) {
      const channel = channels[k];
      const value = readChannel(controls, channel);
      if (!Number.isFinite(value)) throw notFiniteError(value, `MotionClipRecorder.capture: ${MOTION_CHANNEL_NAMES[channel]}`);
      const min = motionChannelMinimum(channel);
      const max = motionChannelLimit(channel);
      into[k] = value < min ? min : value > max ? max : value;
    }
  }
}
