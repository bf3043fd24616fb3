// AudioMouthAnalyser on synthetic speech sounds with known answers: silence, formant-filtered vowels, sibilant noise, onsets and offsets.
import { describe, expect, it } from 'vitest';
import { TalkingPortraitError } from '../../../../plugin/core/errors/TalkingPortraitError';
import { AudioCaptureError } from '../../../../plugin/core/errors/AudioCaptureError';
import { createAudioFeatures, SILENCE_DB } from '../../../../plugin/motion/audio/audioFeatures';
import { AudioMouthAnalyser } from '../../../../plugin/motion/audio/AudioMouthAnalyser';
import { SpectrumFeatureExtractor } from '../../../../plugin/motion/audio/SpectrumFeatureExtractor';
import { SPEECH_BLENDSHAPES, VISEME_SHAPES } from '../../../../plugin/motion/speech/visemeShapes';
import { VISEME_NAMES } from '../../../../plugin/motion/speech/visemes';
import { analyseSignal } from './analyseSignal';
import { concat, FRICATIVES, hiss, VOWELS, vowel } from './synthVoice';

const RATE = 48_000;
const JAW = SPEECH_BLENDSHAPES.indexOf('jawOpen');
const PUCKER = SPEECH_BLENDSHAPES.indexOf('mouthPucker');
const FUNNEL = SPEECH_BLENDSHAPES.indexOf('mouthFunnel');
const STRETCH = SPEECH_BLENDSHAPES.indexOf('mouthStretchLeft');
/** Formant estimates of a clean synthetic vowel land this close (relative) to the formants it was made with... */
const FORMANT_TOLERANCE = 0.15;
/** ...or this close, Hz, whichever is larger: at a 120 Hz pitch the harmonics sample the envelope every 120 Hz, and LPC leans to them. */
const FORMANT_TOLERANCE_HZ = 80;
/** A steady synthetic vowel's mouth moves less than this between windows once settled. */
const SETTLED_TOLERANCE = 0.02;

/** The analyser's last window after `samples`. */
function settle(samples: Float32Array, analyser = new AudioMouthAnalyser(RATE)) {
  const windows = analyseSignal(analyser, samples);
  return { analyser, last: windows[windows.length - 1], windows };
}

describe('SpectrumFeatureExtractor', () => {
  it('measures a full-scale sine at -3 dBFS, gain in dB, and silence at the floor', () => {
    const extractor = new SpectrumFeatureExtractor(RATE, 1200);
    const sine = Float32Array.from({ length: 1200 }, (_, i) => Math.sin((2 * Math.PI * 1000 * i) / RATE));
    const features = createAudioFeatures();
    extractor.extract(sine, 1, features);
    expect(features.levelDb).toBeCloseTo(-3.01, 1);
    extractor.extract(sine, 0.5, features);
    expect(features.levelDb).toBeCloseTo(-9.03, 1);
    extractor.extract(new Float32Array(1200), 1, features);
    expect(features.levelDb).toBe(SILENCE_DB);
    expect(() => extractor.extract(new Float32Array(100), 1, features)).toThrow(/1200 samples/);
  });

  it.each(Object.entries(VOWELS))('finds F1 and F2 of a synthetic "%s"', (_, formants) => {
    const { analyser } = settle(vowel(formants, RATE, 0.2));
    for (const [found, made] of [[analyser.features.f1Hz, formants[0].hz], [analyser.features.f2Hz, formants[1].hz]]) {
      expect(Math.abs(found - made)).toBeLessThan(Math.max(FORMANT_TOLERANCE * made, FORMANT_TOLERANCE_HZ));
    }
    expect(analyser.features.hissRatio).toBeLessThan(0.1);
  });

  it('hears "s" as hiss centred higher than "sh"', () => {
    const s = settle(hiss(RATE, 0.2, FRICATIVES.s)).analyser.features;
    const sh = settle(hiss(RATE, 0.2, FRICATIVES.sh)).analyser.features;
    expect(s.hissRatio).toBeGreaterThan(0.8);
    expect(sh.hissRatio).toBeGreaterThan(0.5);
    expect(s.hissCentroidHz).toBeGreaterThan(sh.hissCentroidHz + 1500);
  });
});

describe('AudioMouthAnalyser', () => {
  it('keeps the mouth closed in silence and under the noise gate', () => {
    for (const quiet of [new Float32Array(RATE / 4), vowel(VOWELS.ah, RATE, 0.25, 120, -60)]) {
      const { analyser, windows } = settle(quiet);
      expect(windows.every((w) => w.mouth.every((v) => v === 0))).toBe(true);
      expect(analyser.currentViseme).toBe('sil');
      expect(analyser.hearing).toBe(false);
    }
  });

  it.each([
    ['ah', 'aa'], ['ee', 'ih'], ['oo', 'ou'], ['eh', 'E'], ['aw', 'oh'],
  ] as const)('opens the mouth for "%s" with the viseme %s', (name, viseme) => {
    const { analyser, last } = settle(vowel(VOWELS[name], RATE, 0.3));
    expect(last.viseme).toBe(viseme);
    expect(analyser.hearing).toBe(true);
    expect(last.jawOpen).toBeGreaterThan(0.12);
  });

  it('opens "ah" wider than "ee", rounds "oo" and spreads "ee"', () => {
    const ah = settle(vowel(VOWELS.ah, RATE, 0.3)).last.mouth;
    const ee = settle(vowel(VOWELS.ee, RATE, 0.3)).last.mouth;
    const oo = settle(vowel(VOWELS.oo, RATE, 0.3)).last.mouth;
    expect(ah[JAW]).toBeGreaterThan(0.4);
    expect(ah[JAW]).toBeGreaterThan(1.5 * ee[JAW]);
    expect(oo[PUCKER]).toBeGreaterThan(0.4);
    expect(oo[PUCKER]).toBeGreaterThan(3 * ee[PUCKER]);
    expect(ee[STRETCH]).toBeGreaterThan(2 * oo[STRETCH]);
  });

  it('makes "s" a narrow SS and "sh" a funnelled CH', () => {
    const s = settle(hiss(RATE, 0.3, FRICATIVES.s));
    const sh = settle(hiss(RATE, 0.3, FRICATIVES.sh));
    expect(s.last.viseme).toBe('SS');
    expect(s.last.jawOpen).toBeLessThan(0.08);
    expect(sh.last.viseme).toBe('CH');
    expect(sh.last.mouth[FUNNEL]).toBeGreaterThan(0.15);
  });

  it('opens wider for louder speech, and gain makes a quiet voice count', () => {
    const soft = settle(vowel(VOWELS.ah, RATE, 0.3, 120, -40)).last.jawOpen;
    const loud = settle(vowel(VOWELS.ah, RATE, 0.3, 120, -25)).last.jawOpen;
    expect(loud).toBeGreaterThan(soft + 0.2);
    const whisper = vowel(VOWELS.ah, RATE, 0.3, 120, -56);
    expect(settle(whisper).last.jawOpen).toBe(0);
    expect(settle(whisper, new AudioMouthAnalyser(RATE, { gain: 10 })).last.jawOpen).toBeGreaterThan(0.2);
  });

  it('opens within one window of a vowel onset and closes after it stops', () => {
    const analyser = new AudioMouthAnalyser(RATE);
    // The onset is off the hop grid on purpose (137 ms): the worst case lies between hops.
    const onset = Math.round(0.137 * RATE);
    const offset = onset + Math.round(0.3 * RATE);
    const windows = analyseSignal(analyser, concat(new Float32Array(onset), vowel(VOWELS.ah, RATE, 0.3), new Float32Array(RATE / 2)));
    const steady = windows.find((w) => w.endSample >= offset)!.jawOpen;
    const opened = windows.find((w) => w.jawOpen >= 0.5 * steady)!;
    const latencyMs = ((opened.endSample - onset) / RATE) * 1000;
    expect(latencyMs).toBeGreaterThan(0);
    expect(latencyMs).toBeLessThanOrEqual(analyser.options.windowMs);
    const closed = windows.find((w) => w.endSample > offset && w.jawOpen <= 0.5 * steady)!;
    expect(((closed.endSample - offset) / RATE) * 1000).toBeLessThanOrEqual(analyser.options.windowMs + analyser.options.releaseMs);
    expect(windows[windows.length - 1].jawOpen).toBeLessThan(0.01);
  });

  it('shows the text speech viseme shapes (VISEME_SHAPES), blended by the viseme weights', () => {
    const { analyser, last } = settle(vowel(VOWELS.ah, RATE, 0.4, 120, -12));
    const weights = analyser.visemeWeights;
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    SPEECH_BLENDSHAPES.forEach((name, c) => {
      let expected = 0;
      VISEME_NAMES.forEach((viseme, v) => (expected += weights[v] * (VISEME_SHAPES[viseme][name] ?? 0)));
      // A steady vowel has settled: the smoothed mouth sits on its target.
      expect(Math.abs(last.mouth[c] - expected)).toBeLessThan(SETTLED_TOLERANCE);
    });
  });

  it('names the option, the value and the range when options are wrong', () => {
    expect(() => new AudioMouthAnalyser(RATE, { windowMs: 500 })).toThrow(/AudioMouthAnalyser: options.windowMs must lie in \[8, 100\], got 500/);
    expect(() => new AudioMouthAnalyser(RATE, { hopMs: 40 })).toThrow(/options.hopMs must lie in \[1, 25\]/);
    expect(() => new AudioMouthAnalyser(RATE, { noiseGateDb: -20, fullLevelDb: -30 })).toThrow(/fullLevelDb \(-30\) must be above options.noiseGateDb \(-20\)/);
    expect(() => new AudioMouthAnalyser(RATE, { gain: Number.NaN })).toThrow(RangeError);
    expect(() => new AudioMouthAnalyser(Number.NaN)).toThrow(/sampleRate/);
    expect(() => new AudioMouthAnalyser(RATE, null as never)).toThrow(TypeError);
  });

  it('reports a refused capture as a named TalkingPortraitError with what to do', () => {
    const error = new AudioCaptureError('the worklet module did not load');
    expect(error).toBeInstanceOf(TalkingPortraitError);
    expect(error.name).toBe('AudioCaptureError');
    expect(error.message).toMatch(/did not load\. Use mode 'auto' or 'analyser'/);
  });
});
