// AudioMouthSource fed through a SampleRing as the worklet feeds it: takes the mouth while sound is heard, lets go after holdMs, layers in a MotionMixer.
import { describe, expect, it } from 'vitest';
import { Blendshape } from '../../../../plugin/core/arkitBlendshapes';
import { FaceControls } from '../../../../plugin/core/FaceControls';
import { AudioMouthAnalyser } from '../../../../plugin/motion/audio/AudioMouthAnalyser';
import { AudioMouthSource } from '../../../../plugin/motion/audio/AudioMouthSource';
import { HopReader } from '../../../../plugin/motion/audio/HopReader';
import { SampleRing } from '../../../../plugin/motion/audio/SampleRing';
import { MotionMixer } from '../../../../plugin/motion/MotionMixer';
import { HEAD_CHANNEL_COUNT } from '../../../../plugin/motion/MotionSource';
import { concat, VOWELS, vowel } from './synthVoice';

const RATE = 48_000;
/** A display frame at 60 fps, ms. */
const FRAME_MS = 1000 / 60;
const HOLD_MS = 300;
const FADE_MS = 100;
const JAW = HEAD_CHANNEL_COUNT + Blendshape.jawOpen;

/** A source on a ring, and a clock that writes a frame's worth of `signal` into the ring before each sample. */
function rig(signal: Float32Array) {
  const ring = new SampleRing(1 << 15);
  const analyser = new AudioMouthAnalyser(RATE);
  const source = new AudioMouthSource(analyser, new HopReader(ring, analyser), { holdMs: HOLD_MS, fadeMs: FADE_MS });
  let at = 0;
  const step = Math.round((FRAME_MS / 1000) * RATE);
  const frame = (timeMs: number, out: FaceControls) => {
    const end = Math.min(signal.length, at + step);
    ring.write(signal.subarray(at, end));
    at = end;
    source.sample(timeMs, out);
  };
  return { source, frame };
}

describe('AudioMouthSource', () => {
  it('takes the mouth while speech is heard, holds it through a pause, then lets go', () => {
    const silence = (seconds: number) => new Float32Array(Math.round(seconds * RATE));
    const signal = concat(silence(0.2), vowel(VOWELS.ah, RATE, 0.3), silence(0.2), vowel(VOWELS.oo, RATE, 0.2), silence(1));
    const { source, frame } = rig(signal);
    const out = new FaceControls();
    const trace: { t: number; channel: number; jaw: number; pucker: number }[] = [];
    for (let t = 0; t < 1900; t += FRAME_MS) {
      out.weights.fill(0.9);
      frame(t, out);
      trace.push({ t, channel: source.channels[JAW], jaw: out.weights[Blendshape.jawOpen], pucker: out.weights[Blendshape.mouthPucker] });
    }
    const at = (ms: number) => trace.find((row) => row.t >= ms)!;
    // Before any sound the source holds nothing and leaves `out` alone.
    expect(at(150).channel).toBe(0);
    expect(at(150).jaw).toBeCloseTo(0.9, 6);
    // During "ah" it owns the mouth, wide open.
    expect(at(400).channel).toBe(1);
    expect(at(400).jaw).toBeGreaterThan(0.4);
    // In the 200 ms pause (< holdMs) it still owns the mouth and closes it.
    expect(at(655).channel).toBe(1);
    expect(at(655).jaw).toBeLessThan(0.05);
    // "oo" rounds the lips.
    expect(at(800).pucker).toBeGreaterThan(0.4);
    // holdMs + fadeMs after the last sound (900 ms) it has let go; out keeps what lower layers wrote.
    expect(at(900 + HOLD_MS + FADE_MS + 2 * FRAME_MS + 30).channel).toBe(0);
    expect(trace[trace.length - 1].jaw).toBeCloseTo(0.9, 6);
    expect(source.speaking).toBe(false);
    expect(source.currentViseme).toBe('sil');
  });

  it('layers over idle life in a MotionMixer like SpeechSource', () => {
    const { source, frame } = rig(vowel(VOWELS.ah, RATE, 1));
    const idle = { channels: new Float32Array(58).fill(1), sample: (_: number, out: FaceControls) => out.weights.fill(0.1) };
    const mixer = new MotionMixer();
    mixer.addLayer(idle, { priority: 0 });
    mixer.addLayer(source, { priority: 10 });
    const out = new FaceControls();
    for (let t = 0; t <= 500; t += FRAME_MS) {
      frame(t, out);
      mixer.sample(t, out);
    }
    expect(out.weights[Blendshape.jawOpen]).toBeGreaterThan(0.4);
    // Channels speech does not drive keep the idle layer's value.
    expect(out.weights[Blendshape.eyeBlinkLeft]).toBeCloseTo(0.1, 5);
  });

  it('rejects a non-finite time and a feed without pump()', () => {
    const { source } = rig(new Float32Array(10));
    expect(() => source.sample(Number.NaN, new FaceControls())).toThrow(/AudioMouthSource.sample: timeMs/);
    const analyser = new AudioMouthAnalyser(RATE);
    expect(() => new AudioMouthSource(analyser, {} as never)).toThrow(/pump\(\)/);
    expect(() => new AudioMouthSource(analyser, { pump: () => 0 }, { holdMs: -1 })).toThrow(/holdMs must lie in/);
  });
});
