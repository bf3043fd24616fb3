// Test helper: the espeak-ng word fixtures (tests/fixtures/audio) with their known word boundaries.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readWav } from './readWav';

/** One spoken word of a fixture: where it starts and ends, in samples. */
export interface FixtureWord {
  word: string;
  startSample: number;
  endSample: number;
}

/** A fixture: its samples and words. */
export interface SpeechFixture {
  name: string;
  sampleRate: number;
  samples: Float32Array;
  words: FixtureWord[];
}

/** The fixtures made by tools/audio/make-speech-fixtures.mjs. */
export const SPEECH_FIXTURE_NAMES = ['words-father-see-moon', 'words-hello-yes-sister'] as const;

const FIXTURE_DIR = new URL('../../../fixtures/audio/', import.meta.url);

/** Loads a fixture's WAV and boundaries; checks they agree. */
export function loadSpeechFixture(name: string): SpeechFixture {
  const { sampleRate, samples } = readWav(fileURLToPath(new URL(`${name}.wav`, FIXTURE_DIR)));
  const meta = JSON.parse(readFileSync(fileURLToPath(new URL(`${name}.json`, FIXTURE_DIR)), 'utf8')) as { sampleRate: number; lengthSamples: number; words: FixtureWord[] };
  if (meta.sampleRate !== sampleRate || meta.lengthSamples !== samples.length) throw new Error(`${name}.json does not describe ${name}.wav; rerun tools/audio/make-speech-fixtures.mjs`);
  return { name, sampleRate, samples, words: meta.words };
}

/** RMS level, dBFS, of `samples` in [from, to). */
export function levelDb(samples: Float32Array, from: number, to: number): number {
  let square = 0;
  for (let i = from; i < to; i++) square += samples[i] * samples[i];
  return 10 * Math.log10(square / Math.max(1, to - from) + 1e-12);
}

/** Share of sign changes between neighbouring samples in [from, to): near 0.5 for hiss, under 0.1 for voiced speech. */
export function zeroCrossingRate(samples: Float32Array, from: number, to: number): number {
  let changes = 0;
  for (let i = from + 1; i < to; i++) if (samples[i] >= 0 !== samples[i - 1] >= 0) changes++;
  return changes / Math.max(1, to - from - 1);
}

/** Chunk used to find voiced onsets: 5 ms, shorter than any analysis window. */
export const ONSET_CHUNK_MS = 5;
/** A voiced chunk is at least this loud, dBFS (espeak-ng's vowels peak around -12). */
export const VOICED_LEVEL_DB = -30;
/** ...and crosses zero less often than this (sibilants cross at 0.3 and more). */
export const VOICED_MAX_ZCR = 0.15;

/** Sample where the first loud voiced 5 ms chunk after `from` ends (the first vowel of a word), or -1. */
export function voicedOnset(samples: Float32Array, sampleRate: number, from: number, to: number): number {
  const chunk = Math.round((ONSET_CHUNK_MS / 1000) * sampleRate);
  for (let s = from; s + chunk <= to; s++) {
    if (levelDb(samples, s, s + chunk) >= VOICED_LEVEL_DB && zeroCrossingRate(samples, s, s + chunk) < VOICED_MAX_ZCR) return s + chunk;
  }
  return -1;
}
