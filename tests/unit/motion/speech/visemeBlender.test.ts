import { describe, expect, it } from 'vitest';
import { PhonemeDictionary } from '../../../../plugin/motion/speech/PhonemeDictionary';
import { TextToVisemes } from '../../../../plugin/motion/speech/TextToVisemes';
import { VisemeBlender } from '../../../../plugin/motion/speech/VisemeBlender';
import { SPEECH_BLENDSHAPES, VISEME_SHAPES } from '../../../../plugin/motion/speech/visemeShapes';
import type { VisemeTimeline } from '../../../../plugin/motion/speech/visemeTimeline';
import { Viseme, VISEME_NAMES } from '../../../../plugin/motion/speech/visemes';

const WORDS = {
  bob: 'B AA1 B', may: 'M EY1', bring: 'B R IH1 NG', me: 'M IY1', a: 'AH0', map: 'M AE1 P', maybe: 'M EY1 B IY0',
  papa: 'P AA1 P AH0', made: 'M EY1 D', apple: 'AE1 P AH0 L', pie: 'P AY1', five: 'F AY1 V', fine: 'F AY1 N', fish: 'F IH1 SH',
  ah: 'AA1',
};
const LABIAL_TEXT = 'Bob may bring me a map, maybe papa made apple pie.';
const FAST_RATES = [2, 3];
/** Lip closures must get this close to their full shape even at FAST_RATES (measured ≥ 0.89 at rate 3, ≥ 0.95 at 2). */
const CLOSURE_SHARE = 0.88;
/**
 * Largest jawOpen change in 1 ms: the jaw takes at least 50 ms to travel its speech range (0 → 0.6);
 * measured ≤ 0.015/ms at every rate. A snap from one viseme to the next would be ~0.5 in one step.
 */
const MAX_JAW_STEP_PER_MS = 0.02;
/**
 * Same for the lips, which close faster than the jaw moves: pressing shut for p/b/m takes about
 * 15–25 ms (measured ≤ 0.042/ms of mouthPress at every rate); a snap would be ~0.5 in one step.
 */
const MAX_LIP_STEP_PER_MS = 0.05;

const textToVisemes = new TextToVisemes(new PhonemeDictionary(WORDS));
const channel = (name: (typeof SPEECH_BLENDSHAPES)[number]) => SPEECH_BLENDSHAPES.indexOf(name);
const JAW = channel('jawOpen');

function evaluateAt(blender: VisemeBlender, timeMs: number): Float32Array {
  const out = new Float32Array(SPEECH_BLENDSHAPES.length);
  blender.evaluate(timeMs, out);
  return out;
}

/** Largest change of each channel between 1 ms samples, from 100 ms before the line to 100 ms after. */
function largestSteps(timeline: VisemeTimeline): Float32Array {
  const blender = new VisemeBlender(timeline);
  const previous = evaluateAt(blender, -100);
  const out = new Float32Array(SPEECH_BLENDSHAPES.length);
  const steps = new Float32Array(SPEECH_BLENDSHAPES.length);
  for (let t = -99; t <= timeline.durationMs + 100; t++) {
    blender.evaluate(t, out);
    for (let c = 0; c < out.length; c++) {
      steps[c] = Math.max(steps[c], Math.abs(out[c] - previous[c]));
      previous[c] = out[c];
    }
  }
  return steps;
}

describe('viseme shapes', () => {
  it('are ARKit weights in [0, 1] with plausible relations between visemes', () => {
    for (const name of VISEME_NAMES) {
      for (const value of Object.values(VISEME_SHAPES[name])) expect(value).toBeGreaterThanOrEqual(0);
      for (const value of Object.values(VISEME_SHAPES[name])) expect(value).toBeLessThanOrEqual(1);
      expect(VISEME_SHAPES[name].tongueOut ?? 0).toBe(0);
    }
    expect(VISEME_SHAPES.sil).toEqual({});
    const jaw = (name: keyof typeof VISEME_SHAPES) => VISEME_SHAPES[name].jawOpen ?? 0;
    expect(jaw('aa')).toBeGreaterThan(jaw('oh'));
    expect(jaw('oh')).toBeGreaterThan(jaw('E'));
    expect(jaw('E')).toBeGreaterThan(jaw('ih'));
    expect(Math.max(...VISEME_NAMES.filter((n) => n !== 'PP').map(jaw))).toBeGreaterThan(jaw('PP') * 5);
    expect(VISEME_SHAPES.E.mouthSmileLeft).toBeGreaterThan(0);
    expect(VISEME_SHAPES.ih.mouthSmileRight).toBeGreaterThan(0);
    expect(VISEME_SHAPES.ou.mouthPucker).toBeGreaterThan(VISEME_SHAPES.oh.mouthPucker!);
    expect(VISEME_SHAPES.FF.mouthRollLower).toBeGreaterThan(0.4);
  });
});

describe('VisemeBlender', () => {
  it('takes p, b and m to pressed, sealed lips even in fast speech', () => {
    for (const rate of [1, ...FAST_RATES]) {
      const timeline = textToVisemes.toTimeline(LABIAL_TEXT, { rate });
      const blender = new VisemeBlender(timeline);
      const closures = timeline.segments.filter((s) => s.viseme === 'PP');
      expect(closures.length).toBeGreaterThanOrEqual(12);
      for (const closure of closures) {
        const out = evaluateAt(blender, (closure.startMs + closure.endMs) / 2);
        expect(out[channel('mouthPressLeft')]).toBeGreaterThan(VISEME_SHAPES.PP.mouthPressLeft! * CLOSURE_SHARE);
        expect(out[channel('mouthRollLower')]).toBeGreaterThan(VISEME_SHAPES.PP.mouthRollLower! * CLOSURE_SHARE);
        // mouthClose cancels jawOpen on the lips: equal means sealed, whatever the jaw does.
        expect(out[channel('mouthClose')]).toBeGreaterThan(out[JAW] * CLOSURE_SHARE);
      }
    }
  });

  it('tucks the lower lip for f and v in fast speech', () => {
    const timeline = textToVisemes.toTimeline('five fine fish', { rate: FAST_RATES[0] });
    const blender = new VisemeBlender(timeline);
    for (const segment of timeline.segments.filter((s) => s.viseme === 'FF')) {
      expect(evaluateAt(blender, (segment.startMs + segment.endMs) / 2)[channel('mouthRollLower')]).toBeGreaterThan(VISEME_SHAPES.FF.mouthRollLower! * CLOSURE_SHARE);
    }
  });

  it('never snaps: the jaw and lips change by a small step per millisecond at any rate', () => {
    for (const rate of [0.5, 1, 2, 4]) {
      const steps = largestSteps(textToVisemes.toTimeline(LABIAL_TEXT, { rate }));
      expect(steps[JAW]).toBeLessThan(MAX_JAW_STEP_PER_MS);
      expect(Math.max(...steps)).toBeLessThan(MAX_LIP_STEP_PER_MS);
    }
    // Also when word alignment squeezes words hard.
    const squeezed = textToVisemes.toTimeline('bob may bring me', { wordStartsMs: [0, 40, 80, 120] });
    expect(largestSteps(squeezed)[JAW]).toBeLessThan(MAX_JAW_STEP_PER_MS);
  });

  it('holds a long vowel’s own shape in its middle and is silent outside the line', () => {
    const timeline = textToVisemes.toTimeline('ah', { rate: 0.5 });
    const blender = new VisemeBlender(timeline);
    const vowel = timeline.segments.find((s) => s.viseme === 'aa')!;
    const middle = evaluateAt(blender, (vowel.startMs + vowel.endMs) / 2);
    expect(middle[JAW]).toBeCloseTo(VISEME_SHAPES.aa.jawOpen!, 3);
    expect(middle[channel('mouthLowerDownLeft')]).toBeCloseTo(VISEME_SHAPES.aa.mouthLowerDownLeft!, 3);
    for (const t of [-1000, -50, timeline.durationMs + 50, 1e9]) expect(Math.max(...evaluateAt(blender, t))).toBe(0);
    // The jaw rises and falls smoothly around the vowel: halfway up at most at the vowel's start.
    expect(evaluateAt(blender, vowel.startMs)[JAW]).toBeLessThan(VISEME_SHAPES.aa.jawOpen! * 0.75);
    expect(evaluateAt(blender, vowel.startMs)[JAW]).toBeGreaterThan(0.05);
  });

  it('keeps every weight in [0, 1] and names the viseme playing at any time', () => {
    const timeline = textToVisemes.toTimeline(LABIAL_TEXT, { rate: 1.5 });
    const blender = new VisemeBlender(timeline);
    const out = new Float32Array(SPEECH_BLENDSHAPES.length);
    for (let t = -20; t < timeline.durationMs + 20; t += 3) {
      blender.evaluate(t, out);
      expect(Math.min(...out)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...out)).toBeLessThanOrEqual(1);
    }
    for (const segment of timeline.segments) {
      if (segment.endMs > segment.startMs) expect(VISEME_NAMES[blender.visemeAt((segment.startMs + segment.endMs) / 2)]).toBe(segment.viseme);
    }
    expect(blender.visemeAt(-1)).toBe(Viseme.sil);
    expect(blender.visemeAt(timeline.durationMs)).toBe(Viseme.sil);
  });

  it('refuses segments out of order', () => {
    const timeline: VisemeTimeline = {
      durationMs: 100, words: [],
      segments: [{ viseme: 'aa', phoneme: 'AA1', startMs: 0, endMs: 60, wordIndex: 0 }, { viseme: 'PP', phoneme: 'P', startMs: 30, endMs: 100, wordIndex: 0 }],
    };
    expect(() => new VisemeBlender(timeline)).toThrow(/segment 1/);
  });
});
