// The pose of a time-ordered frame queue at one sender time: interpolated between frames, or briefly extrapolated past the newest.
import type { MotionFrameQueue } from './MotionFrameQueue';
import { mixPoses } from './poseVector';

/**
 * A line through the last two frames is followed at most this many frame intervals past the newest:
 * further out the quantization noise of the two frames, multiplied by the ratio, would show.
 */
const MAX_EXTRAPOLATION_RATIO = 3;

/**
 * Writes the pose at sender time `playoutMs` into `out` (POSE_CHANNEL_COUNT numbers) and returns whether it lies within the
 * frames ('playing') or past the newest ('extrapolating', at most `maxExtrapolationMs`, then held).
 * First drops the frames no longer needed: all but the last one at or before `playoutMs` (keeping two).
 * The queue holds at least one frame, and its oldest is at or before `playoutMs`.
 */
export function writePlayoutPose(
  queue: MotionFrameQueue, playoutMs: number, maxExtrapolationMs: number, out: Float64Array,
): 'playing' | 'extrapolating' {
  while (queue.size > 2 && queue.timeAt(1) <= playoutMs) queue.dropOldest();
  const last = queue.size - 1;
  const newest = queue.timeAt(last);
  if (last === 0) {
    mixPoses(queue.poses, queue.poseOffset(0), queue.poseOffset(0), 0, out, 0);
    return playoutMs > newest ? 'extrapolating' : 'playing';
  }
  if (playoutMs <= newest) {
    // Two frames bracket the playout time: with more than two, frame 1 is after it; with two, the newest is.
    const start = queue.timeAt(0);
    mixPoses(queue.poses, queue.poseOffset(0), queue.poseOffset(1), (playoutMs - start) / (queue.timeAt(1) - start), out, 0);
    return 'playing';
  }
  const interval = newest - queue.timeAt(last - 1);
  const ahead = Math.min(playoutMs - newest, maxExtrapolationMs, interval * MAX_EXTRAPOLATION_RATIO);
  mixPoses(queue.poses, queue.poseOffset(last - 1), queue.poseOffset(last), 1 + ahead / interval, out, 0);
  return 'extrapolating';
}
