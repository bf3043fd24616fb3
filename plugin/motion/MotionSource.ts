import type { FaceControls } from '../core/FaceControls';

/** Head channels first (yaw, pitch, roll, x, y, z), then the 52 blendshape weights in ARKit order. */
export const HEAD_CHANNEL_COUNT = 6;
export const MOTION_CHANNEL_COUNT = HEAD_CHANNEL_COUNT + 52;

/**
 * Anything that moves a face over time: idle life, blinks, speech, a clip, a webcam, the network.
 * The host advances time; a source never runs its own loop or timer.
 */
export interface MotionSource {
  /**
   * How much this source drives each channel, 0..1, MOTION_CHANNEL_COUNT long (head channels, then weights).
   * The mixer blends a source only into channels with a non-zero entry. May change over time (a speaker
   * that falls silent lets go of the mouth) but is never reallocated.
   */
  readonly channels: Float32Array;
  /**
   * Writes the source's pose at `timeMs` (milliseconds on the host's clock, never decreasing) into `out`.
   * Channels the source does not drive are left as they are. Allocates nothing and awaits nothing.
   */
  sample(timeMs: number, out: FaceControls): void;
  /**
   * Optional inhibition: how strongly this source holds off each channel of the layers below it in a
   * MotionMixer, 0..1, MOTION_CHANNEL_COUNT long (an emotion with closed eyes holds off blinking). The mixer
   * reads it after sample() and scales it by the layer's weight. Like `channels`, never reallocated.
   */
  readonly suppresses?: Float32Array;
}
