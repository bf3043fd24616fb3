import { describe, expect, it } from 'vitest';
import { Blendshape } from '../../../../plugin/core/arkitBlendshapes';
import { FaceControls } from '../../../../plugin/core/FaceControls';
import { HEAD_CHANNEL_COUNT, MOTION_CHANNEL_COUNT } from '../../../../plugin/motion/MotionSource';
import { PhonemeDictionary } from '../../../../plugin/motion/speech/PhonemeDictionary';
import { SpeechSource } from '../../../../plugin/motion/speech/SpeechSource';
import type { SpeechSourceOptions } from '../../../../plugin/motion/speech/speechSourceOptions';
import { TextToVisemes } from '../../../../plugin/motion/speech/TextToVisemes';
import { SPEECH_BLENDSHAPES } from '../../../../plugin/motion/speech/visemeShapes';

const WORDS = {
  hello: 'HH AH0 L OW1', there: 'DH EH1 R', traveller: 'T R AE1 V AH0 L ER0', bob: 'B AA1 B', ah: 'AA1', welcome: 'W EH1 L K AH0 M',
};
const TRANSITION_MS = 120;
const FADE_MS = 100;
/** Largest jawOpen change between 1 ms samples, also across interrupt and replace (see visemeBlender.test). */
const MAX_JAW_STEP_PER_MS = 0.02;
const T0 = 5000;

const textToVisemes = new TextToVisemes(new PhonemeDictionary(WORDS));
const SPEECH_INDICES = SPEECH_BLENDSHAPES.map((name) => Blendshape[name]);

function makeSource(options: SpeechSourceOptions = {}): SpeechSource {
  return new SpeechSource(textToVisemes, { transitionMs: TRANSITION_MS, fadeMs: FADE_MS, ...options });
}

/** Lets promise callbacks run. */
async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function tracked(promise: Promise<void>): { done: boolean } {
  const state = { done: false };
  void promise.then(() => {
    state.done = true;
  });
  return state;
}

/** Samples every ms from `from` to `to` inclusive; returns the largest jawOpen step. */
function sampleEveryMs(source: SpeechSource, out: FaceControls, from: number, to: number): number {
  let previous = out.weights[Blendshape.jawOpen];
  let largest = 0;
  for (let t = from; t <= to; t++) {
    source.sample(t, out);
    largest = Math.max(largest, Math.abs(out.weights[Blendshape.jawOpen] - previous));
    previous = out.weights[Blendshape.jawOpen];
  }
  return largest;
}

const speechChannels = (source: SpeechSource) => SPEECH_INDICES.map((i) => source.channels[HEAD_CHANNEL_COUNT + i]);

describe('SpeechSource', () => {
  it('drives only the jaw and mouth channels, and only while speaking', async () => {
    const source = makeSource();
    const out = new FaceControls();
    expect(source.channels).toHaveLength(MOTION_CHANNEL_COUNT);
    source.sample(T0, out);
    expect(Math.max(...source.channels)).toBe(0);
    const line = source.say('hello there traveller');
    const duration = () => source.currentTimeline!.durationMs;
    source.sample(T0 + 10, out);
    expect(source.lineTimeMs).toBe(0);
    source.sample(T0 + 10 + FADE_MS, out);
    expect(speechChannels(source).every((value) => value === 1)).toBe(true);
    const driven = new Set(SPEECH_INDICES.map((i) => HEAD_CHANNEL_COUNT + i));
    source.channels.forEach((value, i) => expect(value).toBe(driven.has(i) ? 1 : 0));
    expect(SPEECH_INDICES).toContain(Blendshape.jawOpen);
    expect(SPEECH_INDICES).not.toContain(Blendshape.eyeBlinkLeft);
    const end = T0 + 10 + duration();
    sampleEveryMs(source, out, T0 + 11 + FADE_MS, end + TRANSITION_MS + FADE_MS + 5);
    await line;
    expect(source.speaking).toBe(false);
    expect(Math.max(...source.channels)).toBe(0);
  });

  it('moves the mouth through the line’s visemes at the sampled times', () => {
    const source = makeSource();
    const out = new FaceControls();
    void source.say('bob ah');
    source.sample(T0, out);
    const timeline = source.currentTimeline!;
    for (const segment of timeline.segments) {
      const middle = (segment.startMs + segment.endMs) / 2;
      source.sample(T0 + middle, out);
      expect(source.currentViseme).toBe(segment.viseme);
      if (segment.viseme === 'aa' && middle > TRANSITION_MS) expect(out.weights[Blendshape.jawOpen]).toBeGreaterThan(0.3);
      if (segment.viseme === 'PP' && middle > TRANSITION_MS) expect(out.weights[Blendshape.mouthPressLeft]).toBeGreaterThan(0.4);
    }
  });

  it('resolves say() only when a sample passes the end of the line', async () => {
    const source = makeSource();
    const out = new FaceControls();
    const line = tracked(source.say('welcome traveller'));
    await flush();
    expect(line.done).toBe(false);
    source.sample(T0, out);
    const end = T0 + source.currentTimeline!.durationMs;
    source.sample(end - 1, out);
    await flush();
    expect(line.done).toBe(false);
    expect(source.speaking).toBe(true);
    source.sample(end + 1, out);
    await flush();
    expect(line.done).toBe(true);
    expect(source.currentViseme).toBe('sil');
  });

  it('starts a line at the next sample, however late say() was called', async () => {
    const source = makeSource();
    const out = new FaceControls();
    source.sample(T0, out);
    void source.say('ah');
    expect(Number.isNaN(source.lineTimeMs)).toBe(true);
    source.sample(T0 + 700, out);
    expect(source.lineTimeMs).toBe(0);
    source.sample(T0 + 750, out);
    expect(source.lineTimeMs).toBe(50);
  });

  it('interrupt() resolves the line at once and eases the mouth closed without a jump', async () => {
    const source = makeSource();
    const out = new FaceControls();
    const line = tracked(source.say('ah ah ah', { rate: 0.5 }));
    sampleEveryMs(source, out, T0, T0 + 300);
    expect(out.weights[Blendshape.jawOpen]).toBeGreaterThan(0.3);
    source.interrupt();
    await flush();
    expect(line.done).toBe(true);
    expect(source.speaking).toBe(false);
    // The close starts at the first sample after interrupt() and lasts TRANSITION_MS.
    const step = sampleEveryMs(source, out, T0 + 301, T0 + 301 + TRANSITION_MS);
    expect(step).toBeLessThan(MAX_JAW_STEP_PER_MS);
    expect(out.weights[Blendshape.jawOpen]).toBe(0);
    expect(speechChannels(source).every((value) => value > 0)).toBe(true);
    sampleEveryMs(source, out, T0 + 302 + TRANSITION_MS, T0 + 301 + TRANSITION_MS + FADE_MS);
    expect(Math.max(...source.channels)).toBe(0);
    source.interrupt(); // nothing to stop: no effect
  });

  it('leaves the face alone when silent: other channels and an idle mouth are not written', () => {
    const source = makeSource();
    const out = new FaceControls().set('eyeBlinkLeft', 0.7).set('jawOpen', 0.33);
    source.sample(T0, out);
    expect(out.get('jawOpen')).toBeCloseTo(0.33, 6);
    void source.say('ah');
    sampleEveryMs(source, out, T0 + 1, T0 + 200);
    expect(out.get('eyeBlinkLeft')).toBeCloseTo(0.7, 6);
    expect(out.yaw).toBe(0);
  });

  it('replaces the playing line by default, resolving it, and blends into the new one', async () => {
    const source = makeSource();
    const out = new FaceControls();
    const first = tracked(source.say('ah ah ah', { rate: 0.5 }));
    sampleEveryMs(source, out, T0, T0 + 250);
    const second = tracked(source.say('bob'));
    await flush();
    expect(first.done).toBe(true);
    expect(second.done).toBe(false);
    const step = sampleEveryMs(source, out, T0 + 251, T0 + 400);
    expect(step).toBeLessThan(MAX_JAW_STEP_PER_MS);
    expect(source.currentTimeline!.words.map((w) => w.text)).toEqual(['bob']);
  });

  it('queues lines with overlap "queue": the next starts where the last ends', async () => {
    const source = makeSource({ overlap: 'queue' });
    const out = new FaceControls();
    const first = tracked(source.say('hello there'));
    const second = tracked(source.say('bob'));
    expect(source.queuedLines).toBe(1);
    source.sample(T0, out);
    const firstEnd = T0 + source.currentTimeline!.durationMs;
    source.sample(firstEnd + 30, out);
    await flush();
    expect(first.done).toBe(true);
    expect(second.done).toBe(false);
    expect(source.currentTimeline!.words[0].text).toBe('bob');
    expect(source.lineTimeMs).toBeCloseTo(30, 9);
    source.sample(firstEnd + source.currentTimeline!.durationMs + 1, out);
    await flush();
    expect(second.done).toBe(true);
    // say() may still replace explicitly.
    const third = tracked(source.say('ah'));
    const fourth = tracked(source.say('bob', { overlap: 'replace' }));
    await flush();
    expect([third.done, fourth.done]).toEqual([true, false]);
  });

  it('finishes a line with nothing to say at the next sample', async () => {
    const source = makeSource();
    const line = tracked(source.say('🙂 …'));
    await flush();
    expect(line.done).toBe(false);
    source.sample(T0, new FaceControls());
    await flush();
    expect(line.done).toBe(true);
  });

  it('aligns words given up front and re-times words live with syncWord', () => {
    const source = makeSource();
    const out = new FaceControls();
    void source.say('hello there traveller', { wordStartsMs: [0, 500, 900] });
    source.sample(T0, out);
    expect(source.currentTimeline!.words.map((w) => w.startMs)).toEqual([0, 500, 900]);
    expect(source.syncWord(1, T0 + 420)).toBe(true);
    const words = source.currentTimeline!.words;
    expect(words[1].startMs).toBe(420);
    expect(words[2].startMs).toBe(820);
    expect(words[0].endMs).toBeLessThanOrEqual(420);
    const step = sampleEveryMs(source, out, T0 + 1, T0 + 600);
    expect(step).toBeLessThan(MAX_JAW_STEP_PER_MS);
    expect(() => source.syncWord(3)).toThrow(RangeError);
    source.interrupt();
    expect(source.syncWord(0)).toBe(false);
  });

  it('refuses misuse with errors that name the problem', () => {
    const source = makeSource();
    expect(() => source.sample(Number.NaN, new FaceControls())).toThrow(RangeError);
    expect(() => source.say(42 as unknown as string)).toThrow(TypeError);
    expect(() => source.say('ah', { rate: 10 })).toThrow(/rate 10/);
    expect(() => source.say('ah', { overlap: 'mix' as 'queue' })).toThrow(/overlap "mix"/);
    expect(() => source.say('ah', { wordStartsMs: [0, 1] })).toThrow(/2 word times for 1 words/);
    expect(() => makeSource({ fadeMs: -1 })).toThrow(/fadeMs/);
    expect(() => new SpeechSource({} as TextToVisemes)).toThrow(TypeError);
    expect(source.speaking).toBe(false);
  });

  it('CreateAsync builds its own pipeline with the game’s words', async () => {
    const source = await SpeechSource.CreateAsync({ useCmuDictionary: false, words: { zorblax: 'Z AO1 R B L AE2 K S' } });
    expect(source.textToVisemes.toPhonemes('Zorblax!')).toEqual(['Z', 'AO1', 'R', 'B', 'L', 'AE2', 'K', 'S']);
  });
});
