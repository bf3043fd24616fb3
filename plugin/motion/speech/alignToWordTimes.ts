// Re-times a viseme timeline so each word starts when an outside clock says (TTS boundary events, audio timings).
import { TAIL_MS, type TimelineWord, type VisemeSegment, type VisemeTimeline } from './visemeTimeline';

/** A word given more time than it needs is drawn out at most this much; the rest is silence. */
export const MAX_WORD_STRETCH = 1.5;

/**
 * A copy of `timeline` whose word i starts at `wordStartsMs[i]` (ms from the start of the line;
 * one per timeline word, in order, never decreasing). Each word keeps its phones' proportions:
 * squeezed when the next word comes sooner than its natural length, drawn out up to
 * MAX_WORD_STRETCH when later, with silence filling the rest. The last word keeps its length.
 * Throws a RangeError for a wrong count, a negative or non-finite time, or times out of order.
 */
export function alignToWordTimes(timeline: VisemeTimeline, wordStartsMs: ArrayLike<number>): VisemeTimeline {
  const words = timeline.words;
  checkWordTimes(wordStartsMs, words.length);
  const segments: VisemeSegment[] = [];
  const alignedWords: TimelineWord[] = [];
  if (words.length === 0) return { durationMs: timeline.durationMs, segments: timeline.segments.slice(), words: alignedWords };
  let time = 0;
  const silenceUntil = (endMs: number) => {
    if (endMs > time) segments.push({ viseme: 'sil', phoneme: '', startMs: time, endMs, wordIndex: -1 });
    time = Math.max(time, endMs);
  };
  words.forEach((word, index) => {
    const start = wordStartsMs[index];
    silenceUntil(start);
    const natural = word.endMs - word.startMs;
    const available = index + 1 < words.length ? wordStartsMs[index + 1] - start : natural;
    const length = Math.min(natural * MAX_WORD_STRETCH, available);
    const scale = natural > 0 ? length / natural : 0;
    for (const segment of timeline.segments) {
      if (segment.wordIndex !== index) continue;
      segments.push({
        ...segment,
        startMs: start + (segment.startMs - word.startMs) * scale,
        endMs: start + (segment.endMs - word.startMs) * scale,
      });
    }
    time = start + length;
    alignedWords.push({ ...word, startMs: start, endMs: time });
  });
  silenceUntil(time + TAIL_MS);
  return { durationMs: time, segments, words: alignedWords };
}

function checkWordTimes(times: ArrayLike<number>, count: number): void {
  if (times === null || typeof times !== 'object' || typeof times.length !== 'number') {
    throw new TypeError(`alignToWordTimes: wordStartsMs must be an array of ms, got ${times === null ? 'null' : typeof times}.`);
  }
  if (times.length !== count) {
    throw new RangeError(`alignToWordTimes: got ${times.length} word times for ${count} words; give one start time per entry of timeline.words.`);
  }
  for (let i = 0; i < count; i++) {
    const time = times[i];
    if (typeof time !== 'number' || !(time >= 0) || !Number.isFinite(time)) {
      throw new RangeError(`alignToWordTimes: word time ${i} is ${String(time)}; times are finite ms ≥ 0 from the start of the line.`);
    }
    if (i > 0 && time < times[i - 1]) {
      throw new RangeError(`alignToWordTimes: word time ${i} (${time} ms) is before word ${i - 1} (${times[i - 1]} ms); times must not decrease.`);
    }
  }
}
