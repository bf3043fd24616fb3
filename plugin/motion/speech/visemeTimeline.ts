// A line's visemes laid out in time: plain data built once per line from its words, phones and pauses.
import { isVowelPhone } from './arpabet';
import { PAUSE_DURATIONS_MS, PHRASE_FINAL_LENGTHENING, phoneDurationMs } from './phoneDurations';
import type { PauseKind } from './textTokens';
import { phoneToVisemes, type VisemeName } from './visemes';

/** One viseme held from startMs to endMs (ms from the start of the line). */
export interface VisemeSegment {
  readonly viseme: VisemeName;
  /** The ARPAbet phone it comes from ("OW1"; both halves of a diphthong name it), '' for silence. */
  readonly phoneme: string;
  readonly startMs: number;
  readonly endMs: number;
  /** Index into the timeline's words, -1 for silence. */
  readonly wordIndex: number;
}

/** A spoken word: as written, where it starts in the text, its phones, and when it is said. */
export interface TimelineWord {
  readonly text: string;
  /** Index of its first character in the line's text (UTF-16), as in SpeechSynthesis boundary events. */
  readonly charIndex: number;
  readonly phonemes: readonly string[];
  readonly startMs: number;
  readonly endMs: number;
}

/** A line's visemes in time, plain data (JSON-safe) for playback, tests and evaluation. */
export interface VisemeTimeline {
  /** Length of the line in ms, trailing silence included. */
  readonly durationMs: number;
  /** Contiguous segments from 0 to durationMs, in order. */
  readonly segments: readonly VisemeSegment[];
  readonly words: readonly TimelineWord[];
}

/** A word with its phones, or a pause: what a timeline is built from. */
export type SpokenItem =
  | { readonly kind: 'word'; readonly text: string; readonly charIndex: number; readonly phonemes: readonly string[] }
  | { readonly kind: 'pause'; readonly pause: PauseKind };

/** Options of buildVisemeTimeline. */
export interface VisemeTimelineOptions {
  /** Speaking rate: 1 normal, 2 twice as fast; scales every phone and pause. Default 1, allowed MIN_SPEECH_RATE..MAX_SPEECH_RATE. */
  rate?: number;
}

/** Slowest speaking rate: slower than this, speech stops looking like speech. */
export const MIN_SPEECH_RATE = 0.25;
/** Fastest speaking rate: four times normal is already a fast-forward. */
export const MAX_SPEECH_RATE = 4;
/** Silence before the first word, ms: the lips part just before the sound starts. Not scaled by rate. */
export const LEAD_IN_MS = 60;
/** Silence after the last word, ms: the mouth settles closed before the line counts as finished. Not scaled. */
export const TAIL_MS = 120;
/** Share of a diphthong spent on its first shape ("AY": aa then ih). */
const DIPHTHONG_FIRST_SHARE = 0.6;

/**
 * Lays out words and pauses: lead-in silence, each phone's viseme(s) for phoneDurationMs / rate
 * (the last vowel before a pause lengthened), punctuation pauses as silence, then the tail.
 * Pauses before the first word or after the last are dropped. HH takes the shape of the vowel after it.
 */
export function buildVisemeTimeline(items: readonly SpokenItem[], options: VisemeTimelineOptions = {}): VisemeTimeline {
  const rate = checkRate(options.rate ?? 1, 'buildVisemeTimeline');
  const segments: VisemeSegment[] = [];
  const words: TimelineWord[] = [];
  const firstWord = items.findIndex((item) => item.kind === 'word');
  if (firstWord < 0) return { durationMs: 0, segments, words };
  let time = 0;
  const push = (viseme: VisemeName, phoneme: string, durationMs: number, wordIndex: number) => {
    segments.push({ viseme, phoneme, startMs: time, endMs: time + durationMs, wordIndex });
    time += durationMs;
  };
  push('sil', '', LEAD_IN_MS, -1);
  let lastWord = -1;
  for (let i = firstWord; i < items.length; i++) if (items[i].kind === 'word') lastWord = i;
  for (let i = firstWord; i <= lastWord; i++) {
    const item = items[i];
    if (item.kind === 'pause') {
      push('sil', '', PAUSE_DURATIONS_MS[item.pause] / rate, -1);
      continue;
    }
    const wordIndex = words.length;
    const startMs = time;
    const lengthenedVowel = items[i + 1]?.kind === 'pause' ? lastVowelIndex(item.phonemes) : -1;
    item.phonemes.forEach((phone, p) => {
      const duration = (phoneDurationMs(phone) * (p === lengthenedVowel ? PHRASE_FINAL_LENGTHENING : 1)) / rate;
      const visemes = phone.startsWith('HH') ? aspirateVisemes(item.phonemes[p + 1]) : phoneToVisemes(phone);
      if (visemes.length === 2) {
        push(visemes[0], phone, duration * DIPHTHONG_FIRST_SHARE, wordIndex);
        push(visemes[1], phone, duration * (1 - DIPHTHONG_FIRST_SHARE), wordIndex);
      } else {
        push(visemes[0], phone, duration, wordIndex);
      }
    });
    words.push({ text: item.text, charIndex: item.charIndex, phonemes: item.phonemes.slice(), startMs, endMs: time });
  }
  push('sil', '', TAIL_MS, -1);
  return { durationMs: time, segments: mergeSilences(segments), words };
}

/** `rate` when it is a finite number in [MIN_SPEECH_RATE, MAX_SPEECH_RATE]; otherwise a TypeError or RangeError naming `who`. */
export function checkRate(rate: number, who: string): number {
  if (typeof rate !== 'number') throw new TypeError(`${who}: rate must be a number, got ${typeof rate}.`);
  if (!(rate >= MIN_SPEECH_RATE && rate <= MAX_SPEECH_RATE)) {
    throw new RangeError(`${who}: rate ${rate} is outside ${MIN_SPEECH_RATE}..${MAX_SPEECH_RATE}; 1 is normal speech, 2 twice as fast.`);
  }
  return rate;
}

/** HH is breath through the shape of the next vowel; before anything else it is a relaxed open mouth. */
function aspirateVisemes(next: string | undefined): readonly VisemeName[] {
  return next !== undefined && isVowelPhone(next) ? phoneToVisemes(next).slice(0, 1) : phoneToVisemes('HH');
}

function lastVowelIndex(phones: readonly string[]): number {
  for (let i = phones.length - 1; i >= 0; i--) if (isVowelPhone(phones[i])) return i;
  return -1;
}

/** Joins neighbouring silences into one segment. */
function mergeSilences(segments: VisemeSegment[]): VisemeSegment[] {
  const merged: VisemeSegment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.viseme === 'sil' && segment.viseme === 'sil' && last.wordIndex === -1 && segment.wordIndex === -1) {
      merged[merged.length - 1] = { ...last, endMs: segment.endMs };
    } else {
      merged.push(segment);
    }
  }
  return merged;
}
