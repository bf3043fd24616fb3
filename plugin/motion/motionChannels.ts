// The 58 motion channels by name and index, and reading or writing one channel of FaceControls by index.
import { ARKIT_BLENDSHAPE_NAMES, type BlendshapeName } from '../core/arkitBlendshapes';
import { closestName } from '../core/closestName';
import type { FaceControls, FaceControlsLike, HeadChannel } from '../core/FaceControls';
import { clamp01 } from '../core/mathUtils';
import { HEAD_CHANNEL_COUNT, MOTION_CHANNEL_COUNT } from './MotionSource';

/** A head channel ('yaw' … 'z') or an ARKit blendshape name: anything a channel mask can name. */
export type MotionChannelName = HeadChannel | BlendshapeName;

/** The six head channels in channel order. */
export const HEAD_CHANNEL_NAMES: readonly HeadChannel[] = Object.freeze(['yaw', 'pitch', 'roll', 'x', 'y', 'z']);

/** All MOTION_CHANNEL_COUNT channel names in channel order: head first, then the ARKit weights. */
export const MOTION_CHANNEL_NAMES: readonly MotionChannelName[] = Object.freeze([...HEAD_CHANNEL_NAMES, ...ARKIT_BLENDSHAPE_NAMES]);

/** Channel index of each head channel, for string-free hot code: `channels[HeadChannelIndex.yaw]`. */
export const HeadChannelIndex = { yaw: 0, pitch: 1, roll: 2, x: 3, y: 4, z: 5 } as const satisfies { readonly [K in HeadChannel]: number };

// Module-local copies for per-frame code: some module loaders turn every read of an imported binding into a property access.
const HEAD_COUNT = HEAD_CHANNEL_COUNT;
const CHANNEL_COUNT = MOTION_CHANNEL_COUNT;

const CHANNEL_INDEX: ReadonlyMap<string, number> = new Map(MOTION_CHANNEL_NAMES.map((name, index) => [name, index]));

/** Channel index of a blendshape index (`Blendshape.jawOpen` → its place among the 58 channels). */
export function weightChannel(blendshape: number): number {
  return HEAD_CHANNEL_COUNT + blendshape;
}

/** Index of `name` among the 58 channels; a RangeError naming the closest valid name for anything else. */
export function motionChannelIndex(name: string): number {
  const index = CHANNEL_INDEX.get(name);
  if (index !== undefined) return index;
  throw new RangeError(
    `"${String(name)}" is not a motion channel; did you mean "${closestName(String(name), MOTION_CHANNEL_NAMES)}"? ` +
      'Use a head channel (yaw, pitch, roll, x, y, z) or an ARKit blendshape name.',
  );
}

/** The value of channel `channel` (0..MOTION_CHANNEL_COUNT-1) of `controls`. */
export function readChannel(controls: FaceControlsLike, channel: number): number {
  switch (channel) {
    case 0: return controls.yaw;
    case 1: return controls.pitch;
    case 2: return controls.roll;
    case 3: return controls.x;
    case 4: return controls.y;
    case 5: return controls.z;
    default: return controls.weights[channel - HEAD_COUNT];
  }
}

/** Writes channel `channel` of `controls`: head channels through their clamping setters, weights clamped to [0, 1]. */
export function writeChannel(controls: FaceControls, channel: number, value: number): void {
  switch (channel) {
    case 0: controls.yaw = value; return;
    case 1: controls.pitch = value; return;
    case 2: controls.roll = value; return;
    case 3: controls.x = value; return;
    case 4: controls.y = value; return;
    case 5: controls.z = value; return;
    default:
      if (!(channel >= HEAD_COUNT && channel < CHANNEL_COUNT)) {
        throw new RangeError(`writeChannel: channel ${channel} is not a motion channel index (0..${CHANNEL_COUNT - 1}).`);
      }
      if (!Number.isFinite(value)) controls.setAt(channel - HEAD_COUNT, value); // throws, naming the weight
      controls.weights[channel - HEAD_COUNT] = clamp01(value);
  }
}
