// Numbers spelled out as English words, the simple way: "1234" → "one thousand two hundred thirty four".

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** Scale words for each group of three digits, lowest first. */
const SCALES = ['', 'thousand', 'million', 'billion', 'trillion'];
/** Longer digit strings are read digit by digit (phone numbers, serials), as people do. */
const MAX_GROUPED_DIGITS = SCALES.length * 3;
/** Irregular ordinals; the rest add "th" (or "ieth" for -ty). */
const ORDINALS: { readonly [word: string]: string } = {
  one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth',
};

/**
 * The words of a string of decimal digits ("0042" → ["forty", "two"]; "0" → ["zero"]).
 * Up to 15 digits are read as a number, longer strings digit by digit. Non-digits are ignored.
 */
export function digitsToWords(digits: string): string[] {
  const clean = digits.replace(/[^0-9]/g, '');
  if (clean === '') return [];
  if (clean.length > MAX_GROUPED_DIGITS) return Array.from(clean, (digit) => ONES[Number(digit)]);
  const trimmed = clean.replace(/^0+(?=\d)/, '');
  if (trimmed === '0') return ['zero'];
  const words: string[] = [];
  const groupCount = Math.ceil(trimmed.length / 3);
  for (let group = groupCount - 1; group >= 0; group--) {
    const end = trimmed.length - group * 3;
    const value = Number(trimmed.slice(Math.max(0, end - 3), end));
    if (value === 0) continue;
    words.push(...hundredsToWords(value));
    if (SCALES[group] !== '') words.push(SCALES[group]);
  }
  return words;
}

/** The words of each digit in turn ("14" → ["one", "four"]), for the part after a decimal point. */
export function digitByDigit(digits: string): string[] {
  return Array.from(digits.replace(/[^0-9]/g, ''), (digit) => ONES[Number(digit)]);
}

/** Turns the last word of a spelled-out number into its ordinal ("twenty", "one" → "twenty", "first"). */
export function toOrdinalWords(words: readonly string[]): string[] {
  if (words.length === 0) return [];
  const result = words.slice();
  const last = result[result.length - 1];
  result[result.length - 1] = Object.hasOwn(ORDINALS, last) ? ORDINALS[last] : last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`;
  return result;
}

/** 1..999 as words. */
function hundredsToWords(value: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  if (hundreds > 0) words.push(ONES[hundreds], 'hundred');
  if (rest >= 20) {
    words.push(TENS[Math.floor(rest / 10)]);
    if (rest % 10 > 0) words.push(ONES[rest % 10]);
  } else if (rest > 0) {
    words.push(ONES[rest]);
  }
  return words;
}
