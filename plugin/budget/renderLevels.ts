// The render sizes and update rates a scheduled portrait steps through, and the checks on them.

/** Standard render sizes in pixels (square), largest first: each step down draws a quarter of the pixels. */
export const RENDER_SIZES: readonly number[] = [1024, 512, 256, 128];
/** Smallest render size a portrait can have (TalkingPortrait's own minimum). */
export const MIN_RENDER_SIZE = 128;
/** Largest render size a portrait can have (TalkingPortrait's own maximum). */
export const MAX_RENDER_SIZE = 1024;
/**
 * Longest update interval in frames. Every rate is a power of two up to this, so one stagger cycle of
 * this many frames holds every portrait's update pattern exactly.
 */
export const MAX_UPDATE_RATE = 64;
/** Most sizes one portrait's ladder can hold: its own max size plus the standard sizes below it. */
export const MAX_LADDER_SIZES = RENDER_SIZES.length + 1;
/** Most levels one ladder can hold: size steps (MAX_LADDER_SIZES - 1) + rate steps (log2 MAX_UPDATE_RATE) + 1. */
export const MAX_LADDER_LEVELS = MAX_LADDER_SIZES - 1 + Math.log2(MAX_UPDATE_RATE) + 1;

/** True for 1, 2, 4, 8, … */
export function isPowerOfTwo(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && (value & (value - 1)) === 0;
}

/** Throws a RangeError naming `what` unless `value` is a power of two from 1 to MAX_UPDATE_RATE. */
export function checkUpdateRate(value: number, what: string): number {
  if (!isPowerOfTwo(value) || value > MAX_UPDATE_RATE) {
    throw new RangeError(`${what} must be a power of two from 1 to ${MAX_UPDATE_RATE} (update every Nth frame), got ${value}.`);
  }
  return value;
}

/** Throws a RangeError naming `what` unless `value` is a whole number of pixels in MIN_RENDER_SIZE..MAX_RENDER_SIZE. */
export function checkRenderSize(value: number, what: string): number {
  if (!Number.isInteger(value) || value < MIN_RENDER_SIZE || value > MAX_RENDER_SIZE) {
    throw new RangeError(`${what} must be a whole number of pixels from ${MIN_RENDER_SIZE} to ${MAX_RENDER_SIZE}, got ${value}.`);
  }
  return value;
}
