// How long each phone lasts at the normal speaking rate, by sound class and stress.
import { ARPABET_PHONES, basePhone, phoneStress } from './arpabet';
import type { PauseKind } from './textTokens';

/**
 * Base durations in ms at rate 1 (about 180 words a minute before pauses), rounded from the
 * segment durations of connected English speech (Klatt 1979; TIMIT averages): vowels longer than
 * consonants, stressed vowels longest, diphthongs longer still, stops short.
 */
export const PHONE_DURATIONS_MS = {
  /** A vowel, indexed by its stress digit: unstressed, primary, secondary. */
  vowel: [65, 120, 100],
  /** A diphthong, indexed by its stress digit. */
  diphthong: [100, 160, 130],
  /** The reduced vowel schwa (AH0): the shortest vowel. */
  schwa: 50,
  stop: 65,
  affricate: 90,
  fricative: 80,
  nasal: 65,
  liquid: 60,
  glide: 55,
  aspirate: 55,
} as const;

/** Pauses for punctuation in ms at rate 1. */
export const PAUSE_DURATIONS_MS: { readonly [K in PauseKind]: number } = { comma: 180, clause: 260, sentence: 380 };

/** The last vowel before a pause is drawn out this much (phrase-final lengthening). */
export const PHRASE_FINAL_LENGTHENING = 1.3;

/** Duration of one ARPAbet phone in ms at rate 1; unknown phones count as a short consonant. */
export function phoneDurationMs(phone: string): number {
  const base = basePhone(phone);
  const phoneClass = Object.hasOwn(ARPABET_PHONES, base) ? ARPABET_PHONES[base] : 'stop';
  switch (phoneClass) {
    case 'vowel':
      return base === 'AH' && phoneStress(phone) === 0 ? PHONE_DURATIONS_MS.schwa : PHONE_DURATIONS_MS.vowel[phoneStress(phone)];
    case 'diphthong':
      return PHONE_DURATIONS_MS.diphthong[phoneStress(phone)];
    default:
      return PHONE_DURATIONS_MS[phoneClass];
  }
}
