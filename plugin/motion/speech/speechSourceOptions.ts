// SpeechSource's options, their defaults, and their checks.
import type { TimelineOptions } from './TextToVisemes';
import { checkRate } from './visemeTimeline';

/** What say() does while a line is playing: 'replace' stops it and starts the new one, 'queue' plays the new one after. */
export type SpeechOverlap = 'replace' | 'queue';

/** Options of SpeechSource; every field optional. */
export interface SpeechSourceOptions {
  /** What say() does while a line is playing, unless say() says otherwise. Default 'replace'. */
  overlap?: SpeechOverlap;
  /** Speaking rate of every line unless say() gives its own: 1 normal, 2 twice as fast. Default 1. */
  rate?: number;
  /** How long the mouth takes to blend from what it was doing into a new line, or to close after interrupt(), ms. Default 120. */
  transitionMs?: number;
  /** How long the source takes to take hold of the mouth (channels 0 → 1) and to let go after the last line, ms. Default 100. */
  fadeMs?: number;
}

/** Options of one say(): timing (rate or word start times) and what to do if a line is playing. */
export interface SayOptions extends TimelineOptions {
  /** Overrides SpeechSourceOptions.overlap for this line. */
  overlap?: SpeechOverlap;
}

/** A blend this long hides a change of line without looking sluggish (about two syllables' worth of jaw travel). */
const DEFAULT_TRANSITION_MS = 120;
/** Hand-over of the mouth to and from other layers: quick, but longer than a frame at 30 fps. */
const DEFAULT_FADE_MS = 100;

/** SpeechSourceOptions with defaults filled in, checked once. */
export function resolveSpeechSourceOptions(options: SpeechSourceOptions): Required<SpeechSourceOptions> {
  return {
    overlap: checkOverlap(options.overlap ?? 'replace'),
    rate: checkRate(options.rate ?? 1, 'SpeechSource'),
    transitionMs: checkDuration(options.transitionMs ?? DEFAULT_TRANSITION_MS, 'transitionMs'),
    fadeMs: checkDuration(options.fadeMs ?? DEFAULT_FADE_MS, 'fadeMs'),
  };
}

/** `overlap` if it is 'replace' or 'queue', else a RangeError. */
export function checkOverlap(overlap: unknown): SpeechOverlap {
  if (overlap === 'replace' || overlap === 'queue') return overlap;
  throw new RangeError(`SpeechSource: overlap "${String(overlap)}" is not 'replace' or 'queue'.`);
}

function checkDuration(value: number, name: string): number {
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
    throw new RangeError(`SpeechSource: ${name} must be a finite number of ms ≥ 0, got ${String(value)}.`);
  }
  return value;
}
