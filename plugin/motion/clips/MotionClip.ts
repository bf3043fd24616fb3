// A recorded stretch of motion: some channels sampled at a fixed rate, as one Float32Array.
import { MOTION_CHANNEL_COUNT } from '../MotionSource';
import { channelListProblem, dataProblem, frameCountProblem, frameRateProblem, textProblem } from './clipLimits';

/** What a MotionClip is made of. */
export interface MotionClipInit {
  /** Frames per second, MIN_CLIP_FRAME_RATE..MAX_CLIP_FRAME_RATE. */
  frameRate: number;
  /** Motion channel indices present in the clip, strictly ascending (0..5 head, 6..57 weights; see MOTION_CHANNEL_NAMES). */
  channels: ArrayLike<number>;
  /**
   * Frame-major values: frame f, present channel k at `data[f * channels.length + k]`; head channels in
   * radians / face heights within FaceControls' limits, weights in [0, 1]. Kept, not copied.
   */
  data: Float32Array;
  /** A name for people. Default ''. */
  name?: string;
  /** Where the clip came from (a take, a tool, a file), for people. Default: none. */
  source?: string;
}

/**
 * Immutable by convention: frame f lies at time f / frameRate; played once the clip lasts
 * `durationMs` (first to last frame), looped it repeats every `loopPeriodMs` (the last frame eases back
 * into the first). The constructor checks everything (TypeError / RangeError), so a clip is always valid.
 */
export class MotionClip {
  /** Frames per second. */
  readonly frameRate: number;
  /** Number of frames, at least 1. */
  readonly frameCount: number;
  /** Present channel indices, ascending. */
  readonly channelIndices: Uint8Array;
  /** MOTION_CHANNEL_COUNT entries: 1 where the channel is present, else 0. */
  readonly channelMask: Uint8Array;
  /** Frame-major values, `frameCount * channelIndices.length` long. */
  readonly data: Float32Array;
  /** A name for people ('' when none). */
  readonly name: string;
  /** Where the clip came from, if said. */
  readonly source: string | undefined;

  constructor(init: MotionClipInit) {
    if (typeof init !== 'object' || init === null) throw new TypeError(`MotionClip: expected { frameRate, channels, data }, got ${String(init)}.`);
    if (!(init.data instanceof Float32Array)) throw new TypeError('MotionClip: data must be a Float32Array of frame-major values.');
    if (typeof init.channels !== 'object' || init.channels === null || typeof init.channels.length !== 'number') {
      throw new TypeError('MotionClip: channels must be an array of motion channel indices.');
    }
    const name = init.name ?? '';
    const problem = frameRateProblem(init.frameRate) ?? channelListProblem(init.channels) ?? textProblem(name, 'name') ??
      (init.source === undefined ? undefined : textProblem(init.source, 'source description'));
    if (problem !== undefined) throw new RangeError(`MotionClip: ${problem}.`);
    const channelCount = init.channels.length;
    const frameCount = init.data.length / channelCount;
    const countProblem = frameCountProblem(frameCount);
    if (countProblem !== undefined) {
      throw new RangeError(`MotionClip: ${countProblem} (data holds ${init.data.length} values for ${channelCount} channels).`);
    }
    const valueProblem = dataProblem(init.channels, init.data);
    if (valueProblem !== undefined) throw new RangeError(`MotionClip: ${valueProblem}; clamp values to their channel's range.`);
    this.frameRate = init.frameRate;
    this.frameCount = frameCount;
    this.channelIndices = Uint8Array.from(init.channels);
    this.channelMask = new Uint8Array(MOTION_CHANNEL_COUNT);
    for (const channel of this.channelIndices) this.channelMask[channel] = 1;
    this.data = init.data;
    this.name = name;
    this.source = init.source;
  }

  /** Number of present channels. */
  get channelCount(): number {
    return this.channelIndices.length;
  }

  /** Time from the first frame to the last, in ms (0 for a one-frame clip). */
  get durationMs(): number {
    return ((this.frameCount - 1) * 1000) / this.frameRate;
  }

  /** Length of one repetition when looped, in ms: one frame longer than durationMs, for the way back to frame 0. */
  get loopPeriodMs(): number {
    return (this.frameCount * 1000) / this.frameRate;
  }

  /** True when the clip drives motion channel `index`. */
  hasChannel(index: number): boolean {
    return this.channelMask[index] === 1;
  }
}
