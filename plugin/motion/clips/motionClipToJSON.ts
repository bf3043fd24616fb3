// A MotionClip as plain JSON for people: channel names with one array of values per channel.
import { MOTION_CHANNEL_NAMES, type MotionChannelName } from '../motionChannels';
import { motionChannelLimit, motionChannelMinimum } from './clipChannels';
import type { MotionClip } from './MotionClip';

/** The `format` field of every motion clip JSON document. */
export const MOTION_CLIP_JSON_FORMAT = 'talking-portraits/motion-clip';
/** The JSON layout version motionClipFromJSON reads. */
export const MOTION_CLIP_JSON_VERSION = 1;
/** Decimals written per value: a millionth is far below anything visible, and keeps the text short. */
const JSON_DECIMALS = 1e6;

/**
 * A motion clip as plain data. `tracks` maps each present channel name to `frameCount` values (head
 * channels in radians / face heights, weights in [0, 1]); frame f lies at f / frameRate seconds.
 */
export interface MotionClipJSON {
  format: typeof MOTION_CLIP_JSON_FORMAT;
  version: typeof MOTION_CLIP_JSON_VERSION;
  name: string;
  source?: string;
  frameRate: number;
  frameCount: number;
  tracks: { [K in MotionChannelName]?: number[] };
}

/** The clip as JSON-ready plain data (values to 6 decimals, never outside their channel's range); motionClipFromJSON reads it back. */
export function motionClipToJSON(clip: MotionClip): MotionClipJSON {
  const tracks: { [K in MotionChannelName]?: number[] } = {};
  const { channelIndices, data, frameCount } = clip;
  const channelCount = channelIndices.length;
  for (let k = 0; k < channelCount; k++) {
    const channel = channelIndices[k];
    const values = new Array<number>(frameCount);
    for (let f = 0; f < frameCount; f++) values[f] = roundWithin(data[f * channelCount + k], channel);
    tracks[MOTION_CHANNEL_NAMES[channel]] = values;
  }
  const json: MotionClipJSON = {
    format: MOTION_CLIP_JSON_FORMAT,
    version: MOTION_CLIP_JSON_VERSION,
    name: clip.name,
    frameRate: clip.frameRate,
    frameCount,
    tracks,
  };
  if (clip.source !== undefined) json.source = clip.source;
  return json;
}

/** `value` to 6 decimals, rounded toward zero instead where rounding would step past the channel's limit. */
function roundWithin(value: number, channel: number): number {
  const rounded = Math.round(value * JSON_DECIMALS) / JSON_DECIMALS;
  if (rounded <= motionChannelLimit(channel) && rounded >= motionChannelMinimum(channel)) return rounded + 0; // + 0 turns −0 into 0
  return Math.trunc(value * JSON_DECIMALS) / JSON_DECIMALS;
}
