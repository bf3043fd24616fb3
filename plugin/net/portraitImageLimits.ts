// Limits on a player's portrait image (bytes, pixel sides) and the check both the client and the relay room apply.
import { PortraitImageError } from '../core/errors/PortraitImageError';
import { readImageHeader, type ImageHeader } from './readImageHeader';

/** What a portrait image may be; every field optional. */
export interface PortraitImageLimits {
  /** Largest file, in bytes. Default 512 KiB: a 512×512 PNG portrait is typically 100-400 KB. */
  maxBytes?: number;
  /** Shortest side accepted, in pixels. Default 64: smaller holds too little of a face to rig. */
  minSide?: number;
  /** Longest side accepted, in pixels. Default 2048: portraits are drawn at most this large, and decoding costs memory. */
  maxSide?: number;
}

/** The defaults documented on PortraitImageLimits. */
export const DEFAULT_PORTRAIT_IMAGE_LIMITS: Readonly<Required<PortraitImageLimits>> = {
  maxBytes: 512 * 1024,
  minSide: 64,
  maxSide: 2048,
};

/** Fills in defaults; throws RangeError naming the field for a value that is not a positive integer, or minSide > maxSide. */
export function resolvePortraitImageLimits(limits: PortraitImageLimits = {}): Required<PortraitImageLimits> {
  const resolved = { ...DEFAULT_PORTRAIT_IMAGE_LIMITS };
  for (const key of Object.keys(resolved) as Array<keyof PortraitImageLimits>) {
    const value = limits[key];
    if (value === undefined) continue;
    if (!(Number.isInteger(value) && value > 0)) throw new RangeError(`PortraitImageLimits.${key} must be a positive integer, got ${value}.`);
    resolved[key] = value;
  }
  if (resolved.minSide > resolved.maxSide) throw new RangeError(`PortraitImageLimits: minSide ${resolved.minSide} is above maxSide ${resolved.maxSide}; swap them.`);
  return resolved;
}

/**
 * Returns the image's header when it is a PNG, JPEG or WebP within `limits` (resolved); otherwise throws
 * PortraitImageError saying which limit it breaks.
 */
export function checkPortraitImage(bytes: Uint8Array, limits: Required<PortraitImageLimits>): ImageHeader {
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`checkPortraitImage: bytes must be a Uint8Array, got ${bytes === null ? 'null' : typeof bytes}; pass the image file's bytes.`);
  if (bytes.length > limits.maxBytes) throw new PortraitImageError(`it is ${bytes.length} bytes, more than the limit of ${limits.maxBytes}`);
  const header = readImageHeader(bytes);
  const shortest = Math.min(header.width, header.height);
  const longest = Math.max(header.width, header.height);
  if (shortest < limits.minSide || longest > limits.maxSide) {
    throw new PortraitImageError(`it is ${header.width}×${header.height} pixels; each side must be from ${limits.minSide} to ${limits.maxSide}`);
  }
  return header;
}

/** What a portrait id from the game's set may look like: short, lower-case letters, digits, '-' and '_'. */
export const PORTRAIT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
