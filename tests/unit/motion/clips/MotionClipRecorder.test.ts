import { describe, expect, it } from 'vitest';
import { Blendshape } from '../../../../plugin/core/arkitBlendshapes';
import { FaceControls, HEAD_ROTATION_LIMITS } from '../../../../plugin/core/FaceControls';
import { SeededRandom } from '../../../../plugin/core/SeededRandom';
import { motionChannelIndex } from '../../../../plugin/motion/motionChannels';
import { MotionClipRecorder } from '../../../../plugin/motion/clips/MotionClipRecorder';

/** Float32 storage of values up to about 1: half an ulp near 1 is 6e-8; a few of them after interpolation. */
const FLOAT32_TOLERANCE = 1e-6;
const JAW = motionChannelIndex('jawOpen');
const YAW = motionChannelIndex('yaw');

interface Capture { timeMs: number; yaw: number; jawOpen: number }

/** Captures at irregular times: the gaps a real frame loop and a tracker produce, 4..70 ms. */
function irregularCaptures(seed: number, startMs: number, untilMs: number): Capture[] {
  const random = new SeededRandom(seed);
  const captures: Capture[] = [];
  for (let t = startMs; t <= untilMs; t += random.range(4, 70)) {
    captures.push({ timeMs: t, yaw: random.range(-0.7, 0.7), jawOpen: random.next() });
  }
  return captures;
}

/** The value a capture sequence has at `timeMs`, by linear interpolation (the reference, written independently). */
function expectedAt(captures: Capture[], timeMs: number, key: 'yaw' | 'jawOpen'): number {
  for (let i = 0; i < captures.length - 1; i++) {
    const a = captures[i];
    const b = captures[i + 1];
    if (timeMs >= a.timeMs && timeMs <= b.timeMs) return a[key] + ((b[key] - a[key]) * (timeMs - a.timeMs)) / (b.timeMs - a.timeMs);
  }
  if (timeMs === captures[0].timeMs) return captures[0][key];
  throw new Error(`no capture around ${timeMs}`);
}

function record(recorder: MotionClipRecorder, captures: Capture[]): void {
  const controls = new FaceControls();
  for (const capture of captures) {
    controls.yaw = capture.yaw;
    controls.set('jawOpen', capture.jawOpen);
    recorder.capture(capture.timeMs, controls);
  }
}

describe('MotionClipRecorder', () => {
  it('resamples irregular captures to exact 30 Hz frames by linear interpolation', () => {
    const captures = irregularCaptures(7, 1234.5, 3000);
    const recorder = new MotionClipRecorder({ channels: ['yaw', 'jawOpen'], chunkFrames: 16 });
    record(recorder, captures);
    const clip = recorder.stop();
    const spanMs = captures[captures.length - 1].timeMs - captures[0].timeMs;
    expect(clip.frameCount).toBe(Math.floor((spanMs * 30) / 1000) + 1);
    expect(Array.from(clip.channelIndices)).toEqual([YAW, JAW]);
    for (let f = 0; f < clip.frameCount; f++) {
      const timeMs = captures[0].timeMs + (f * 1000) / 30;
      expect(clip.data[f * 2]).toBeCloseTo(expectedAt(captures, timeMs, 'yaw'), 6);
      expect(Math.abs(clip.data[f * 2 + 1] - expectedAt(captures, timeMs, 'jawOpen'))).toBeLessThan(FLOAT32_TOLERANCE);
    }
  });

  it('reproduces a linear ramp exactly, whatever the capture times', () => {
    const random = new SeededRandom(3);
    const recorder = new MotionClipRecorder({ frameRate: 60, channels: ['jawOpen'] });
    const controls = new FaceControls();
    for (let t = 0; t < 1000; t += random.range(1, 90)) recorder.capture(t, controls.setAt(Blendshape.jawOpen, t / 1000));
    recorder.capture(1000, controls.setAt(Blendshape.jawOpen, 1));
    const clip = recorder.stop();
    expect(clip.frameCount).toBe(61);
    for (let f = 0; f < clip.frameCount; f++) expect(Math.abs(clip.data[f] - f / 60)).toBeLessThan(FLOAT32_TOLERANCE);
  });

  it('fills a long pause of the host by interpolating across it', () => {
    const recorder = new MotionClipRecorder({ frameRate: 10, channels: ['jawOpen'] });
    const controls = new FaceControls();
    recorder.capture(0, controls.setAt(Blendshape.jawOpen, 0));
    recorder.capture(2000, controls.setAt(Blendshape.jawOpen, 1));
    const clip = recorder.stop();
    expect(clip.frameCount).toBe(21);
    expect(clip.data[10]).toBeCloseTo(0.5, 6);
  });

  it('records every channel by default, clamping out-of-range input', () => {
    const recorder = new MotionClipRecorder({ name: 'all', source: 'unit test' });
    const loud = { yaw: 9, pitch: -9, roll: 0, x: 0, y: 0, z: 0, weights: new Float32Array(52).fill(1.7) };
    recorder.capture(0, loud);
    const clip = recorder.stop();
    expect(clip.channelCount).toBe(58);
    expect(clip.data[0]).toBeCloseTo(HEAD_ROTATION_LIMITS.yaw, 6);
    expect(clip.data[1]).toBeCloseTo(-HEAD_ROTATION_LIMITS.pitch, 6);
    expect(clip.data[6 + Blendshape.jawOpen]).toBe(1);
    expect(clip.name).toBe('all');
    expect(clip.source).toBe('unit test');
  });

  it('keeps frames correct across many chunk boundaries and starts a fresh take after stop()', () => {
    const recorder = new MotionClipRecorder({ frameRate: 100, channels: ['jawOpen'], chunkFrames: 3 });
    const controls = new FaceControls();
    for (let t = 0; t <= 190; t += 10) recorder.capture(t, controls.setAt(Blendshape.jawOpen, t / 200));
    expect(recorder.frameCount).toBe(20);
    const first = recorder.stop();
    expect(Array.from(first.data, (v) => Math.round(v * 200))).toEqual(Array.from({ length: 20 }, (_, i) => i * 10));
    expect(recorder.frameCount).toBe(0);
    recorder.capture(5000, controls.setAt(Blendshape.jawOpen, 0.25));
    recorder.capture(5010, controls);
    const second = recorder.stop();
    expect(Array.from(second.data)).toEqual([0.25, 0.25]);
  });

  it('stops at maxDurationMs and ignores later captures', () => {
    const recorder = new MotionClipRecorder({ frameRate: 10, channels: ['jawOpen'], maxDurationMs: 500 });
    const controls = new FaceControls();
    for (let t = 0; t <= 2000; t += 50) recorder.capture(t, controls.setAt(Blendshape.jawOpen, t / 2000));
    expect(recorder.maxFrames).toBe(6);
    expect(recorder.isFull).toBe(true);
    const clip = recorder.stop();
    expect(clip.frameCount).toBe(6);
    expect(clip.data[5]).toBeCloseTo(0.25, 6);
    expect(recorder.isFull).toBe(false);
  });

  it('refuses misuse with errors that name the problem', () => {
    const controls = new FaceControls();
    const recorder = new MotionClipRecorder();
    expect(() => recorder.stop()).toThrow(/nothing was captured/);
    recorder.capture(100, controls);
    expect(() => recorder.capture(99, controls)).toThrow(/99 is before the previous capture at 100/);
    expect(() => recorder.capture(NaN, controls)).toThrow(RangeError);
    const broken = { yaw: 0, pitch: NaN, roll: 0, x: 0, y: 0, z: 0, weights: new Float32Array(52) };
    expect(() => recorder.capture(200, broken)).toThrow(/MotionClipRecorder\.capture: pitch/);
    expect(() => new MotionClipRecorder({ frameRate: 0 })).toThrow(/frame rate 0 Hz/);
    expect(() => new MotionClipRecorder({ channels: ['jawOpn' as never] })).toThrow(/did you mean "jawOpen"/);
    expect(() => new MotionClipRecorder({ maxDurationMs: 3 * 3600 * 1000 })).toThrow(/216000 frames/);
    expect(() => new MotionClipRecorder({ chunkFrames: 0 })).toThrow(/chunkFrames/);
  });
});
