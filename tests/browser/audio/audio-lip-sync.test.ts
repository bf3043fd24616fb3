// AudioLipSync in Chromium: espeak-ng words played through Web Audio open the mouth during words and close it in the gaps, via the worklet and the AnalyserNode.
import { describe, expect, it } from 'vitest';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { Blendshape } from '../../../plugin/core/arkitBlendshapes';
import { HEAD_CHANNEL_COUNT } from '../../../plugin/motion/MotionSource';
import { AudioLipSync } from '../../../plugin/motion/audio/AudioLipSync';
import { loadFixture, traceOffline, type FixtureMeta, type TracePoint } from './lipSyncTrace';

const FIXTURES = ['words-father-see-moon', 'words-hello-yes-sister'];
/** Each word opens the mouth at least this far at its widest (the narrowest, "see", reaches about 0.23 in Node). */
const WORD_MIN_PEAK_JAW = 0.15;
/** Closed, in the gaps. */
const CLOSED_JAW = 0.03;
/** After a word, the mouth has one window plus four release time constants (25 + 4 × 50 ms) to close. */
const SETTLE_MS = 225;

/** Checks a trace against the fixture's words: open in each word, closed in each settled gap. */
function expectWordsAndGaps(trace: TracePoint[], meta: FixtureMeta): void {
  const ms = (sample: number) => (sample / meta.sampleRate) * 1000;
  for (const word of meta.words) {
    const inside = trace.filter((p) => p.timeMs > ms(word.startSample) && p.timeMs <= ms(word.endSample) + 25);
    expect(Math.max(...inside.map((p) => p.jawOpen)), word.word).toBeGreaterThan(WORD_MIN_PEAK_JAW);
    expect(inside.some((p) => p.channel === 1), word.word).toBe(true);
  }
  meta.words.forEach((word, i) => {
    const from = ms(word.endSample) + SETTLE_MS;
    const to = i + 1 < meta.words.length ? ms(meta.words[i + 1].startSample) : ms(meta.lengthSamples);
    const gap = trace.filter((p) => p.timeMs >= from && p.timeMs <= to);
    expect(gap.length, `gap after ${word.word}`).toBeGreaterThan(2);
    for (const p of gap) expect(p.jawOpen, `at ${p.timeMs.toFixed(0)} ms after ${word.word}`).toBeLessThan(CLOSED_JAW);
  });
}

describe('AudioLipSync (offline rendering, deterministic)', () => {
  it('runs in a cross-origin isolated page, so the worklet shares memory', () => {
    expect(crossOriginIsolated).toBe(true);
  });

  it.each(FIXTURES)('worklet + shared memory: %s', async (name) => {
    const { trace, meta, lipSync } = await traceOffline(name, { mode: 'worklet' });
    expect(lipSync.transport).toBe('shared-memory');
    expect(lipSync.workletError).toBeNull();
    expectWordsAndGaps(trace, meta);
    lipSync.dispose();
    lipSync.dispose();
  });

  it.each(FIXTURES)('AnalyserNode fallback: %s', async (name) => {
    const { trace, meta, lipSync } = await traceOffline(name, { mode: 'analyser' });
    expect(lipSync.transport).toBe('analyser-node');
    expectWordsAndGaps(trace, meta);
    lipSync.dispose();
  });
});

describe('AudioLipSync (live AudioContext)', () => {
  it('follows a WAV playing in real time through the worklet with posted blocks', async () => {
    const context = new AudioContext();
    await context.resume();
    expect(context.state).toBe('running');
    const { buffer, meta } = await loadFixture('words-father-see-moon', context);
    const lipSync = await AudioLipSync.CreateAsync(context, { mode: 'worklet', sharedMemory: false });
    expect(lipSync.transport).toBe('messages');
    const player = new AudioBufferSourceNode(context, { buffer });
    player.connect(context.destination);
    lipSync.attach(player);
    const ended = new Promise((resolve) => player.addEventListener('ended', resolve));
    const startS = context.currentTime;
    player.start(startS);
    const out = new FaceControls();
    const trace: TracePoint[] = [];
    let playing = true;
    void ended.then(() => (playing = false));
    while (playing) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      lipSync.sample(performance.now(), out);
      trace.push({ timeMs: (context.currentTime - startS) * 1000, jawOpen: out.weights[Blendshape.jawOpen], channel: lipSync.channels[HEAD_CHANNEL_COUNT + Blendshape.jawOpen] });
    }
    const ms = (sample: number) => (sample / meta.sampleRate) * 1000;
    // Real time on a shared machine: frames may be late, so check each word opened and the mouth closed in each gap at some point.
    for (const word of meta.words) {
      const inside = trace.filter((p) => p.timeMs >= ms(word.startSample) && p.timeMs <= ms(word.endSample) + 100);
      expect(Math.max(...inside.map((p) => p.jawOpen)), word.word).toBeGreaterThan(WORD_MIN_PEAK_JAW);
    }
    meta.words.slice(0, -1).forEach((word, i) => {
      const gap = trace.filter((p) => p.timeMs >= ms(word.endSample) + SETTLE_MS && p.timeMs <= ms(meta.words[i + 1].startSample));
      expect(Math.min(...gap.map((p) => p.jawOpen)), `gap after ${word.word}`).toBeLessThan(CLOSED_JAW);
    });
    lipSync.dispose();
    await context.close();
  });

  it('picks the worklet with shared memory on auto here, and refuses misuse with TypeError/RangeError', async () => {
    const context = new AudioContext();
    const lipSync = await AudioLipSync.CreateAsync(context);
    expect(lipSync.transport).toBe('shared-memory');
    expect(lipSync.isReady()).toBe(true);
    expect(AudioLipSync.IsSupported(context)).toBe(true);
    await expect(AudioLipSync.CreateAsync(context, { mode: 'loud' as never })).rejects.toThrow(/options.mode must be 'auto', 'worklet' or 'analyser', got "loud"/);
    await expect(AudioLipSync.CreateAsync(null as never)).rejects.toThrow(TypeError);
    await expect(AudioLipSync.CreateAsync(context, { windowMs: 1 })).rejects.toThrow(RangeError);
    expect(() => lipSync.attach({} as never)).toThrow(/expected an AudioNode/);
    const node = new GainNode(context);
    expect(lipSync.detach(node)).toBe(false);
    lipSync.attach(node);
    expect(lipSync.detach(node)).toBe(true);
    lipSync.dispose();
    expect(lipSync.isReady()).toBe(false);
    expect(() => lipSync.attach(node)).toThrow(/disposed/);
    await context.close();
  });
});
