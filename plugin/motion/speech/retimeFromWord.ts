// Live word sync: re-times a line so one word starts now, keeping the natural spacing of the words after it.
import { alignToWordTimes } from './alignToWordTimes';
import type { VisemeTimeline } from './visemeTimeline';

/**
 * `laidOut` re-timed so that word `wordIndex` starts at `atMs` (ms into the line): words before it
 * keep their times in `current` (pulled back to `atMs` if they had not started yet), words after
 * it keep their spacing from `laidOut`. For boundary events that arrive while the line plays.
 * RangeError for an index outside the line's words.
 */
export function retimeFromWord(laidOut: VisemeTimeline, current: VisemeTimeline, wordIndex: number, atMs: number): VisemeTimeline {
  const words = current.words;
  if (!Number.isInteger(wordIndex) || wordIndex < 0 || wordIndex >= words.length) {
    throw new RangeError(`SpeechSource.syncWord: word ${wordIndex} is not a word of the current line (0..${words.length - 1}); see currentTimeline.words.`);
  }
  const natural = laidOut.words;
  const at = Math.max(0, atMs);
  const starts = words.map((word, j) => (j < wordIndex ? Math.min(word.startMs, at) : at + natural[j].startMs - natural[wordIndex].startMs));
  return alignToWordTimes(laidOut, starts);
}
