// How long a saccade takes for its size: the "main sequence" of eye movements, clamped.
import { RAD_TO_DEG } from '../core/mathUtils';

/** Main sequence, duration ≈ 21 ms + 2.2 ms per degree (Carpenter, Movements of the Eyes, 1988). */
const MAIN_SEQUENCE_BASE_MS = 21;
const MAIN_SEQUENCE_MS_PER_DEG = 2.2;
/** Shortest saccade shown, ms: tiny corrections still take about this long. */
export const SACCADE_MIN_MS = 30;
/** Longest idle saccade, ms: idle saccades are small. */
export const IDLE_SACCADE_MAX_MS = 60;
/** Longest look-at saccade, ms: a 35° jump takes about this long. */
export const LOOK_SACCADE_MAX_MS = 100;

/** Duration in ms of a saccade of `amplitudeRad`, between SACCADE_MIN_MS and `maxMs`. */
export function saccadeDurationMs(amplitudeRad: number, maxMs: number): number {
  const ms = MAIN_SEQUENCE_BASE_MS + MAIN_SEQUENCE_MS_PER_DEG * Math.abs(amplitudeRad) * RAD_TO_DEG;
  return ms < SACCADE_MIN_MS ? SACCADE_MIN_MS : ms > maxMs ? maxMs : ms;
}
