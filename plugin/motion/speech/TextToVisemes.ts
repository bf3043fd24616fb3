// Text → words and phones → a timed viseme timeline: the whole speech-from-text pipeline before playback.
import { alignToWordTimes } from './alignToWordTimes';
import { PhonemeDictionary, type PhonemeDictionaryOptions } from './PhonemeDictionary';
import { pronounceWord } from './pronounceWord';
import { tokenizeText } from './textTokens';
import { buildVisemeTimeline, checkRate, type SpokenItem, type VisemeTimeline } from './visemeTimeline';

/** Options of TextToVisemes.toTimeline (and SpeechSource.say). */
export interface TimelineOptions {
  /** Speaking rate, 1 normal, 2 twice as fast (MIN_SPEECH_RATE..MAX_SPEECH_RATE). Default 1. */
  rate?: number;
  /**
   * When each word starts, ms from the start of the line, one per word of `toWords(text)` (the
   * timeline's `words`), e.g. from SpeechSynthesisUtterance boundary events or the game's audio
   * timings. Default: none, words follow each other at `rate`.
   */
  wordStartsMs?: ArrayLike<number>;
}

/**
 * Turns text into what a mouth does: `toWords` (written words with phones and pauses),
 * `toPhonemes`, and `toTimeline` (visemes with start and end times). Made with `CreateAsync`,
 * which imports the CMU dictionary on demand, or from a PhonemeDictionary the game already has.
 */
export class TextToVisemes {
  /** The dictionary words are looked up in; add the game's own words with `dictionary.addWords`. */
  readonly dictionary: PhonemeDictionary;

  constructor(dictionary: PhonemeDictionary) {
    if (!(dictionary instanceof PhonemeDictionary)) {
      throw new TypeError('TextToVisemes: pass a PhonemeDictionary (PhonemeDictionary.LoadAsync()), or use TextToVisemes.CreateAsync().');
    }
    this.dictionary = dictionary;
  }

  /** Loads the dictionary (CMU unless `useCmuDictionary` is false, with the game's `words` over it). */
  static async CreateAsync(options: PhonemeDictionaryOptions = {}): Promise<TextToVisemes> {
    return new TextToVisemes(await PhonemeDictionary.LoadAsync(options));
  }

  /** The words of `text` with their phones, and the pauses between them, in order. Never throws for a string. */
  toWords(text: string): SpokenItem[] {
    checkText(text, 'toWords');
    return tokenizeText(text).map((token): SpokenItem =>
      token.kind === 'word'
        ? { kind: 'word', text: token.text, charIndex: token.charIndex, phonemes: pronounceWord(this.dictionary, token.text) }
        : { kind: 'pause', pause: token.pause },
    );
  }

  /** All phones of `text` in order, ARPAbet with stress digits ("Hello" → HH AH0 L OW1). */
  toPhonemes(text: string): string[] {
    return this.toWords(text).flatMap((item) => (item.kind === 'word' ? item.phonemes : []));
  }

  /** The timed visemes of `text`, at `rate` or aligned to `wordStartsMs`. */
  toTimeline(text: string, options: TimelineOptions = {}): VisemeTimeline {
    const rate = checkRate(options.rate ?? 1, 'TextToVisemes.toTimeline');
    const timeline = buildVisemeTimeline(this.toWords(text), { rate });
    return options.wordStartsMs === undefined ? timeline : alignToWordTimes(timeline, options.wordStartsMs);
  }
}

function checkText(text: unknown, method: string): void {
  if (typeof text !== 'string') throw new TypeError(`TextToVisemes.${method}: text must be a string, got ${text === null ? 'null' : typeof text}.`);
}
