// Motion channels by name, range and FaceControls accessor: the 6 head channels, then the 52 ARKit weights.
import { ARKIT_BLENDSHAPE_NAMES, type BlendshapeName } from '../../core/arkitBlendshapes';
import { closestName } from '../../core/closestName';
import { HEAD_ROTATION_LIMITS, HEAD_TRANSLATION_LIMIT, type FaceControls, type FaceControlsLike, type HeadChannel } from '../../core/FaceControls';
import { HEAD_CHANNEL_COUNT, MOTION_CHANNEL_COUNT } from '../MotionSource';

/** A motion channel's name: a head channel or an ARKit blendshape. */
export type MotionChannelName = HeadChannel | BlendshapeName;

/** Head channels in MotionSource order. */
const HEAD_CHANNEL_NAMES: readonly HeadChannel[] = ['yaw', 'pitch', 'roll', 'x', 'y', 'z'];

/** The 58 channel names in MotionSource order (head, then ARKit weights): index i names `channels[i]`. */
export const MOTION_CHANNEL_NAMES: readonly MotionChannelName[] = [...HEAD_CHANNEL_NAMES, ...ARKIT_BLENDSHAPE_NAMES];

const INDEX_BY_NAME = new Map<string, number>(MOTION_CHANNEL_NAMES.map((name, index) => [name, index]));

/** Largest magnitude of each head channel in float64, as FaceControls clamps it. */
const HEAD_LIMITS: readonly number[] = [
  HEAD_ROTATION_LIMITS.yaw, HEAD_ROTATION_LIMITS.pitch, HEAD_ROTATION_LIMITS.roll,
  HEAD_TRANSLATION_LIMIT, HEAD_TRANSLATION_LIMIT, HEAD_TRANSLATION_LIMIT,
];

/** Index of a channel name in MOTION_CHANNEL_NAMES, or -1 when it names none. */
export function motionChannelIndex(name: string): number {
  return INDEX_BY_NAME.get(name) ?? -1;
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

/** Reads one channel of `controls` (no checks: callers check finiteness). */
export function readMotionChannel(controls: FaceControlsLike, index: number): number {
  switch (index) {
    case 0: return controls.yaw;
    case 1: return controls.pitch;
    case 2: return controls.roll;
    case 3: return controls.x;
    case 4: return controls.y;
    case 5: return controls.z;
    default: return controls.weights[index - HEAD_CHANNEL_COUNT];
  }
}

/** Writes one channel of `out`; head channels go through the clamping setters, weights are clamped to [0, 1]. */
export function writeMotionChannel(out: FaceControls, index: number, value: number): void {
  switch (index) {
    case 0: out.yaw = value; return;
    case 1: out.pitch = value; return;
    case 2: out.roll = value; return;
    case 3: out.x = value; return;
    case 4: out.y = value; return;
    case 5: out.z = value; return;
    default: out.weights[index - HEAD_CHANNEL_COUNT] = value < 0 ? 0 : value > 1 ? 1 : value;
  }
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
    const index = typeof channel === 'string' ? motionChannelIndex(channel) : channel;
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
