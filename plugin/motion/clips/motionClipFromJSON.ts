// Reads a motion clip from JSON (text or parsed data), refusing anything malformed with a ClipFormatError.
import { closestName } from '../../core/closestName';
import { ClipFormatError } from '../../core/errors';
import { MOTION_CHANNEL_NAMES } from '../motionChannels';
import { findMotionChannel, motionChannelLimit, motionChannelMinimum } from './clipChannels';
import { channelValueProblem, frameCountProblem, frameRateProblem, textProblem } from './clipLimits';
import { MotionClip } from './MotionClip';
import { MOTION_CLIP_JSON_FORMAT, MOTION_CLIP_JSON_VERSION } from './motionClipToJSON';

const KNOWN_KEYS: readonly string[] = ['format', 'version', 'name', 'source', 'frameRate', 'frameCount', 'tracks'];

/**
 * The clip in `json`: a MotionClipJSON object or its JSON text. Missing or unknown fields, wrong types,
 * unknown channel names, tracks of the wrong length, non-numbers and out-of-range values throw
 * ClipFormatError (and nothing else) saying what and where.
 */
export function motionClipFromJSON(json: unknown): MotionClip {
  const root = plainObject(typeof json === 'string' ? parse(json) : json, 'the clip');
  for (const key of Object.keys(root)) {
    if (!KNOWN_KEYS.includes(key)) throw new ClipFormatError(`unknown field "${key}"; did you mean "${closestName(key, KNOWN_KEYS)}"?`);
  }
  const format = required(root, 'format');
  if (format !== MOTION_CLIP_JSON_FORMAT) throw new ClipFormatError(`the format is ${quote(format)}, not "${MOTION_CLIP_JSON_FORMAT}"`);
  const version = required(root, 'version');
  if (version !== MOTION_CLIP_JSON_VERSION) {
    throw new ClipFormatError(`the version is ${quote(version)}; this plugin reads version ${MOTION_CLIP_JSON_VERSION} only`);
  }
  const name = root.name ?? '';
  const source = root.source;
  const frameRate = required(root, 'frameRate');
  const frameCount = required(root, 'frameCount');
  const problem = textProblem(name, 'name') ?? (source === undefined ? undefined : textProblem(source, 'source description')) ??
    frameRateProblem(frameRate) ?? frameCountProblem(frameCount);
  if (problem !== undefined) throw new ClipFormatError(problem);

  const tracks = plainObject(required(root, 'tracks'), 'tracks');
  const channels = trackChannels(tracks);
  const count = frameCount as number;
  for (const channel of channels) checkTrack(tracks[MOTION_CHANNEL_NAMES[channel]], channel, count);
  const data = new Float32Array(count * channels.length);
  for (let k = 0; k < channels.length; k++) {
    const values = tracks[MOTION_CHANNEL_NAMES[channels[k]]] as number[];
    for (let f = 0; f < count; f++) data[f * channels.length + k] = values[f];
  }
  return new MotionClip({ frameRate: frameRate as number, channels, data, name: name as string, source: source as string | undefined });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ClipFormatError(`the text is not JSON (${(error as Error).message})`, { cause: error });
  }
}

/** Present channel indices, ascending; refuses unknown names and an empty track list. */
function trackChannels(tracks: Record<string, unknown>): Uint8Array {
  const indices: number[] = [];
  for (const key of Object.keys(tracks)) {
    const index = findMotionChannel(key);
    if (index < 0) throw new ClipFormatError(`unknown channel "${key}" in tracks; did you mean "${closestName(key, MOTION_CHANNEL_NAMES)}"?`);
    indices.push(index);
  }
  if (indices.length === 0) throw new ClipFormatError('tracks is empty: the clip drives no channel');
  return Uint8Array.from(indices.sort((a, b) => a - b));
}

function checkTrack(track: unknown, channel: number, frameCount: number): void {
  const name = MOTION_CHANNEL_NAMES[channel];
  if (!Array.isArray(track)) throw new ClipFormatError(`tracks.${name} must be an array of numbers, got ${kind(track)}`);
  if (track.length !== frameCount) throw new ClipFormatError(`tracks.${name} has ${track.length} values, but frameCount is ${frameCount}`);
  const min = motionChannelMinimum(channel);
  const max = motionChannelLimit(channel);
  for (let f = 0; f < frameCount; f++) {
    const value: unknown = track[f];
    if (typeof value !== 'number') throw new ClipFormatError(`tracks.${name}[${f}] must be a number, got ${kind(value)}`);
    if (!(value >= min && value <= max)) throw new ClipFormatError(channelValueProblem(f, channel, value));
  }
}

function required(object: Record<string, unknown>, key: string): unknown {
  const value = object[key];
  if (value === undefined) throw new ClipFormatError(`the field "${key}" is missing`);
  return value;
}

function plainObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ClipFormatError(`${what} must be an object like motionClipToJSON returns, got ${kind(value)}`);
  }
  return value as Record<string, unknown>;
}

/** A short, safe description of any value for a message. */
function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  return typeof value;
}

/** A value quoted for a message, long strings cut short; never throws (symbols, objects). */
function quote(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return kind(value);
}
