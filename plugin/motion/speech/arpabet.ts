// The ARPAbet phone set the CMU dictionary uses: each phone's sound class, and parsing of pronunciations.

/** How a phone is made; drives its base duration and how strongly it holds the lips. */
export type PhoneClass = 'vowel' | 'diphthong' | 'stop' | 'affricate' | 'fricative' | 'nasal' | 'liquid' | 'glide' | 'aspirate';

/** Every ARPAbet phone of the CMU dictionary (39), without stress digits, and its class. */
export const ARPABET_PHONES: { readonly [phone: string]: PhoneClass } = {
  AA: 'vowel', AE: 'vowel', AH: 'vowel', AO: 'vowel', EH: 'vowel', ER: 'vowel', IH: 'vowel', IY: 'vowel', UH: 'vowel', UW: 'vowel',
  AW: 'diphthong', AY: 'diphthong', EY: 'diphthong', OW: 'diphthong', OY: 'diphthong',
  B: 'stop', D: 'stop', G: 'stop', K: 'stop', P: 'stop', T: 'stop',
  CH: 'affricate', JH: 'affricate',
  DH: 'fricative', F: 'fricative', S: 'fricative', SH: 'fricative', TH: 'fricative', V: 'fricative', Z: 'fricative', ZH: 'fricative',
  M: 'nasal', N: 'nasal', NG: 'nasal',
  L: 'liquid', R: 'liquid',
  W: 'glide', Y: 'glide',
  HH: 'aspirate',
};

/** A phone with its stress digit when it is a vowel: "AH0", "OW1", "L". */
const PHONE_PATTERN = /^([A-Z]{1,2})([012]?)$/;

/** The phone without its stress digit: "OW1" → "OW". */
export function basePhone(phone: string): string {
  const last = phone.charCodeAt(phone.length - 1);
  // '0'..'2' are char codes 48..50.
  return last >= 48 && last <= 50 ? phone.slice(0, -1) : phone;
}

/** Stress of a vowel phone: 1 primary, 2 secondary, 0 unstressed; consonants give 0. */
export function phoneStress(phone: string): number {
  const last = phone.charCodeAt(phone.length - 1);
  return last >= 48 && last <= 50 ? last - 48 : 0;
}

/** True for vowels and diphthongs (the phones that carry stress). */
export function isVowelPhone(phone: string): boolean {
  const phoneClass = ARPABET_PHONES[basePhone(phone)];
  return phoneClass === 'vowel' || phoneClass === 'diphthong';
}

/**
 * Splits an ARPAbet pronunciation ("HH AH0 L OW1", any case, any spacing) into phones.
 * A vowel without a stress digit gets 0. Throws a RangeError naming `word` and the bad phone.
 */
export function parsePronunciation(pronunciation: string, word: string): string[] {
  const phones: string[] = [];
  for (const token of pronunciation.trim().toUpperCase().split(/\s+/)) {
    if (token === '') continue;
    const match = PHONE_PATTERN.exec(token);
    const phoneClass = match ? ARPABET_PHONES[match[1]] : undefined;
    if (!match || phoneClass === undefined || !Object.hasOwn(ARPABET_PHONES, match[1])) {
      throw new RangeError(
        `PhonemeDictionary: "${token}" in the pronunciation of "${word}" is not an ARPAbet phone; ` +
          'use the CMU dictionary\'s phones (e.g. "Z AO1 R B L AE2 K S"), listed in ARPABET_PHONES.',
      );
    }
    const isVowel = phoneClass === 'vowel' || phoneClass === 'diphthong';
    if (!isVowel && match[2] !== '') {
      throw new RangeError(`PhonemeDictionary: "${token}" in the pronunciation of "${word}" is a consonant; only vowels take a stress digit.`);
    }
    phones.push(isVowel && match[2] === '' ? `${match[1]}0` : token);
  }
  return phones;
}
