// Records a player's motion clip for the relay test: IdleMotion (breathing, blinks, gaze, expression) under one seed, at 30 frames/s.
import { FaceControls } from '../../../plugin/core/FaceControls';
import { IdleMotion } from '../../../plugin/motion/IdleMotion';
import type { MotionClip } from '../../../plugin/motion/clips/MotionClip';
import { MotionClipRecorder } from '../../../plugin/motion/clips/MotionClipRecorder';

/** Records `durationMs` of idle motion with `seed` into a clip at `frameRate`, capturing once per clip frame. */
export function recordIdleClip(seed: number, durationMs: number, frameRate: number): MotionClip {
  const idle = new IdleMotion({ seed });
  const recorder = new MotionClipRecorder({ frameRate, name: `idle seed ${seed}`, source: 'relay integration test' });
  const controls = new FaceControls();
  const frames = Math.round((durationMs * frameRate) / 1000);
  for (let frame = 0; frame <= frames; frame++) {
    const timeMs = (frame * 1000) / frameRate;
    idle.sample(timeMs, controls);
    recorder.capture(timeMs, controls);
  }
  return recorder.stop();
}
