// Deterministic motion clips and helpers shared by the clip tests.
import { ClipFormatError } from '../../../../plugin/core/errors';
import { SeededRandom } from '../../../../plugin/core/SeededRandom';
import { motionChannelLimit, motionChannelMinimum } from '../../../../plugin/motion/clips/clipChannels';
import { MotionClip } from '../../../../plugin/motion/clips/MotionClip';

/** A typical speaking clip's channels: the whole head and 14 mouth, jaw, eye and brow weights (20 in all). */
export const TYPICAL_CHANNELS: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 13, 23, 24, 25, 29, 30, 31, 38, 39, 44, 47, 48, 49];

/** A clip whose channels wander smoothly and randomly over their whole range (ends included). */
export function makeClip(seed: number, channels: readonly number[], frameCount: number, frameRate = 30, name = 'take'): MotionClip {
  const random = new SeededRandom(seed);
  const data = new Float32Array(frameCount * channels.length);
  channels.forEach((channel, k) => {
    const min = Math.fround(motionChannelMinimum(channel));
    const max = Math.fround(motionChannelLimit(channel));
    let value = random.range(min, max);
    for (let f = 0; f < frameCount; f++) {
      value = Math.min(max, Math.max(min, value + random.gaussian(0, (max - min) * 0.1)));
      data[f * channels.length + k] = value;
    }
  });
  return new MotionClip({ frameRate, channels, data, name, source: 'test fixture' });
}

/** The error `run` throws (fails when it throws nothing). */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, but nothing was thrown');
}

/** Runs `run` and returns 'ok' when it returns, 'clip-error' for a ClipFormatError; anything else is rethrown. */
export function outcome(run: () => unknown): 'ok' | 'clip-error' {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof ClipFormatError) return 'clip-error';
    throw error;
  }
}
