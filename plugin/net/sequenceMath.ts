// Wrap-aware arithmetic on the uint32 sequence numbers and millisecond times of motion frames.

/** 2^32: sequence numbers and frame times are kept modulo this. */
export const UINT32_RANGE = 0x1_0000_0000;
/** Half the uint32 range: a difference beyond it is read as the other way round the wrap. */
const HALF_UINT32_RANGE = 0x8000_0000;

/**
 * The sequence number after `sequence`: 0xFFFFFFFF is followed by 0. At 30 frames/s a stream wraps
 * after 4.5 years; comparisons stay right across the wrap as long as two frames compared are less
 * than 2^31 frames apart.
 */
export function nextSequence(sequence: number): number {
  return (sequence + 1) >>> 0;
}

/**
 * How far `b` is after `a`, both uint32 sequence numbers, across the wrap: in [−2^31, 2^31).
 * Positive when `b` is newer, 0 when equal, negative when older.
 */
export function sequenceDelta(a: number, b: number): number {
  return (b - a) | 0;
}

/** True when uint32 sequence `b` comes after `a`, across the wrap. */
export function isSequenceNewer(a: number, b: number): boolean {
  return sequenceDelta(a, b) > 0;
}

/**
 * How many milliseconds `b` is after `a`, both frame times modulo 2^32 ms (49.7 days), across the
 * wrap: in [−2^31, 2^31) ms. Works with fractional times too.
 */
export function wrappedTimeDeltaMs(a: number, b: number): number {
  let delta = (b - a) % UINT32_RANGE;
  if (delta >= HALF_UINT32_RANGE) delta -= UINT32_RANGE;
  else if (delta < -HALF_UINT32_RANGE) delta += UINT32_RANGE;
  return delta;
}
