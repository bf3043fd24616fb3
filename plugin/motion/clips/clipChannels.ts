// What clips add to the mixer's channel vocabulary (../motionChannels): channel ranges, a non-throwing name lookup, channel lists.
import { closestName } from '../../core/closestName';
import { HEAD_ROTATION_LIMITS, HEAD_TRANSLATION_LIMIT } from '../../core/FaceControls';
import { MOTION_CHANNEL_NAMES, type MotionChannelName } from '../motionChannels';
import { HEAD_CHANNEL_COUNT, MOTION_CHANNEL_COUNT } from '../MotionSource';

/** Largest magnitude of each head channel in float64, as FaceControls clamps it. */
const HEAD_LIMITS: readonly number[] = [
  HEAD_ROTATION_LIMITS.yaw, HEAD_ROTATION_LIMITS.pitch, HEAD_ROTATION_LIMITS.roll,
  HEAD_TRANSLATION_LIMIT, HEAD_TRANSLATION_LIMIT, HEAD_TRANSLATION_LIMIT,
];

/**
 * Index of `name` in MOTION_CHANNEL_NAMES, or -1 when it names none: for readers of outside data that
 * report their own error (motionChannelIndex in ../motionChannels throws a RangeError instead).
 */
export function findMotionChannel(name: string): number {
  return (MOTION_CHANNEL_NAMES as readonly string[]).indexOf(name);
}

/** True for yaw, pitch, roll, x, y, z (indices 0..5). */
export function isHeadChannel(index: number): boolean {
  return index < HEAD_CHANNEL_COUNT;
}

/** Largest value a channel may hold: its head limit (the range is ±limit) or 1 for a weight (the range is 0..1). */
export function motionChannelLimit(index: number): number {
  return index < HEAD_CHANNEL_COUNT ? HEAD_LIMITS[index] : 1;
}

/** Smallest value a channel may hold: −limit for the head, 0 for weights. */
export function motionChannelMinimum(index: number): number {
  return index < HEAD_CHANNEL_COUNT ? -HEAD_LIMITS[index] : 0;
}

/**
 * Channels given by name or index as sorted, unique indices. Throws TypeError/RangeError naming `what`
 * for an unknown name, a bad index or an empty list. Allocates: for options, not per frame.
 */
export function resolveMotionChannels(channels: readonly (MotionChannelName | number)[], what: string): Uint8Array {
  if (!Array.isArray(channels)) {
    throw new TypeError(`${what} must be an array of channel names or indices, got ${typeof channels}.`);
  }
  const mask = new Uint8Array(MOTION_CHANNEL_COUNT);
  for (const channel of channels) {
    const index = typeof channel === 'string' ? findMotionChannel(channel) : channel;
    if (typeof channel === 'string' && index < 0) {
      throw new RangeError(`${what}: unknown channel "${channel}"; did you mean "${closestName(channel, MOTION_CHANNEL_NAMES)}"?`);
    }
    if (!(Number.isInteger(index) && index >= 0 && index < MOTION_CHANNEL_COUNT)) {
      throw new RangeError(`${what}: ${String(channel)} is not a channel; use a name from MOTION_CHANNEL_NAMES or an index 0..${MOTION_CHANNEL_COUNT - 1}.`);
    }
    mask[index] = 1;
  }
  const indices: number[] = [];
  for (let i = 0; i < MOTION_CHANNEL_COUNT; i++) if (mask[i] === 1) indices.push(i);
  if (indices.length === 0) throw new RangeError(`${what} is empty; name at least one channel.`);
  return Uint8Array.from(indices);
}
