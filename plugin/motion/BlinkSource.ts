// Natural blinking: irregular intervals, occasional double blinks, an asymmetric lid curve, both eyes.
import { Blendshape } from '../core/arkitBlendshapes';
import type { FaceControls } from '../core/FaceControls';
import { notFiniteError } from '../core/validation';
import { blinkClosure } from './blinkCurve';
import { BlinkSchedule, MIN_OPEN_BETWEEN_MS, type BlinkTiming } from './BlinkSchedule';
import { BLINK_CHANNELS, channelMask } from './channelMasks';
import type { MotionSource } from './MotionSource';
import { numberOption } from './numberOption';

/** Options for BlinkSource; every field optional. Defaults follow measured spontaneous blinking at rest. */
export interface BlinkSourceOptions {
  /** Seed of the blink sequence. Default 1. */
  seed?: number;
  /** Mean time from one blink episode's onset to the next (a double blink is one episode), ms. Default 4000. */
  meanIntervalMs?: number;
  /** Shortest time between episode onsets, ms. Default 800. */
  minIntervalMs?: number;
  /** Log-space spread of the intervals above the minimum: 0 is a metronome, 0.6 gives a coefficient of variation near 0.5. Default 0.6. */
  intervalSpread?: number;
  /** Share of episodes that are double blinks, 0..1. Default 0.12. */
  doubleBlinkChance?: number;
  /** Time for the lid to close, ms. Default 100. */
  closeMs?: number;
  /** Time the lid stays shut, ms; long enough that 30 fps shows the closed eye. Default 30. */
  holdMs?: number;
  /** Time for the lid to open, ms: opening is slower than closing. Default 150. */
  openMs?: number;
  /** Largest lag between the two eyes, ms; 0 blinks them exactly together. Default 4. */
  eyeOffsetMs?: number;
}

const DEFAULTS: BlinkTiming = {
  seed: 1, meanIntervalMs: 4000, minIntervalMs: 800, intervalSpread: 0.6, doubleBlinkChance: 0.12,
  closeMs: 100, holdMs: 30, openMs: 150, eyeOffsetMs: 4,
};
const WHAT = 'BlinkSource: options';
/** Longest lid movement accepted, ms: slower than this is no longer a blink. */
const MAX_LID_MS = 1000;
/** Largest eye lag accepted, ms: more reads as a wink. */
const MAX_EYE_OFFSET_MS = 30;
/** Longest mean interval accepted, ms (one blink a minute). */
const MAX_MEAN_INTERVAL_MS = 60_000;

/**
 * Spontaneous blinks of both eyes, writing eyeBlinkLeft and eyeBlinkRight. The output is a pure function of
 * (options, time): any sampling steps, jumps of hours and going back give the same lids at the same times.
 */
export class BlinkSource implements MotionSource {
  /** Drives eyeBlinkLeft and eyeBlinkRight. */
  readonly channels = channelMask(BLINK_CHANNELS);
  /** The resolved timing. */
  readonly timing: Readonly<BlinkTiming>;
  private readonly schedule: BlinkSchedule;

  constructor(options: BlinkSourceOptions = {}) {
    const closeMs = numberOption(options.closeMs, DEFAULTS.closeMs, `${WHAT}.closeMs`, 1, MAX_LID_MS);
    const holdMs = numberOption(options.holdMs, DEFAULTS.holdMs, `${WHAT}.holdMs`, 0, MAX_LID_MS);
    const openMs = numberOption(options.openMs, DEFAULTS.openMs, `${WHAT}.openMs`, 1, MAX_LID_MS);
    const minIntervalMs = numberOption(options.minIntervalMs, DEFAULTS.minIntervalMs, `${WHAT}.minIntervalMs`, 0, MAX_MEAN_INTERVAL_MS);
    const meanIntervalMs = numberOption(options.meanIntervalMs, DEFAULTS.meanIntervalMs, `${WHAT}.meanIntervalMs`, 0, MAX_MEAN_INTERVAL_MS);
    // The mean must leave room above the minimum and for one blink and a pause, or the schedule cannot honour it.
    const shortestMean = Math.max(minIntervalMs, closeMs + holdMs + openMs + MIN_OPEN_BETWEEN_MS) + 1;
    if (meanIntervalMs < shortestMean) {
      throw new RangeError(`${WHAT}.meanIntervalMs must be at least ${shortestMean} ms with these minimum and blink times, got ${meanIntervalMs}.`);
    }
    this.timing = Object.freeze({
      seed: numberOption(options.seed, DEFAULTS.seed, `${WHAT}.seed`),
      meanIntervalMs, minIntervalMs, closeMs, holdMs, openMs,
      intervalSpread: numberOption(options.intervalSpread, DEFAULTS.intervalSpread, `${WHAT}.intervalSpread`, 0, 2),
      doubleBlinkChance: numberOption(options.doubleBlinkChance, DEFAULTS.doubleBlinkChance, `${WHAT}.doubleBlinkChance`, 0, 1),
      eyeOffsetMs: numberOption(options.eyeOffsetMs, DEFAULTS.eyeOffsetMs, `${WHAT}.eyeOffsetMs`, 0, MAX_EYE_OFFSET_MS),
    });
    this.schedule = new BlinkSchedule(this.timing);
  }

  sample(timeMs: number, out: FaceControls): void {
    if (!Number.isFinite(timeMs)) throw notFiniteError(timeMs, 'BlinkSource.sample: timeMs');
    const s = this.schedule;
    s.advanceTo(timeMs);
    out.weights[Blendshape.eyeBlinkLeft] = this.closure(timeMs);
    out.weights[Blendshape.eyeBlinkRight] = this.closure(timeMs - s.rightLagMs);
  }

  /** Closure of the current episode at `timeMs`: the larger of its (one or two) blinks. */
  private closure(timeMs: number): number {
    const s = this.schedule;
    const holdMs = this.timing.holdMs;
    const first = blinkClosure(timeMs - s.onset, s.closeMs, holdMs, s.openMs);
    const second = blinkClosure(timeMs - s.secondOnset, s.secondCloseMs, holdMs, s.secondOpenMs);
    return first > second ? first : second;
  }
}
