import { describe, expect, it } from 'vitest';
import { isVowelPhone } from '../../../../plugin/motion/speech/arpabet';
import { alignToWordTimes, MAX_WORD_STRETCH } from '../../../../plugin/motion/speech/alignToWordTimes';
import { PhonemeDictionary } from '../../../../plugin/motion/speech/PhonemeDictionary';
import { PAUSE_DURATIONS_MS } from '../../../../plugin/motion/speech/phoneDurations';
import { TextToVisemes } from '../../../../plugin/motion/speech/TextToVisemes';
import { LEAD_IN_MS, TAIL_MS, type VisemeTimeline } from '../../../../plugin/motion/speech/visemeTimeline';
import { phoneToVisemes } from '../../../../plugin/motion/speech/visemes';

/** A small dictionary, so these tests do not depend on the CMU one. */
const WORDS = {
  hello: 'HH AH0 L OW1', world: 'W ER1 L D', bob: 'B AA1 B', may: 'M EY1', bring: 'B R IH1 NG',
  me: 'M IY1', a: 'AH0', map: 'M AE1 P', the: 'DH AH0', ship: 'SH IH1 P', sails: 'S EY1 L Z', at: 'AE1 T', dawn: 'D AO1 N',
};
const TEXT = 'Hello world, Bob may bring me a map. The ship sails at dawn!';
/** Word alignment is exact by construction; this allows for float rounding only. */
const ALIGNMENT_TOLERANCE_MS = 1e-6;

const textToVisemes = new TextToVisemes(new PhonemeDictionary(WORDS));

const spoken = (timeline: VisemeTimeline) => timeline.segments.filter((s) => s.viseme !== 'sil' || s.wordIndex >= 0);
const lengths = (timeline: VisemeTimeline) => timeline.segments.map((s) => s.endMs - s.startMs);

/** The visemes a phone sequence should give, worked out independently of the timeline builder. */
function expectedVisemes(phones: readonly string[]): string[] {
  return phones.flatMap((phone, i) => (phone === 'HH' && phones[i + 1] && isVowelPhone(phones[i + 1]) ? [phoneToVisemes(phones[i + 1])[0]] : [...phoneToVisemes(phone)]));
}

function expectContiguous(timeline: VisemeTimeline): void {
  expect(timeline.segments[0].startMs).toBe(0);
  timeline.segments.forEach((segment, i) => {
    expect(segment.endMs).toBeGreaterThanOrEqual(segment.startMs);
    if (i > 0) expect(segment.startMs).toBeCloseTo(timeline.segments[i - 1].endMs, 9);
  });
  expect(timeline.segments.at(-1)!.endMs).toBeCloseTo(timeline.durationMs, 9);
}

describe('buildVisemeTimeline', () => {
  it('keeps the phone order: its visemes are the phones’ visemes in sequence', () => {
    const timeline = textToVisemes.toTimeline(TEXT);
    expectContiguous(timeline);
    expect(timeline.words.map((w) => w.text)).toEqual(TEXT.match(/[A-Za-z]+/g));
    const phones = timeline.words.flatMap((w) => w.phonemes);
    expect(spoken(timeline).map((s) => s.viseme)).toEqual(expectedVisemes(phones));
    expect(spoken(timeline).map((s) => s.phoneme).filter((p, i, all) => p !== all[i - 1])).toEqual(phones);
    // HH takes the shape of the vowel after it; the diphthong OW glides oh → ou.
    expect(spoken(timeline).slice(0, 5).map((s) => s.viseme)).toEqual(['aa', 'aa', 'nn', 'oh', 'ou']);
  });

  it('starts with a lead-in and ends with a tail of silence, with punctuation pauses between', () => {
    const timeline = textToVisemes.toTimeline(TEXT);
    expect(timeline.segments[0]).toMatchObject({ viseme: 'sil', startMs: 0, endMs: LEAD_IN_MS });
    expect(lengths(timeline).at(-1)).toBeCloseTo(TAIL_MS, 9);
    const pauses = timeline.segments.filter((s, i) => s.viseme === 'sil' && i > 0 && i < timeline.segments.length - 1);
    expect(pauses.map((s) => s.endMs - s.startMs)).toEqual([PAUSE_DURATIONS_MS.comma, PAUSE_DURATIONS_MS.sentence]);
  });

  it('makes stressed vowels longer than unstressed ones and stops shorter than vowels', () => {
    const timeline = textToVisemes.toTimeline('bob a map');
    const of = (phoneme: string) => timeline.segments.filter((s) => s.phoneme === phoneme).reduce((sum, s) => sum + s.endMs - s.startMs, 0);
    expect(of('AA1')).toBeGreaterThan(of('AH0'));
    expect(of('P')).toBeLessThan(of('AE1'));
  });

  it('scales every phone and pause with the rate, but not the lead-in and tail', () => {
    const normal = textToVisemes.toTimeline(TEXT, { rate: 1 });
    const fast = textToVisemes.toTimeline(TEXT, { rate: 2 });
    const slow = textToVisemes.toTimeline(TEXT, { rate: 0.5 });
    const normalLengths = lengths(normal);
    const inner = (values: number[]) => values.slice(1, -1);
    inner(lengths(fast)).forEach((length, i) => expect(length).toBeCloseTo(inner(normalLengths)[i] / 2, 9));
    inner(lengths(slow)).forEach((length, i) => expect(length).toBeCloseTo(inner(normalLengths)[i] * 2, 9));
    expect(fast.segments.map((s) => s.viseme)).toEqual(normal.segments.map((s) => s.viseme));
    expect(fast.durationMs - LEAD_IN_MS - TAIL_MS).toBeCloseTo((normal.durationMs - LEAD_IN_MS - TAIL_MS) / 2, 9);
    expect(() => textToVisemes.toTimeline(TEXT, { rate: 0 })).toThrow(RangeError);
    expect(() => textToVisemes.toTimeline(TEXT, { rate: Number.NaN })).toThrow(/rate NaN/);
  });

  it('gives an empty timeline for text with nothing to say', () => {
    for (const text of ['', '   ', '?!', '🙂']) expect(textToVisemes.toTimeline(text)).toEqual({ durationMs: 0, segments: [], words: [] });
  });
});

describe('alignToWordTimes', () => {
  const starts = [100, 450, 820, 900, 1400, 1500, 1510, 1800, 2600, 2700, 3100, 3400, 3500];

  it('puts each word’s first viseme at its given time, in order', () => {
    const natural = textToVisemes.toTimeline(TEXT);
    const aligned = alignToWordTimes(natural, starts);
    expectContiguous(aligned);
    aligned.words.forEach((word, i) => {
      const first = aligned.segments.find((s) => s.wordIndex === i)!;
      expect(Math.abs(first.startMs - starts[i])).toBeLessThan(ALIGNMENT_TOLERANCE_MS);
      expect(word.startMs).toBe(starts[i]);
      if (i + 1 < starts.length) expect(word.endMs).toBeLessThanOrEqual(starts[i + 1] + ALIGNMENT_TOLERANCE_MS);
    });
    expect(spoken(aligned).map((s) => s.viseme)).toEqual(spoken(natural).map((s) => s.viseme));
  });

  it('squeezes a word that has too little time and draws out one with too much, at most MAX_WORD_STRETCH', () => {
    const natural = textToVisemes.toTimeline(TEXT);
    const aligned = alignToWordTimes(natural, starts);
    const length = (t: VisemeTimeline, i: number) => t.words[i].endMs - t.words[i].startMs;
    expect(length(aligned, 5)).toBeCloseTo(10, 9); // "bring" gets 10 ms before "me"
    expect(length(aligned, 7)).toBeCloseTo(length(natural, 7) * MAX_WORD_STRETCH, 9); // "map" has 800 ms
    expect(length(aligned, 12)).toBeCloseTo(length(natural, 12), 9); // the last word keeps its length
    expect(aligned.durationMs).toBeCloseTo(starts[12] + length(natural, 12) + TAIL_MS, 9);
  });

  it('is what toTimeline does with wordStartsMs', () => {
    expect(textToVisemes.toTimeline(TEXT, { wordStartsMs: starts })).toEqual(alignToWordTimes(textToVisemes.toTimeline(TEXT), starts));
  });

  it('refuses a wrong count, times going back, and times that are not finite', () => {
    const natural = textToVisemes.toTimeline('hello world');
    expect(() => alignToWordTimes(natural, [0])).toThrow(/1 word times for 2 words/);
    expect(() => alignToWordTimes(natural, [300, 200])).toThrow(/before word 0/);
    expect(() => alignToWordTimes(natural, [0, Number.NaN])).toThrow(RangeError);
    expect(() => alignToWordTimes(natural, [-5, 10])).toThrow(RangeError);
  });
});
