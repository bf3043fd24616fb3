// When blinks happen: a seeded, replayable sequence of blink episodes (single or double) with their timings.
import { SeededRandom } from '../core/SeededRandom';
import { EPOCH_MS, epochSeed, logNormalWithMean } from './motionCurves';

/** Resolved blink timing parameters (see BlinkSourceOptions for meanings and defaults). */
export interface BlinkTiming {
  seed: number;
  meanIntervalMs: number;
  minIntervalMs: number;
  intervalSpread: number;
  doubleBlinkChance: number;
  closeMs: number;
  holdMs: number;
  openMs: number;
  eyeOffsetMs: number;
}

/** Each blink's close and open times vary by up to this share either way: no two blinks alike. */
const DURATION_JITTER = 0.15;
/** Open time between the two blinks of a double blink, in ms. */
const DOUBLE_GAP_MIN_MS = 60;
const DOUBLE_GAP_MAX_MS = 160;
/** The eyes stay open at least this long after an episode before the next may start, in ms. */
export const MIN_OPEN_BETWEEN_MS = 100;

/**
 * The blink episode in force at some time, generated in order from the seed, one epoch (EPOCH_MS) at a
 * time; an episode that would not finish inside its epoch is dropped. Going back before the current
 * episode, or into another epoch, replays that epoch from its seed, so every field is a pure function of
 * (timing, t) whatever the steps. Allocates nothing after construction.
 */
export class BlinkSchedule {
  /** Onset of the current episode's first blink, ms (−∞ when none yet in this epoch). */
  onset = -Infinity;
  /** Closing and opening times of the first blink, ms. */
  closeMs = 0;
  openMs = 0;
  /** Onset of the second blink of a double blink, or −∞ for a single blink. */
  secondOnset = -Infinity;
  /** Closing and opening times of the second blink, ms. */
  secondCloseMs = 0;
  secondOpenMs = 0;
  /** How much later the right eye blinks than the left, ms (negative: earlier). */
  rightLagMs = 0;
  /** Onset of the next episode, ms (+∞ when none is left in this epoch). */
  nextOnset = 0;
  private readonly random = new SeededRandom(0);
  private epoch = NaN;
  /** The current state holds from this time on. */
  private validFromMs = Infinity;

  constructor(private readonly timing: Readonly<BlinkTiming>) {}

  /** Moves to the episode in force at `timeMs` (finite). */
  advanceTo(timeMs: number): void {
    const epoch = Math.floor(timeMs / EPOCH_MS);
    if (epoch !== this.epoch || timeMs < this.validFromMs) this.startEpoch(epoch);
    while (timeMs >= this.nextOnset) this.drawEpisode(this.nextOnset);
  }

  private startEpoch(epoch: number): void {
    this.epoch = epoch;
    this.validFromMs = epoch * EPOCH_MS;
    this.random.reseed(epochSeed(this.timing.seed, epoch));
    this.onset = this.secondOnset = -Infinity;
    // The first blink falls anywhere in a first interval, so characters with different seeds do not blink together.
    this.nextOnset = this.validFromMs + this.random.range(this.timing.eyeOffsetMs, this.timing.meanIntervalMs);
  }

  private drawEpisode(at: number): void {
    const { timing, random } = this;
    const interval = timing.minIntervalMs + logNormalWithMean(random, timing.meanIntervalMs - timing.minIntervalMs, timing.intervalSpread);
    const closeMs = timing.closeMs * jitter(random);
    const openMs = timing.openMs * jitter(random);
    const rightLagMs = random.range(-timing.eyeOffsetMs, timing.eyeOffsetMs);
    const isDouble = random.next() < timing.doubleBlinkChance;
    const gapMs = random.range(DOUBLE_GAP_MIN_MS, DOUBLE_GAP_MAX_MS);
    const secondCloseMs = timing.closeMs * jitter(random);
    const secondOpenMs = timing.openMs * jitter(random);
    const firstEndMs = at + closeMs + timing.holdMs + openMs;
    const secondOnset = isDouble ? firstEndMs + gapMs : -Infinity;
    const endMs = isDouble ? secondOnset + secondCloseMs + timing.holdMs + secondOpenMs : firstEndMs;
    const clearMs = endMs + Math.abs(rightLagMs) + MIN_OPEN_BETWEEN_MS;
    this.validFromMs = at;
    if (clearMs > (this.epoch + 1) * EPOCH_MS) {
      // Would run into the next epoch, which starts afresh: no more blinks in this one.
      this.onset = this.secondOnset = -Infinity;
      this.nextOnset = Infinity;
      return;
    }
    this.onset = at;
    this.closeMs = closeMs;
    this.openMs = openMs;
    this.rightLagMs = rightLagMs;
    this.secondOnset = secondOnset;
    this.secondCloseMs = secondCloseMs;
    this.secondOpenMs = secondOpenMs;
    this.nextOnset = Math.max(at + interval, clearMs);
  }
}

function jitter(random: SeededRandom): number {
  return 1 + random.range(-DURATION_JITTER, DURATION_JITTER);
}
