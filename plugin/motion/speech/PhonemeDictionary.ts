// Words → ARPAbet: a game's own words, then the CMU pronouncing dictionary (loaded on demand), then letter-to-sound rules.
import { ModelLoadError } from '../../core/errors/dataErrors';
import { basePhone, parsePronunciation } from './arpabet';
import { letterToSound } from './letterToSound';

/** Spelling → ARPAbet pronunciation ("Z AO1 R B L AE2 K S" or its phones as an array). */
export type PronunciationEntries = Readonly<Record<string, string | readonly string[]>>;

/** Options of PhonemeDictionary.LoadAsync. */
export interface PhonemeDictionaryOptions {
  /** The game's own words (fantasy names, jargon), checked before the CMU dictionary; keys are case-insensitive. Default: none. */
  words?: PronunciationEntries;
  /** Load the CMU pronouncing dictionary (134,000 words, a 4.7 MB module imported on first use). Default true. */
  useCmuDictionary?: boolean;
}

/** The package that holds the CMU dictionary; imported only by LoadAsync. */
const CMU_MODULE = 'cmu-pronouncing-dictionary';
/** Voiceless phones: a following "'s" is /s/ after them, /z/ after anything else. */
const VOICELESS = new Set(['P', 'T', 'K', 'F', 'TH']);
/** Sibilants: a following "'s" becomes a syllable of its own. */
const SIBILANTS = new Set(['S', 'Z', 'SH', 'ZH', 'CH', 'JH']);
/** Contraction endings the dictionary may lack on a given word, and their phones. */
const CONTRACTIONS: readonly (readonly [ending: string, phones: readonly string[]])[] = [
  ["n't", ['N', 'T']], ["'ll", ['L']], ["'re", ['R']], ["'ve", ['V']], ["'d", ['D']], ["'m", ['M']],
];

/**
 * Pronunciations of English words as ARPAbet phones with stress digits ("hello" → HH AH0 L OW1).
 * Looks words up in the game's own entries, then in the CMU pronouncing dictionary when loaded,
 * then builds contractions and possessives from their base word, and finally guesses with
 * letter-to-sound rules. Importing this module loads no dictionary: `LoadAsync` imports it.
 */
export class PhonemeDictionary {
  private readonly custom = new Map<string, readonly string[]>();
  private readonly base: Readonly<Record<string, string>> | null;

  /**
   * A dictionary of `words` over an optional `base` table (spelling → "ARPA BET" string, lower-case
   * keys, like the CMU module's `dictionary`). Synchronous: for small dictionaries, tests, or a base
   * the game already holds. Bad entries throw a RangeError naming the word.
   */
  constructor(words?: PronunciationEntries, base?: Readonly<Record<string, string>> | null) {
    if (base !== undefined && base !== null && typeof base !== 'object') {
      throw new TypeError(`PhonemeDictionary: base must be an object of spelling → ARPAbet strings, got ${typeof base}.`);
    }
    this.base = base ?? null;
    if (words !== undefined) this.addWords(words);
  }

  /**
   * Loads the CMU pronouncing dictionary (unless `useCmuDictionary` is false) with the game's
   * `words` over it. Throws ModelLoadError when the dictionary module cannot be imported or is not
   * the dictionary expected.
   */
  static async LoadAsync(options: PhonemeDictionaryOptions = {}): Promise<PhonemeDictionary> {
    const base = options.useCmuDictionary === false ? null : await importCmuDictionary();
    return new PhonemeDictionary(options.words, base);
  }

  /** True when the CMU (or another base) dictionary is attached. */
  get hasBaseDictionary(): boolean {
    return this.base !== null;
  }

  /** Adds or replaces the game's own words; keys are case-insensitive. RangeError for a bad pronunciation. */
  addWords(words: PronunciationEntries): void {
    if (typeof words !== 'object' || words === null) {
      throw new TypeError(`PhonemeDictionary.addWords: words must be an object of spelling → ARPAbet, got ${words === null ? 'null' : typeof words}.`);
    }
    for (const [spelling, pronunciation] of Object.entries(words)) {
      const key = spelling.trim().toLowerCase();
      if (key === '') throw new RangeError('PhonemeDictionary.addWords: a word is empty; give each pronunciation a spelling.');
      const text = typeof pronunciation === 'string' ? pronunciation : Array.isArray(pronunciation) ? pronunciation.join(' ') : null;
      if (text === null) {
        throw new TypeError(`PhonemeDictionary.addWords: the pronunciation of "${spelling}" must be an ARPAbet string or array, got ${typeof pronunciation}.`);
      }
      const phones = parsePronunciation(text, spelling);
      if (phones.length === 0) throw new RangeError(`PhonemeDictionary.addWords: the pronunciation of "${spelling}" is empty.`);
      this.custom.set(key, phones);
    }
  }

  /** The listed pronunciation of `word` (case-insensitive), the game's words first, or undefined when neither lists it. */
  lookup(word: string): readonly string[] | undefined {
    const key = String(word).toLowerCase();
    const own = this.custom.get(key);
    if (own !== undefined) return own;
    if (this.base !== null && Object.hasOwn(this.base, key)) {
      const entry = this.base[key];
      if (typeof entry === 'string') return entry.split(' ');
    }
    return undefined;
  }

  /**
   * Phones of one word of letters and apostrophes, never throwing: listed words as listed,
   * contractions and possessives from their base word, anything else by letter-to-sound rules.
   */
  pronounce(word: string): string[] {
    const key = String(word).toLowerCase().replace(/[’ʼ]/g, "'");
    const listed = this.lookup(key);
    if (listed !== undefined) return listed.slice();
    if (key.endsWith("'s") && key.length > 2) return withPossessive(this.pronounceBare(key.slice(0, -2)));
    if (key.endsWith("s'") && key.length > 2) return this.pronounceBare(key.slice(0, -1));
    for (const [ending, phones] of CONTRACTIONS) {
      if (key.endsWith(ending) && key.length > ending.length) return [...this.pronounceBare(key.slice(0, -ending.length)), ...phones];
    }
    return this.pronounceBare(key);
  }

  /** A word without its ending: listed, else by rule, apostrophes ignored. */
  private pronounceBare(key: string): string[] {
    const plain = key.replace(/'/g, '');
    const listed = this.lookup(key) ?? this.lookup(plain);
    return listed !== undefined ? listed.slice() : letterToSound(plain);
  }
}

/** `phones` + the possessive or "is" ending, voiced by the last phone. */
function withPossessive(phones: string[]): string[] {
  const last = phones.length > 0 ? basePhone(phones[phones.length - 1]) : '';
  if (SIBILANTS.has(last)) return [...phones, 'IH0', 'Z'];
  return [...phones, VOICELESS.has(last) ? 'S' : 'Z'];
}

async function importCmuDictionary(): Promise<Readonly<Record<string, string>>> {
  let module: unknown;
  try {
    module = await import('cmu-pronouncing-dictionary');
  } catch (cause) {
    throw new ModelLoadError(`The pronouncing dictionary could not be imported (${String(cause)}).`, { source: `the package "${CMU_MODULE}"`, cause });
  }
  const dictionary = (module as { dictionary?: unknown }).dictionary;
  if (typeof dictionary !== 'object' || dictionary === null || typeof (dictionary as Record<string, unknown>).hello !== 'string') {
    throw new ModelLoadError('The pronouncing dictionary module has no `dictionary` table of words.', { source: `the package "${CMU_MODULE}"` });
  }
  return dictionary as Readonly<Record<string, string>>;
}
