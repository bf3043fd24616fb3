// A compact set of English spelling → ARPAbet rules, for words the dictionary lacks (names like "Zorblax").

/**
 * One rule: `[left, letters, right, phones]`. The rule applies where `letters` is spelled and
 * the text before it ends with `left` and the text after it starts with `right`; the first rule
 * that applies wins, so specific rules come first. `phones` are ARPAbet without stress ('' for a
 * silent letter). Contexts are regular expressions with shorthands:
 * V a vowel letter (a e i o u y), C a consonant letter, F a front vowel (e i y: soft c and g),
 * `#` the edge of the word, E a "magic e" ending (e, es, ed, ely, ing: "make", "makes", "making").
 * Written for this plugin from common English spelling patterns; not exhaustive, just plausible.
 */
export type LetterToSoundRule = readonly [left: string, letters: string, right: string, phones: string];

/** Rules, grouped by nothing: the engine indexes them by their first letter, keeping this order. */
export const LETTER_TO_SOUND_RULES: readonly LetterToSoundRule[] = [
  // a
  ['', 'aught', '', 'AO T'], ['', 'augh', '', 'AO'], ['', 'au', '', 'AO'], ['', 'aw', '', 'AO'],
  ['', 'air', '', 'EH R'], ['', 'ai', '', 'EY'], ['', 'ay', '', 'EY'], ['', 'ae', '', 'EY'],
  ['', 'are', '#', 'AA R'], ['', 'ar', '', 'AA R'], ['', 'all', '', 'AO L'], ['', 'alk', '', 'AO K'],
  ['', 'a', 'CE', 'EY'], ['', 'a', 'tion', 'EY'], ['', 'a', 'nge', 'EY'], ['V.*', 'a', 'l#', 'AH'], ['', 'a', '#', 'AH'],
  ['V.*', 'a', 'Ch?V', 'AH'], ['', 'a', 'V', 'AA'], ['', 'a', '', 'AE'],
  // e
  ['', 'eau', '', 'OW'], ['', 'eigh', '', 'EY'], ['', 'ee', '', 'IY'], ['', 'ea', '', 'IY'], ['', 'ei', '', 'EY'],
  ['', 'ey', '#', 'IY'], ['', 'ey', '', 'EY'], ['', 'eu', '', 'UW'], ['', 'ew', '', 'UW'],
  ['', 'er', 'V', 'EH R'], ['', 'er', '', 'ER'],
  ['(?:s|z|x|ch|sh|c|g)', 'e', 's#', 'IH'], ['(?:t|d)', 'e', 'd#', 'IH'],
  ['V.*C', 'e', '#', ''], ['V.*C', 'e', '(?:s|d|ly|ment)#', ''], ['#C*', 'e', '#', 'IY'],
  ['', 'e', 'CE', 'IY'], ['', 'e', 'V', 'IY'], ['', 'e', '#', ''], ['', 'e', '', 'EH'],
  // i
  ['', 'igh', '', 'AY'], ['', 'ie', '#', 'IY'], ['', 'ie', 'C', 'IY'], ['', 'ir', '(?:C|#)', 'ER'],
  ['', 'i', 'CE', 'AY'], ['', 'i', 'ld#', 'AY'], ['', 'i', 'nd#', 'AY'], ['', 'i', '#', 'IY'], ['', 'i', 'V', 'IY'],
  ['', 'i', '', 'IH'],
  // o
  ['', 'ough', '', 'AO'], ['', 'ould', '', 'UH D'], ['', 'oo', 'k', 'UH'], ['', 'oo', '', 'UW'], ['', 'ou', '', 'AW'],
  ['', 'ow', '#', 'OW'], ['', 'ow', '', 'AW'], ['', 'oi', '', 'OY'], ['', 'oy', '', 'OY'], ['', 'oa', '', 'OW'],
  ['', 'oe', '#', 'OW'], ['', 'or', '', 'AO R'], ['', 'o', 'CE', 'OW'], ['', 'o', 'ld', 'OW'], ['', 'o', '#', 'OW'],
  ['', 'o', 'V', 'OW'], ['', 'o', 'Ch?V', 'OW'], ['', 'o', '', 'AA'],
  // u
  ['', 'ur', '(?:C|#)', 'ER'], ['', 'ue', '#', 'UW'], ['', 'ui', '', 'UW'], ['(?:[bcfghkmpv])', 'u', 'CE', 'Y UW'], ['', 'u', 'CE', 'UW'], ['#', 'u', 'n', 'AH'],
  ['', 'u', '(?:CC|C#)', 'AH'], ['', 'u', '(?:#|V|CV)', 'UW'], ['', 'u', '', 'AH'],
  // y
  ['(?:#|V)', 'y', 'V', 'Y'], ['#C+', 'y', '#', 'AY'], ['', 'y', '#', 'IY'], ['', 'y', 'CE', 'AY'], ['', 'y', '', 'IH'],
  // consonants
  ['m', 'b', '#', ''], ['', 'bb', '', 'B'], ['', 'b', '', 'B'],
  ['', 'ch', 'r', 'K'], ['', 'ch', '', 'CH'], ['', 'ck', '', 'K'], ['', 'cc', 'F', 'K S'], ['', 'cc', '', 'K'],
  ['', 'ci', 'V', 'SH'], ['', 'c', 'F', 'S'], ['', 'c', '', 'K'],
  ['', 'dge', '', 'JH'], ['', 'dd', '', 'D'], ['', 'd', '', 'D'],
  ['', 'ff', '', 'F'], ['', 'f', '', 'F'],
  ['#', 'gh', '', 'G'], ['', 'gh', '', ''], ['#', 'gn', '', 'N'], ['', 'gn', '#', 'N'], ['', 'gg', '', 'G'],
  ['', 'g', 'F', 'JH'], ['', 'g', '', 'G'],
  ['', 'h', 'V', 'HH'], ['', 'h', '', ''],
  ['', 'j', '', 'JH'],
  ['#', 'kn', '', 'N'], ['', 'kh', '', 'K'], ['', 'kk', '', 'K'], ['', 'k', '', 'K'],
  ['C', 'le', '#', 'AH L'], ['', 'll', '', 'L'], ['', 'l', '', 'L'],
  ['', 'mm', '', 'M'], ['', 'm', '', 'M'],
  ['', 'ng', '', 'NG'], ['', 'n', 'k', 'NG'], ['', 'nn', '', 'N'], ['', 'n', '', 'N'],
  ['', 'ph', '', 'F'], ['#', 'ps', '', 'S'], ['#', 'pn', '', 'N'], ['', 'pp', '', 'P'], ['', 'p', '', 'P'],
  ['', 'qu', '', 'K W'], ['', 'q', '', 'K'],
  ['', 'rh', '', 'R'], ['', 'rr', '', 'R'], ['', 'r', '', 'R'],
  ['', 'sch', '', 'S K'], ['', 'sh', '', 'SH'], ['V', 'sion', '', 'ZH AH N'], ['', 'sion', '', 'SH AH N'],
  ['', 'sure', '', 'SH ER'], ['', 'ss', '', 'S'], ['(?:[bdgvmnlrw]|[bdgvmnlrw]e|[aeiouy]e|(?:[sxzgc]|ch|sh)e)', 's', '#', 'Z'], ['', 's', '', 'S'],
  ['', 'tch', '', 'CH'], ['', 'tion', '', 'SH AH N'], ['', 'th', '', 'TH'], ['', 'tt', '', 'T'], ['', 't', '', 'T'],
  ['', 'v', '', 'V'],
  ['#', 'wr', '', 'R'], ['', 'wh', '', 'W'], ['', 'w', '', 'W'],
  ['#', 'x', '', 'Z'], ['', 'x', '', 'K S'],
  ['', 'zz', '', 'Z'], ['', 'z', '', 'Z'],
];
