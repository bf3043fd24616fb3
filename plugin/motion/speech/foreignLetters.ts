// Stand-in phones for letters outside a–z (Cyrillic, Greek, CJK…), so a line in any script still moves the mouth.

/** Consonants and vowels the stand-ins are drawn from: a spread of mouth shapes, lips closed to wide open. */
const CONSONANTS = ['N', 'K', 'S', 'T', 'M', 'R', 'L', 'D', 'P', 'SH', 'HH', 'B'];
const VOWELS = ['AA1', 'IY1', 'EH1', 'OW1', 'UW1', 'AH0'];
/** Both together, for alphabets where one letter is one sound. */
const MIXED = ['AA1', 'N', 'IY1', 'K', 'EH1', 'S', 'OW1', 'T', 'M', 'UW1', 'R', 'AH0', 'L', 'D', 'P'];

/** Unicode blocks whose characters are whole syllables (Han, kana, Hangul): one consonant and one vowel each. */
const SYLLABIC_RANGES: readonly (readonly [number, number])[] = [
  [0x3040, 0x30ff], // Hiragana, Katakana
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xac00, 0xd7af], // Hangul syllables
  [0xf900, 0xfaff], // CJK Compatibility Ideographs
];

/**
 * Deterministic stand-in ARPAbet phones for one non-Latin letter or numeral (by code point): a
 * consonant and a vowel for a syllabic character, one phone for an alphabetic one. Not a
 * pronunciation: only a mouth that moves at a plausible pace for text the dictionary cannot read.
 */
export function foreignLetterPhones(codePoint: number): string[] {
  const isSyllabic = SYLLABIC_RANGES.some(([first, last]) => codePoint >= first && codePoint <= last);
  if (isSyllabic) return [CONSONANTS[codePoint % CONSONANTS.length], VOWELS[Math.floor(codePoint / CONSONANTS.length) % VOWELS.length]];
  return [MIXED[codePoint % MIXED.length]];
}
