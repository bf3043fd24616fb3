// Pronounces any spelling with LETTER_TO_SOUND_RULES: a plausible ARPAbet guess with stress, never an error.
import { isVowelPhone } from './arpabet';
import { LETTER_TO_SOUND_RULES } from './letterToSoundRules';

interface CompiledRule {
  readonly letters: string;
  readonly left: RegExp | null;
  readonly right: RegExp | null;
  readonly phones: readonly string[];
}

/** Shorthands of the rule contexts (see LetterToSoundRule). */
const VOWEL_LETTERS = '[aeiouy]';
const CONSONANT_LETTERS = '[bcdfghjklmnpqrstvwxz]';
const FRONT_VOWEL_LETTERS = '[eiy]';
const MAGIC_E_ENDING = '(?:e|es|ed|ely|ing)$';
/** Vowels that stay full (secondary stress) after the first syllable instead of being unstressed. */
const LONG_VOWELS = new Set(['IY', 'UW', 'EY', 'AY', 'OW', 'AW', 'OY']);

let rulesByLetter: Map<string, CompiledRule[]> | null = null;

/**
 * ARPAbet phones with stress digits for any spelling, by rule: "zorblax" → Z AO1 R B L AE0 K S.
 * Letters other than a–z are ignored, so every string gives an answer (maybe none). The first
 * vowel takes the primary stress, later long vowels a secondary one. A guess for names and
 * made-up words, not a substitute for a dictionary.
 */
export function letterToSound(spelling: string): string[] {
  const word = String(spelling).toLowerCase().replace(/[^a-z]/g, '');
  const rules = compiledRules();
  const phones: string[] = [];
  let i = 0;
  while (i < word.length) {
    const rule = rules.get(word[i])?.find((r) => matches(r, word, i));
    if (rule === undefined) {
      i++;
      continue;
    }
    phones.push(...rule.phones);
    i += rule.letters.length;
  }
  return addStress(phones);
}

function matches(rule: CompiledRule, word: string, at: number): boolean {
  if (!word.startsWith(rule.letters, at)) return false;
  if (rule.left !== null && !rule.left.test(word.slice(0, at))) return false;
  return rule.right === null || rule.right.test(word.slice(at + rule.letters.length));
}

function addStress(phones: string[]): string[] {
  let stressed = false;
  return phones.map((phone) => {
    if (!isVowelPhone(phone)) return phone;
    if (!stressed) {
      stressed = true;
      return `${phone}1`;
    }
    return `${phone}${LONG_VOWELS.has(phone) ? 2 : 0}`;
  });
}

function compiledRules(): Map<string, CompiledRule[]> {
  if (rulesByLetter !== null) return rulesByLetter;
  const map = new Map<string, CompiledRule[]>();
  for (const [left, letters, right, phones] of LETTER_TO_SOUND_RULES) {
    const rule: CompiledRule = {
      letters,
      left: left === '' ? null : new RegExp(`(?:${expand(left, '^')})$`),
      right: right === '' ? null : new RegExp(`^(?:${expand(right, '$')})`),
      phones: phones === '' ? [] : phones.split(' '),
    };
    const list = map.get(letters[0]) ?? [];
    list.push(rule);
    map.set(letters[0], list);
  }
  rulesByLetter = map;
  return map;
}

/** A rule context in regular-expression syntax; `edge` is what `#` means on this side. */
function expand(context: string, edge: '^' | '$'): string {
  return context
    .replace(/E/g, MAGIC_E_ENDING)
    .replace(/V/g, VOWEL_LETTERS)
    .replace(/C/g, CONSONANT_LETTERS)
    .replace(/F/g, FRONT_VOWEL_LETTERS)
    .replace(/#/g, edge);
}
