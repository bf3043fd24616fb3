// One written word → ARPAbet phones: numbers spelled out, acronyms spelled, letters from any script given a voice.
import { digitByDigit, digitsToWords, toOrdinalWords } from './numberWords';
import { foreignLetterPhones } from './foreignLetters';
import type { PhonemeDictionary } from './PhonemeDictionary';
import { SPOKEN_SYMBOLS } from './textTokens';

/** A number as written: sign, digits with optional thousands commas, decimals, ordinal suffix. */
const NUMBER = /^(-?)([0-9][0-9,]*)(?:\.([0-9]+))?(st|nd|rd|th)?$/;
/** A clock time: "3:45", "12:05", "9:00". */
const CLOCK_TIME = /^([0-9]{1,2}):([0-9]{2})$/;
/** Letters that decompose to no a–z letter under NFD, spelled the way English readers say them. */
const LETTER_SPELLINGS: { readonly [letter: string]: string } = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'th', þ: 'th', ł: 'l', ı: 'i', ŋ: 'ng',
};
/** Letter names, for acronyms the dictionary lacks ("NPC" → en pee see). */
const LETTER_NAMES: { readonly [letter: string]: string } = {
  a: 'EY1', b: 'B IY1', c: 'S IY1', d: 'D IY1', e: 'IY1', f: 'EH1 F', g: 'JH IY1', h: 'EY1 CH', i: 'AY1', j: 'JH EY1',
  k: 'K EY1', l: 'EH1 L', m: 'EH1 M', n: 'EH1 N', o: 'OW1', p: 'P IY1', q: 'K Y UW1', r: 'AA1 R', s: 'EH1 S', t: 'T IY1',
  u: 'Y UW1', v: 'V IY1', w: 'D AH1 B AH0 L Y UW0', x: 'EH1 K S', y: 'W AY1', z: 'Z IY1',
};
/** All-capital words this short (or with no vowel letter) are read as letters when no dictionary lists them. */
const MAX_ACRONYM_LENGTH = 3;

/**
 * Phones of one word from tokenizeText, never throwing. In order of preference: the dictionary's
 * entry for the whole word; a number ("-3.5" → minus three point five, "21st") or clock time
 * ("3:45"); otherwise each
 * hyphen-separated part by pieces: runs of a–z letters (dictionary, contractions, acronyms, rules),
 * runs of digits (spelled out), and any other letter (a stand-in from foreignLetterPhones).
 */
export function pronounceWord(dictionary: PhonemeDictionary, written: string): string[] {
  if (Object.hasOwn(SPOKEN_SYMBOLS, written)) return dictionary.pronounce(SPOKEN_SYMBOLS[written]);
  const word = normalizeLetters(written);
  const listed = dictionary.lookup(word);
  if (listed !== undefined) return listed.slice();
  const number = NUMBER.exec(word);
  if (number !== null) return pronounceAll(dictionary, numberWords(number));
  const clock = CLOCK_TIME.exec(word);
  if (clock !== null) return pronounceAll(dictionary, clockWords(clock[1], clock[2]));
  const phones: string[] = [];
  const originalParts = written.split('-');
  word.split('-').forEach((part, index) => phones.push(...pronouncePart(dictionary, part, originalParts[index] ?? part)));
  return phones;
}

/** Lower case, accents removed (é → e), apostrophes unified, special Latin letters spelled out. */
export function normalizeLetters(text: string): string {
  const lower = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’ʼ]/g, "'");
  return lower.replace(/[ßæœøđðþłıŋ]/g, (letter) => LETTER_SPELLINGS[letter]);
}

function pronouncePart(dictionary: PhonemeDictionary, part: string, original: string): string[] {
  const listed = dictionary.lookup(part);
  if (listed !== undefined) return listed.slice();
  const phones: string[] = [];
  for (const piece of part.match(/[a-z']+|[0-9]+|[^a-z'0-9]/gu) ?? []) {
    if (/^[a-z']+$/.test(piece)) phones.push(...pronounceLetters(dictionary, piece, isAcronym(original, piece)));
    else if (/^[0-9]+$/.test(piece)) phones.push(...pronounceAll(dictionary, digitsToWords(piece)));
    else if (/\p{L}|\p{N}/u.test(piece)) phones.push(...foreignLetterPhones(piece.codePointAt(0) ?? 0));
  }
  return phones;
}

function pronounceLetters(dictionary: PhonemeDictionary, letters: string, acronym: boolean): string[] {
  if (acronym && dictionary.lookup(letters) === undefined) {
    return Array.from(letters.replace(/'/g, ''), (letter) => LETTER_NAMES[letter].split(' ')).flat();
  }
  return dictionary.pronounce(letters);
}

/** True when the written part is all capitals and short or vowel-less (NPC, HP, XP, RPG). */
function isAcronym(original: string, letters: string): boolean {
  const plain = letters.replace(/'/g, '');
  if (plain.length < 2 || !/^[A-Z']+$/.test(original) || original.toLowerCase() !== letters) return false;
  return plain.length <= MAX_ACRONYM_LENGTH || !/[aeiouy]/.test(plain);
}

function numberWords([, sign, integer, decimals, ordinal]: RegExpExecArray): string[] {
  const whole = digitsToWords(integer);
  const words = ordinal !== undefined && decimals === undefined ? toOrdinalWords(whole) : whole;
  if (sign === '-') words.unshift('minus');
  if (decimals !== undefined) words.push('point', ...digitByDigit(decimals));
  return words;
}

/** "9:00" → nine o'clock, "3:05" → three oh five, "3:45" → three forty five. */
function clockWords(hours: string, minutes: string): string[] {
  const hourWords = digitsToWords(hours);
  if (minutes === '00') return [...hourWords, "o'clock"];
  return [...hourWords, ...(minutes[0] === '0' ? ['oh', ...digitsToWords(minutes)] : digitsToWords(minutes))];
}

function pronounceAll(dictionary: PhonemeDictionary, words: readonly string[]): string[] {
  return words.flatMap((word) => dictionary.pronounce(word));
}
