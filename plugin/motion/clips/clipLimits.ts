// Limits every motion clip keeps, and the checks that name the first broken one (shared by the class and both readers).
import { MOTION_CHANNEL_COUNT } from '../MotionSource';
import { MOTION_CHANNEL_NAMES } from '../motionChannels';
import { motionChannelLimit, motionChannelMinimum } from './clipChannels';

/** Slowest frame rate, in Hz: below this a clip cannot follow speech. */
export const MIN_CLIP_FRAME_RATE = 1;
/** Fastest frame rate, in Hz: above any display or tracker rate. */
export const MAX_CLIP_FRAME_RATE = 240;
/**
 * Most frames in one clip: two hours at 30 Hz. With all 58 channels that is 50 MB of Float32Array, so a
 * hostile file can never make a reader allocate more than that.
 */
export const MAX_CLIP_FRAMES = 216_000;
/** Longest name or source description, in UTF-16 code units (at most 3 UTF-8 bytes each). */
export const MAX_CLIP_TEXT_LENGTH = 256;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a frame rate, or undefined. */
export function frameRateProblem(frameRate: unknown): string | undefined {
  if (typeof frameRate !== 'number') return `the frame rate must be a number, got ${typeof frameRate}`;
  if (!(frameRate >= MIN_CLIP_FRAME_RATE && frameRate <= MAX_CLIP_FRAME_RATE)) {
    return `the frame rate ${frameRate} Hz is outside ${MIN_CLIP_FRAME_RATE}..${MAX_CLIP_FRAME_RATE} Hz`;
  }
  return undefined;
}

/** What is wrong with a frame count, or undefined. */
export function frameCountProblem(frameCount: unknown): string | undefined {
  if (typeof frameCount !== 'number') return `the frame count must be a number, got ${typeof frameCount}`;
  if (!(Number.isInteger(frameCount) && frameCount >= 1 && frameCount <= MAX_CLIP_FRAMES)) {
    return `the frame count ${frameCount} is not a whole number in 1..${MAX_CLIP_FRAMES}`;
  }
  return undefined;
}

/** What is wrong with a name or source text, or undefined. */
export function textProblem(text: unknown, what: string): string | undefined {
  if (typeof text !== 'string') return `the ${what} must be a string, got ${text === null ? 'null' : typeof text}`;
  if (text.length > MAX_CLIP_TEXT_LENGTH) return `the ${what} is ${text.length} characters long, more than ${MAX_CLIP_TEXT_LENGTH}`;
  if (LONE_SURROGATE.test(text)) return `the ${what} contains a lone UTF-16 surrogate`;
  return undefined;
}

/** True when `value` is finite and inside the channel's range (float32-rounded bounds, as clips store values). */
export function isValidChannelValue(channel: number, value: number): boolean {
  return value >= Math.fround(motionChannelMinimum(channel)) && value <= Math.fround(motionChannelLimit(channel));
}

/** Names a value that breaks its channel's range, e.g. "frame 3, channel jawOpen: 1.5 is outside 0..1". */
export function channelValueProblem(frame: number, channel: number, value: number): string {
  return `frame ${frame}, channel ${MOTION_CHANNEL_NAMES[channel]}: ${value} is outside ` +
    `${motionChannelMinimum(channel)}..${motionChannelLimit(channel)}`;
}

/** What is wrong with a channel list (strictly ascending indices 0..57, at least one), or undefined. */
export function channelListProblem(channels: ArrayLike<number>): string | undefined {
  if (channels.length === 0) return 'the clip has no channels';
  let previous = -1;
  for (let i = 0; i < channels.length; i++) {
    const channel = channels[i];
    if (!(Number.isInteger(channel) && channel > previous && channel < MOTION_CHANNEL_COUNT)) {
      return `channel ${String(channel)} at position ${i} is not a motion channel index above ${previous} (indices must ascend, 0..${MOTION_CHANNEL_COUNT - 1})`;
    }
    previous = channel;
  }
  return undefined;
}

/** First value in frame-major `data` that is NaN or outside its channel's range, described, or undefined. */
export function dataProblem(channels: ArrayLike<number>, data: Float32Array): string | undefined {
  const channelCount = channels.length;
  for (let i = 0; i < data.length; i++) {
    const channel = channels[i % channelCount];
    if (!isValidChannelValue(channel, data[i])) return channelValueProblem(Math.floor(i / channelCount), channel, data[i]);
  }
  return undefined;
}
