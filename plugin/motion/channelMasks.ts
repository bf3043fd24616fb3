// Channel masks by name (which of the 58 channels a layer drives or holds off) and the preset name groups.
import { ARKIT_BLENDSHAPE_NAMES } from '../core/arkitBlendshapes';
import { notFiniteError } from '../core/validation';
import { HEAD_CHANNEL_NAMES, MOTION_CHANNEL_NAMES, motionChannelIndex, type MotionChannelName } from './motionChannels';
import { MOTION_CHANNEL_COUNT } from './MotionSource';

const blendshapesStartingWith = (...prefixes: string[]): readonly MotionChannelName[] =>
  Object.freeze(ARKIT_BLENDSHAPE_NAMES.filter((name) => prefixes.some((prefix) => name.startsWith(prefix))));

/** Head rotation and translation: yaw, pitch, roll, x, y, z. */
export const HEAD_CHANNELS: readonly MotionChannelName[] = HEAD_CHANNEL_NAMES;
/** Everything around the eyes: blinks, gaze, squint and wide (14 weights). */
export const EYE_CHANNELS = blendshapesStartingWith('eye');
/** eyeBlinkLeft and eyeBlinkRight. */
export const BLINK_CHANNELS = blendshapesStartingWith('eyeBlink');
/** The eight eyeLook* weights. */
export const GAZE_CHANNELS = blendshapesStartingWith('eyeLook');
/** Jaw, lips, cheek puff and tongue: what speech drives. */
export const MOUTH_CHANNELS = blendshapesStartingWith('jaw', 'mouth', 'cheekPuff', 'tongue');
/** The five brow weights. */
export const BROW_CHANNELS = blendshapesStartingWith('brow');
/** All 58 channels. */
export const ALL_CHANNELS: readonly MotionChannelName[] = MOTION_CHANNEL_NAMES;

/** Channels named either as a list of names or as a MOTION_CHANNEL_COUNT-long mask of 0..1 values. */
export type ChannelSelection = readonly MotionChannelName[] | Float32Array;

/**
 * A new MOTION_CHANNEL_COUNT-long mask with `value` (default 1) at the named channels and 0 elsewhere,
 * e.g. `channelMask([...MOUTH_CHANNELS, 'yaw'])`. Unknown names throw a RangeError naming the closest.
 */
export function channelMask(names: readonly MotionChannelName[], value = 1): Float32Array {
  return writeMask(new Float32Array(MOTION_CHANNEL_COUNT), names, value, 'channelMask');
}

/** A new mask with 1 everywhere except at the named channels (e.g. everything but the mouth). */
export function channelMaskExcept(names: readonly MotionChannelName[]): Float32Array {
  const mask = new Float32Array(MOTION_CHANNEL_COUNT).fill(1);
  return writeMask(mask, names, 0, 'channelMaskExcept');
}

/**
 * Copies `selection` into `into` (a list of names becomes 1 at those channels, 0 elsewhere; a mask is
 * copied after checking its length and range). `what` names the caller in error messages.
 */
export function resolveChannelSelection(selection: ChannelSelection, into: Float32Array, what: string): Float32Array {
  if (selection instanceof Float32Array) {
    if (selection.length !== MOTION_CHANNEL_COUNT) {
      throw new RangeError(`${what}: a channel mask has ${MOTION_CHANNEL_COUNT} entries, got ${selection.length}; build one with channelMask().`);
    }
    for (let i = 0; i < MOTION_CHANNEL_COUNT; i++) {
      if (!(selection[i] >= 0 && selection[i] <= 1)) checkMaskValue(selection[i], `${what}[${MOTION_CHANNEL_NAMES[i]}]`);
    }
    into.set(selection);
    return into;
  }
  if (!Array.isArray(selection)) {
    throw new TypeError(`${what}: expected a list of channel names or a Float32Array mask, got ${typeof selection}.`);
  }
  into.fill(0);
  return writeMask(into, selection, 1, what);
}

function writeMask(mask: Float32Array, names: readonly MotionChannelName[], value: number, what: string): Float32Array {
  checkMaskValue(value, `${what}: value`);
  for (const name of names) mask[motionChannelIndex(name)] = value;
  return mask;
}

function checkMaskValue(value: number, what: string): void {
  if (!Number.isFinite(value)) throw notFiniteError(value, what);
  if (value < 0 || value > 1) throw new RangeError(`${what} must lie in [0, 1], got ${value}.`);
}
