import { describe, expect, it } from 'vitest';
import { Blendshape } from '../../../plugin/core/arkitBlendshapes';
import { FaceControls, HEAD_ROTATION_LIMITS } from '../../../plugin/core/FaceControls';
import { DEG_TO_RAD } from '../../../plugin/core/mathUtils';
import { SeededRandom } from '../../../plugin/core/SeededRandom';
import { MOUTH_CHANNELS } from '../../../plugin/motion/channelMasks';
import { IdleMotion } from '../../../plugin/motion/IdleMotion';
import { motionChannelIndex } from '../../../plugin/motion/motionChannels';
import { measureBlinks } from './blinkMeasure';
import { ConstantSource } from './testSources';

/** The idle head stays within sway (3°) + breathing (0.6°) + emotion tilt (4°) + head follow (20°). */
const IDLE_HEAD_LIMIT_RAD = 28 * DEG_TO_RAD;

function pose(idle: IdleMotion, t: number): number[] {
  const out = new FaceControls();
  idle.sample(t, out);
  return [out.yaw, out.pitch, out.roll, out.x, out.y, out.z, ...out.weights];
}

describe('IdleMotion', () => {
  it('never produces NaN and stays in range over random time sequences, emotions and look-ats', () => {
    const emotions = ['happy', 'sad', 'angry', 'surprised', 'thinking', 'disgusted', 'fearful', 'blissful', 'neutral'];
    for (const seed of [1, 2, 99]) {
      const idle = new IdleMotion({ seed });
      const random = new SeededRandom(seed);
      const out = new FaceControls();
      let t = random.range(0, 1e9);
      let worst = 0;
      for (let i = 0; i < 10_000; i++) {
        t += random.next() < 0.01 ? random.range(0, 1e7) : random.range(0, 50);
        if (random.next() < 0.005) idle.setEmotion(emotions[Math.floor(random.next() * emotions.length)], random.range(-0.5, 1.5), random.range(0, 800));
        if (random.next() < 0.005) idle.setLookAtDirection(random.range(-3, 3), random.range(-1.5, 1.5));
        idle.sample(t, out);
        for (const v of out.weights) {
          if (!(v >= 0 && v <= 1)) throw new Error(`weight ${v} out of range at ${t}`);
        }
        worst = Math.max(worst, Math.abs(out.yaw), Math.abs(out.pitch), Math.abs(out.roll));
        if (!Number.isFinite(out.x + out.y + out.z)) throw new Error(`head translation not finite at ${t}`);
      }
      expect(worst).toBeLessThan(IDLE_HEAD_LIMIT_RAD);
      expect(worst).toBeLessThan(HEAD_ROTATION_LIMITS.pitch);
      expect(worst).toBeGreaterThan(0);
    }
  });

  it('is deterministic under its seed', () => {
    const times = Array.from({ length: 500 }, (_, i) => i * 97);
    const run = (seed: number) => times.map((t) => pose(new IdleMotion({ seed }), t));
    expect(run(5)).toEqual(run(5));
    expect(run(6)).not.toEqual(run(5));
    // Its parts get different seeds from the one seed: the sway is not a copy of the gaze sequence.
    const idle = new IdleMotion({ seed: 5 });
    expect(idle.blinks.timing.seed).not.toBe(5);
  });

  it('blinks, looks around and sways while neutral', () => {
    const idle = new IdleMotion({ seed: 3 });
    const blinks = measureBlinks(idle, 0, 60_000, 2);
    expect(blinks.length).toBeGreaterThan(8);
    const series = Array.from({ length: 3000 }, (_, i) => pose(idle, i * 20));
    const spread = (channel: number) => Math.max(...series.map((p) => p[channel])) - Math.min(...series.map((p) => p[channel]));
    expect(spread(motionChannelIndex('yaw'))).toBeGreaterThan(0.5 * DEG_TO_RAD);
    expect(spread(motionChannelIndex('eyeLookOutLeft')) + spread(motionChannelIndex('eyeLookInLeft'))).toBeGreaterThan(0.02);
    expect(spread(motionChannelIndex('mouthSmileLeft'))).toBe(0);
  });

  it('an expression that closes the eyes holds off blinking; an open-eyed one does not', () => {
    const idle = new IdleMotion({ seed: 4 });
    idle.setEmotion('blissful', 1, 0);
    const out = new FaceControls();
    let highest = 0;
    for (let t = 0; t < 60_000; t += 5) {
      idle.sample(t, out);
      highest = Math.max(highest, out.weights[Blendshape.eyeBlinkLeft]);
    }
    expect(highest).toBeCloseTo(0.85, 5);
    idle.setEmotion('happy', 1, 0);
    expect(measureBlinks(idle, 60_000, 60_000, 2).length).toBeGreaterThan(8);
  });

  it('a speech layer above owns the mouth while the idle layers keep the eyes', () => {
    const idle = new IdleMotion({ seed: 8, emotion: { emotion: 'surprised' } });
    const speech = new ConstantSource({ jawOpen: 0.6, mouthFunnel: 0.4, eyeBlinkLeft: 0 });
    const layer = idle.addLayer(speech, { priority: 100, mask: MOUTH_CHANNELS });
    const out = new FaceControls();
    idle.sample(1000, out);
    expect(out.get('jawOpen')).toBeCloseTo(0.6, 6);
    expect(out.get('mouthFunnel')).toBeCloseTo(0.4, 6);
    expect(out.get('eyeWideLeft')).toBeGreaterThan(0.5);
    expect(measureBlinks(idle, 0, 60_000, 2).length).toBeGreaterThan(8);
    layer.fadeTo(0, 200);
    idle.sample(70_000, out);
    idle.sample(70_200, out);
    expect(out.get('jawOpen')).toBeCloseTo(0.7 * 0.5, 6);
  });

  it('passes look-at through to the gaze and head', () => {
    const idle = new IdleMotion({ seed: 2, sway: { amplitude: 0 }, gaze: { wanderDeg: 0 } });
    idle.setLookAtDirection(20 * DEG_TO_RAD, 0);
    const out = new FaceControls();
    idle.sample(0, out);
    expect(out.yaw).toBeCloseTo(6 * DEG_TO_RAD, 6);
    expect(out.weights[Blendshape.eyeLookOutLeft]).toBeCloseTo(14 / 30, 5);
    idle.clearLookAt();
    idle.sample(1000, out);
    idle.sample(2000, out);
    expect(out.yaw).toBeCloseTo(0, 6);
  });
});
