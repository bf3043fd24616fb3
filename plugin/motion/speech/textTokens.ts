// Splits a line of text into words and pauses, keeping where each word starts in the original text.

/** How long a punctuation pause is: a comma, a clause break (; : — parentheses, line break), a sentence end. */
export type PauseKind = 'comma' | 'clause' | 'sentence';

/** A word as written, with the index of its first character in the original text (for boundary events). */
export interface WordToken {
  readonly kind: 'word';
  readonly text: string;
  readonly charIndex: number;
}

/** A pause from punctuation; a run of punctuation gives one pause of its longest kind. */
export interface PauseToken {
  readonly kind: 'pause';
  readonly pause: PauseKind;
  readonly charIndex: number;
}

/** A word or a pause. */
export type TextToken = WordToken | PauseToken;

/** Symbols that are read as a word of their own. */
export const SPOKEN_SYMBOLS: { readonly [symbol: string]: string } = {
  '&': 'and', '%': 'percent', '+': 'plus', '@': 'at', '=': 'equals', '#': 'number',
};

const PAUSES: { readonly [char: string]: PauseKind } = {
  ',': 'comma', ';': 'clause', ':': 'clause', '—': 'clause', '–': 'clause', '(': 'clause', ')': 'clause', '\n': 'clause',
  '.': 'sentence', '!': 'sentence', '?': 'sentence', '…': 'sentence', '¡': 'sentence', '¿': 'sentence',
  '，': 'comma', '、': 'comma', '。': 'sentence', '！': 'sentence', '？': 'sentence', '；': 'clause', '：': 'clause',
};
const PAUSE_RANK: { readonly [K in PauseKind]: number } = { comma: 1, clause: 2, sentence: 3 };
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const DIGIT = /[0-9]/;
const APOSTROPHES = "'’ʼ";

/**
 * Words and pauses of `text`, in order. A word is a run of letters, marks and digits, joined
 * across an apostrophe or hyphen inside it ("don't", "well-known") and across ".", "," or ":" between
 * digits ("3.14", "1,000", "3:45"); a "-" right before a number belongs to it. Spoken symbols (& % + @ = #)
 * are words of their own. Anything else (spaces, emoji, other symbols) separates words silently.
 */
export function tokenizeText(text: string): TextToken[] {
  const chars = Array.from(String(text));
  const tokens: TextToken[] = [];
  let offset = 0;
  let i = 0;
  while (i < chars.length) {
    const char = chars[i];
    const startOffset = offset;
    if (isWordChar(char) || (char === '-' && DIGIT.test(chars[i + 1] ?? '') && !isWordChar(chars[i - 1] ?? ''))) {
      let end = i + 1;
      while (end < chars.length && (isWordChar(chars[end]) || joinsWord(chars, end))) end++;
      const word = chars.slice(i, end).join('');
      tokens.push({ kind: 'word', text: word, charIndex: startOffset });
      offset += word.length;
      i = end;
      continue;
    }
    if (Object.hasOwn(SPOKEN_SYMBOLS, char)) {
      tokens.push({ kind: 'word', text: char, charIndex: startOffset });
    } else if (Object.hasOwn(PAUSES, char)) {
      addPause(tokens, PAUSES[char], startOffset);
    } else if (char === '-' && chars[i - 1] === ' ' && chars[i + 1] === ' ') {
      addPause(tokens, 'clause', startOffset);
    }
    offset += char.length;
    i++;
  }
  return tokens;
}

function isWordChar(char: string): boolean {
  return WORD_CHAR.test(char);
}

/** True when chars[at] joins the word before it to the word after it. */
function joinsWord(chars: readonly string[], at: number): boolean {
  const char = chars[at];
  const before = chars[at - 1] ?? '';
  const after = chars[at + 1] ?? '';
  if (APOSTROPHES.includes(char)) return isWordChar(before) && /\p{L}/u.test(after);
  if (char === '-') return isWordChar(before) && isWordChar(after);
  if (char === '.' || char === ',' || char === ':') return DIGIT.test(before) && DIGIT.test(after);
  return false;
}

/** Appends a pause, or lengthens the previous one when punctuation follows punctuation. */
function addPause(tokens: TextToken[], pause: PauseKind, charIndex: number): void {
  const last = tokens[tokens.length - 1];
  if (last !== undefined && last.kind === 'pause') {
    if (PAUSE_RANK[pause] > PAUSE_RANK[last.pause]) tokens[tokens.length - 1] = { kind: 'pause', pause, charIndex: last.charIndex };
    return;
  }
  tokens.push({ kind: 'pause', pause, charIndex });
}
