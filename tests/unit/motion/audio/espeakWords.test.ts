// AudioMouthAnalyser on words spoken by espeak-ng with known boundaries: open within words, closed in the gaps, late by at most one window.
import { describe, expect, it } from 'vitest';
import { AudioMouthAnalyser } from '../../../../plugin/motion/audio/AudioMouthAnalyser';
import { analyseSignal } from './analyseSignal';
import { loadSpeechFixture, SPEECH_FIXTURE_NAMES, voicedOnset } from './speechFixtures';

/** A word's mouth opens at least this far at its widest (espeak's "see", the narrowest word, reaches about 0.23). */
const WORD_MIN_PEAK_JAW = 0.18;
/** The mouth counts as open from this jawOpen on... */
const OPEN_JAW = 0.1;
/** ...and as closed under this one. */
const CLOSED_JAW = 0.02;
/** After a word ends, the mouth has this many release time constants to close (e^-4 ≈ 2 % of its opening). */
const CLOSING_TIME_CONSTANTS = 4;

describe.each(SPEECH_FIXTURE_NAMES)('espeak-ng words: %s', (name) => {
  const fixture = loadSpeechFixture(name);
  const analyser = new AudioMouthAnalyser(fixture.sampleRate);
  const windows = analyseSignal(analyser, fixture.samples);
  const { windowMs, releaseMs } = analyser.options;
  const toMs = (sample: number) => (sample / fixture.sampleRate) * 1000;

  it('opens the mouth within every word', () => {
    for (const word of fixture.words) {
      const inside = windows.filter((w) => w.endSample > word.startSample && w.endSample <= word.endSample + analyser.windowSamples);
      expect(Math.max(...inside.map((w) => w.jawOpen)), word.word).toBeGreaterThan(WORD_MIN_PEAK_JAW);
    }
  });

  it('keeps the mouth closed in the gaps once the last word has died away', () => {
    const gaps = [{ from: 0, to: fixture.words[0].startSample }];
    fixture.words.forEach((word, i) => {
      const settled = word.endSample + Math.round(((windowMs + CLOSING_TIME_CONSTANTS * releaseMs) / 1000) * fixture.sampleRate);
      gaps.push({ from: settled, to: fixture.words[i + 1]?.startSample ?? fixture.samples.length });
    });
    for (const gap of gaps) {
      const inGap = windows.filter((w) => w.endSample >= gap.from && w.endSample <= gap.to);
      expect(inGap.length).toBeGreaterThan(5);
      for (const w of inGap) expect(w.jawOpen, `at ${w.endMs.toFixed(0)} ms`).toBeLessThan(CLOSED_JAW);
      expect(inGap.filter((w) => w.endSample > gap.from + analyser.windowSamples).every((w) => w.viseme === 'sil')).toBe(true);
    }
  });

  it('opens no later than one window after the first vowel of each word', () => {
    for (const word of fixture.words) {
      const vowelStart = voicedOnset(fixture.samples, fixture.sampleRate, word.startSample, word.endSample);
      expect(vowelStart, word.word).toBeGreaterThan(0);
      const opened = windows.find((w) => w.endSample >= word.startSample && w.jawOpen >= OPEN_JAW);
      expect(opened, word.word).toBeDefined();
      expect(toMs(opened!.endSample - vowelStart), word.word).toBeLessThanOrEqual(windowMs);
    }
  });
});
