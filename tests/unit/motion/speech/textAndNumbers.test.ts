import { beforeAll, describe, expect, it } from 'vitest';
import { digitByDigit, digitsToWords, toOrdinalWords } from '../../../../plugin/motion/speech/numberWords';
import { tokenizeText } from '../../../../plugin/motion/speech/textTokens';
import { TextToVisemes } from '../../../../plugin/motion/speech/TextToVisemes';

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** Reads number words back into a number: an independent check of digitsToWords. */
function wordsToNumber(words: readonly string[]): number {
  let total = 0;
  let group = 0;
  for (const word of words) {
    if (word in SMALL) group += SMALL[word];
    else if (word === 'hundred') group *= 100;
    else if (word in SCALE) {
      total += group * SCALE[word];
      group = 0;
    } else throw new Error(`not a number word: ${word}`);
  }
  return total + group;
}

describe('number words', () => {
  it('spells every number from 0 to 9999 so that it reads back to itself', () => {
    for (let n = 0; n <= 9999; n++) {
      const words = digitsToWords(String(n));
      if (wordsToNumber(words) !== n || words.includes('zero') !== (n === 0)) expect.fail(`${n} → ${words.join(' ')}`);
    }
  });

  it('spells the usual shapes the usual way', () => {
    expect(digitsToWords('0').join(' ')).toBe('zero');
    expect(digitsToWords('42').join(' ')).toBe('forty two');
    expect(digitsToWords('1001').join(' ')).toBe('one thousand one');
    expect(digitsToWords('0042').join(' ')).toBe('forty two');
    expect(digitsToWords('1,234,567').join(' ')).toBe('one million two hundred thirty four thousand five hundred sixty seven');
    expect(digitsToWords('1234567890123').length).toBeGreaterThan(10);
    expect(digitsToWords('1234567890123456')).toHaveLength(16);
    expect(digitByDigit('140')).toEqual(['one', 'four', 'zero']);
    expect(toOrdinalWords(['twenty', 'one'])).toEqual(['twenty', 'first']);
    expect(toOrdinalWords(['twelve'])).toEqual(['twelfth']);
    expect(toOrdinalWords(['ninety'])).toEqual(['ninetieth']);
    expect(toOrdinalWords(['four'])).toEqual(['fourth']);
  });
});

describe('tokenizeText', () => {
  it('splits words and pauses and keeps each word’s index in the original text', () => {
    const text = "🙂 Hello, world! Don't—stop.";
    const tokens = tokenizeText(text);
    expect(tokens.map((t) => (t.kind === 'word' ? t.text : `<${t.pause}>`))).toEqual(['Hello', '<comma>', 'world', '<sentence>', "Don't", '<clause>', 'stop', '<sentence>']);
    for (const token of tokens) if (token.kind === 'word') expect(text.slice(token.charIndex, token.charIndex + token.text.length)).toBe(token.text);
  });

  it('keeps numbers, hyphenated words and contractions whole and merges runs of punctuation', () => {
    const words = (text: string) => tokenizeText(text).map((t) => (t.kind === 'word' ? t.text : `<${t.pause}>`));
    expect(words('At 3:45, pay 1,000.50 or -7 (well-known) gold?!')).toEqual(['At', '3:45', '<comma>', 'pay', '1,000.50', 'or', '-7', '<clause>', 'well-known', '<clause>', 'gold', '<sentence>']);
    expect(words('Wait... what')).toEqual(['Wait', '<sentence>', 'what']);
    expect(words('50% & more')).toEqual(['50', '%', '&', 'more']);
    expect(words('rock’n’roll')).toEqual(['rock’n’roll']);
  });
});

describe('TextToVisemes words', () => {
  let textToVisemes: TextToVisemes;
  beforeAll(async () => {
    textToVisemes = await TextToVisemes.CreateAsync();
  });

  const phonesOf = (text: string) => textToVisemes.toPhonemes(text).join(' ');

  it('reads numbers, ordinals, decimals, negatives and clock times', () => {
    expect(phonesOf('42')).toBe('F AO1 R T IY0 T UW1');
    expect(phonesOf('2024')).toBe(phonesOf('two thousand twenty four'));
    expect(phonesOf('21st')).toBe(phonesOf('twenty first'));
    expect(phonesOf('-3.5')).toBe(phonesOf('minus three point five'));
    expect(phonesOf('3:05')).toBe(phonesOf('three oh five'));
    expect(phonesOf('9:00')).toBe(phonesOf("nine o'clock"));
    expect(phonesOf('50%')).toBe(phonesOf('fifty percent'));
  });

  it('normalizes case, accents and punctuation, and spells unknown acronyms', () => {
    expect(phonesOf('HELLO, World!!')).toBe('HH AH0 L OW1 W ER1 L D');
    expect(phonesOf('café')).toBe(phonesOf('cafe'));
    expect(phonesOf('NPC')).toBe(phonesOf('en pee see'));
    expect(phonesOf('well-known')).toBe(phonesOf('well known'));
    expect(phonesOf("you're")).toBe('Y UH1 R');
  });

  it('gives other scripts a moving mouth instead of silence', () => {
    expect(textToVisemes.toPhonemes('Привет').length).toBeGreaterThanOrEqual(4);
    expect(textToVisemes.toPhonemes('日本語')).toHaveLength(6);
    expect(textToVisemes.toPhonemes('🙂🎉')).toEqual([]);
  });
});
