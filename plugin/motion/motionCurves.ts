// Shared by the procedural sources: the minimum-jerk ease, log-normal draws, and per-epoch seeds for replayable sequences.
import type { SeededRandom } from '../core/SeededRandom';

/** Minimum-jerk profile (Flash and Hogan 1985), how eyes and heads move between two points: 0 → 1 as u goes 0 → 1. */
export function minimumJerk(u: number): number {
  const t = u <= 0 ? 0 : u >= 1 ? 1 : u;
  return t * t * t * (t * (t * 6 - 15) + 10);
}

/**
 * A log-normal draw with the given mean and log-space spread `sigma`: positive, right-skewed, like the
 * intervals between blinks and the durations of fixations.
 */
export function logNormalWithMean(random: SeededRandom, mean: number, sigma: number): number {
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  return Math.exp(mu + sigma * random.gaussian());
}

/**
 * Procedural sequences restart every EPOCH_MS from a seed of their own, so any time, however far
 * (a host passing Date.now()), is reached by replaying at most one epoch: bounded work, pure in time.
 */
export const EPOCH_MS = 300_000;
/** Epoch indices wrap after this many (about 20 years of 5-minute epochs) so the mixed seed stays an exact double. */
const EPOCH_WRAP = 2 ** 21;
const UINT32_RANGE = 0x1_0000_0000;

/** The seed for epoch `epoch` of a sequence seeded with `seed`: the seed's low 32 bits, the epoch above them. */
export function epochSeed(seed: number, epoch: number): number {
  const wrapped = ((epoch % EPOCH_WRAP) + EPOCH_WRAP) % EPOCH_WRAP;
  return (Math.trunc(seed) >>> 0) + UINT32_RANGE * wrapped;
}
