// Writes a clip's pose at any time into FaceControls, interpolating linearly between the two nearest frames.
import type { FaceControls } from '../../core/FaceControls';
import { writeChannel } from '../motionChannels';
import type { MotionClip } from './MotionClip';

/**
 * Writes the clip's channels at `timeMs` (clip time, from its first frame) into `out`; other channels
 * are left alone. Times are clamped to the clip; with `loop` the time wraps every `loopPeriodMs` and the
 * last frame eases back into the first. Allocates nothing.
 */
export function sampleMotionClip(clip: MotionClip, timeMs: number, loop: boolean, out: FaceControls): void {
  const lastFrame = clip.frameCount - 1;
  let position = (timeMs * clip.frameRate) / 1000;
  if (loop) {
    position %= clip.frameCount;
    if (position < 0) position += clip.frameCount;
  } else {
    position = position < 0 ? 0 : position > lastFrame ? lastFrame : position;
  }
  const frame = Math.floor(position);
  const t = position - frame;
  const next = frame >= lastFrame ? (loop ? 0 : lastFrame) : frame + 1;
  const { channelIndices, data } = clip;
  const channelCount = channelIndices.length;
  const from = frame * channelCount;
  const to = next * channelCount;
  for (let k = 0; k < channelCount; k++) {
    const a = data[from + k];
    writeChannel(out, channelIndices[k], a + (data[to + k] - a) * t);
  }
}
