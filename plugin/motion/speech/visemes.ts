// The 15 OVR (Oculus) visemes and the standard mapping from ARPAbet phones onto them.
import { basePhone } from './arpabet';

/** The 15 OVR visemes in their usual order: silence, 9 consonant shapes, 5 vowel shapes. */
export const VISEME_NAMES = ['sil', 'PP', 'FF', 'TH', 'DD', 'kk', 'CH', 'SS', 'nn', 'RR', 'aa', 'E', 'ih', 'oh', 'ou'] as const;

/** One of the 15 OVR viseme names. */
export type VisemeName = (typeof VISEME_NAMES)[number];

/** Number of visemes (15). */
export const VISEME_COUNT = VISEME_NAMES.length;

/** Index of each viseme in VISEME_NAMES, for string-free per-frame code. */
export const Viseme = {
  sil: 0, PP: 1, FF: 2, TH: 3, DD: 4, kk: 5, CH: 6, SS: 7, nn: 8, RR: 9, aa: 10, E: 11, ih: 12, oh: 13, ou: 14,
} as const satisfies { readonly [K in VisemeName]: number };

/**
 * ARPAbet phone (no stress digit) → OVR viseme(s). Diphthongs glide between two shapes, so they
 * map to two (the first held longer). HH takes the shape of the vowel after it and is resolved
 * by the timeline builder; here it falls back to 'kk' (open, relaxed lips).
 */
export const PHONE_VISEMES: { readonly [phone: string]: readonly VisemeName[] } = {
  P: ['PP'], B: ['PP'], M: ['PP'],
  F: ['FF'], V: ['FF'],
  TH: ['TH'], DH: ['TH'],
  T: ['DD'], D: ['DD'],
  K: ['kk'], G: ['kk'], NG: ['kk'], HH: ['kk'],
  CH: ['CH'], JH: ['CH'], SH: ['CH'], ZH: ['CH'],
  S: ['SS'], Z: ['SS'],
  N: ['nn'], L: ['nn'],
  R: ['RR'], ER: ['RR'],
  W: ['ou'], Y: ['ih'],
  AA: ['aa'], AE: ['aa'], AH: ['aa'],
  AO: ['oh'],
  EH: ['E'],
  IH: ['ih'], IY: ['ih'],
  UH: ['ou'], UW: ['ou'],
  AW: ['aa', 'ou'], AY: ['aa', 'ih'], EY: ['E', 'ih'], OW: ['oh', 'ou'], OY: ['oh', 'ih'],
};

/** The viseme(s) of an ARPAbet phone, stress digit allowed ("OW1" → oh, ou); unknown phones give 'sil'. */
export function phoneToVisemes(phone: string): readonly VisemeName[] {
  const base = basePhone(phone.toUpperCase());
  return Object.hasOwn(PHONE_VISEMES, base) ? PHONE_VISEMES[base] : SILENT;
}

const SILENT: readonly VisemeName[] = ['sil'];
