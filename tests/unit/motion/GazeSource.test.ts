import { describe, expect, it } from 'vitest';
import { Blendshape } from '../../../plugin/core/arkitBlendshapes';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { DEG_TO_RAD, RAD_TO_DEG } from '../../../plugin/core/mathUtils';
import { SeededRandom } from '../../../plugin/core/SeededRandom';
import { GazeSource } from '../../../plugin/motion/GazeSource';
import { lookAtAngles } from '../../../plugin/motion/lookAtAngles';
import { motionChannelIndex } from '../../../plugin/motion/motionChannels';

const MAX_YAW_DEG = 30;
const MAX_PITCH_DEG = 20;

/** The eye direction the weights encode, degrees, and whether both eyes agree with no eye looking two ways. */
function eyeDirection(out: FaceControls): { yaw: number; pitch: number; consistent: boolean } {
  const w = out.weights;
  const consistent = w[Blendshape.eyeLookOutLeft] === w[Blendshape.eyeLookInRight] &&
    w[Blendshape.eyeLookInLeft] === w[Blendshape.eyeLookOutRight] &&
    w[Blendshape.eyeLookUpLeft] === w[Blendshape.eyeLookUpRight] &&
    w[Blendshape.eyeLookDownLeft] === w[Blendshape.eyeLookDownRight] &&
    w[Blendshape.eyeLookOutLeft] * w[Blendshape.eyeLookInLeft] === 0 &&
    w[Blendshape.eyeLookUpLeft] * w[Blendshape.eyeLookDownLeft] === 0;
  return {
    yaw: (w[Blendshape.eyeLookOutLeft] - w[Blendshape.eyeLookInLeft]) * MAX_YAW_DEG,
    pitch: (w[Blendshape.eyeLookUpLeft] - w[Blendshape.eyeLookDownLeft]) * MAX_PITCH_DEG,
    consistent,
  };
}

const scratch = new FaceControls();

/** Samples into a shared pose (reset first) and reads the eye direction; checks both eyes agree. */
function sampleGaze(gaze: GazeSource, t: number): { out: FaceControls; yaw: number; pitch: number } {
  gaze.sample(t, scratch.reset());
  const direction = eyeDirection(scratch);
  if (!direction.consistent) throw new Error(`eyes disagree at ${t} ms: ${JSON.stringify(scratch.toJSON())}`);
  return { out: scratch, yaw: direction.yaw, pitch: direction.pitch };
}

describe('GazeSource look-at', () => {
  it('a target to the viewer\'s right turns both eyes right: eyeLookOutLeft and eyeLookInRight', () => {
    const gaze = new GazeSource({ wanderDeg: 0, headShare: 0 });
    gaze.sample(0, new FaceControls());
    gaze.setLookAtDirection(20 * DEG_TO_RAD, 0);
    sampleGaze(gaze, 900);
    const { out, yaw, pitch } = sampleGaze(gaze, 1000);
    expect(yaw).toBeCloseTo(20, 4);
    expect(pitch).toBeCloseTo(0, 6);
    expect(out.weights[Blendshape.eyeLookOutLeft]).toBeCloseTo(20 / 30, 5);
    expect(out.weights[Blendshape.eyeLookInRight]).toBeCloseTo(20 / 30, 5);
    expect(out.weights[Blendshape.eyeLookOutRight]).toBe(0);
    gaze.setLookAtDirection(-10 * DEG_TO_RAD, 10 * DEG_TO_RAD);
    sampleGaze(gaze, 1900);
    const left = sampleGaze(gaze, 2000);
    expect(left.out.weights[Blendshape.eyeLookOutRight]).toBeCloseTo(10 / 30, 5);
    expect(left.out.weights[Blendshape.eyeLookInLeft]).toBeCloseTo(10 / 30, 5);
    expect(left.out.weights[Blendshape.eyeLookUpLeft]).toBeCloseTo(10 / 20, 5);
    gaze.setLookAtDirection(0, -30 * DEG_TO_RAD);
    sampleGaze(gaze, 2900);
    expect(sampleGaze(gaze, 3000).out.weights[Blendshape.eyeLookDownRight]).toBe(1);
    gaze.clearLookAt();
    sampleGaze(gaze, 3900);
    expect(sampleGaze(gaze, 4000).yaw).toBeCloseTo(0, 6);
  });

  it('clamps at the eye limits, on an ellipse, never crossing the eyes', () => {
    const gaze = new GazeSource({ wanderDeg: 0, headShare: 0 });
    gaze.setLookAtDirection(70 * DEG_TO_RAD, 0);
    expect(sampleGaze(gaze, 0).out.weights[Blendshape.eyeLookOutLeft]).toBe(1);
    gaze.setLookAtDirection(60 * DEG_TO_RAD, 40 * DEG_TO_RAD);
    sampleGaze(gaze, 900);
    const { yaw, pitch } = sampleGaze(gaze, 1000);
    expect((yaw / MAX_YAW_DEG) ** 2 + (pitch / MAX_PITCH_DEG) ** 2).toBeCloseTo(1, 5);
    expect(yaw / MAX_YAW_DEG).toBeCloseTo(pitch / MAX_PITCH_DEG, 5);
    gaze.setLookAtDirection(-170 * DEG_TO_RAD, 0);
    sampleGaze(gaze, 1900);
    expect(sampleGaze(gaze, 2000).out.weights[Blendshape.eyeLookOutRight]).toBe(1);
  });

  it('the head takes its share of the turn, up to its limit, and the eyes the rest', () => {
    const gaze = new GazeSource({ wanderDeg: 0 });
    expect(gaze.channels[motionChannelIndex('yaw')]).toBe(1);
    gaze.sample(0, new FaceControls());
    gaze.setLookAtDirection(20 * DEG_TO_RAD, -10 * DEG_TO_RAD);
    expect(sampleGaze(gaze, 100).out.yaw).toBe(0);
    const halfwayDeg = sampleGaze(gaze, 300).out.yaw * RAD_TO_DEG;
    expect(halfwayDeg).toBeGreaterThan(1);
    expect(halfwayDeg).toBeLessThan(5.9);
    const settled = sampleGaze(gaze, 1000);
    expect(settled.out.yaw * RAD_TO_DEG).toBeCloseTo(6, 4);
    expect(settled.out.pitch * RAD_TO_DEG).toBeCloseTo(-3, 4);
    expect(settled.yaw).toBeCloseTo(14, 3);
    expect(settled.pitch).toBeCloseTo(-7, 3);
    gaze.setLookAtDirection(90 * DEG_TO_RAD, 0);
    sampleGaze(gaze, 1500);
    const far = sampleGaze(gaze, 2000);
    expect(far.out.yaw * RAD_TO_DEG).toBeCloseTo(20, 4);
    expect(far.out.weights[Blendshape.eyeLookOutLeft]).toBe(1);
    // headShare 0 leaves the head channels alone.
    const eyesOnly = new GazeSource({ headShare: 0 });
    expect(eyesOnly.channels[motionChannelIndex('yaw')]).toBe(0);
    const out = new FaceControls();
    out.yaw = 0.1;
    eyesOnly.setLookAtDirection(0.3, 0);
    eyesOnly.sample(1000, out);
    expect(out.weights[Blendshape.eyeLookOutLeft]).toBeGreaterThan(0.3);
    expect(out.yaw).toBe(0.1);
  });

  it('jumps to a new target with a saccade of main-sequence length, and pursues small moves directly', () => {
    const gaze = new GazeSource({ wanderDeg: 0, headShare: 0 });
    gaze.sample(0, new FaceControls());
    gaze.setLookAtDirection(20 * DEG_TO_RAD, 0);
    // 20°: about 21 + 2.2 × 20 = 65 ms.
    expect(sampleGaze(gaze, 1000).yaw).toBeCloseTo(0, 6);
    const early = sampleGaze(gaze, 1020).yaw;
    expect(early).toBeGreaterThan(0.5);
    expect(early).toBeLessThan(10);
    expect(sampleGaze(gaze, 1060).yaw).toBeLessThan(20);
    expect(sampleGaze(gaze, 1066).yaw).toBeCloseTo(20, 4);
    for (let step = 1; step <= 10; step++) {
      gaze.setLookAtDirection((20 + step * 0.5) * DEG_TO_RAD, 0);
      expect(sampleGaze(gaze, 1100 + step * 16).yaw).toBeCloseTo(20 + step * 0.5, 4);
    }
  });

  it('turns toward a world point via lookAtAngles', () => {
    const gaze = new GazeSource({ headShare: 0, wanderDeg: 0 });
    const direction = lookAtAngles([0, 1.6, 0], [0, 0, -1], [0, 1, 0], [2, 1.6, -4], { yaw: 0, pitch: 0 }, true);
    gaze.setLookAtDirection(direction.yaw, direction.pitch);
    const { out } = sampleGaze(gaze, 500);
    expect(out.weights[Blendshape.eyeLookOutLeft]).toBeGreaterThan(0.5);
    expect(out.weights[Blendshape.eyeLookInLeft]).toBe(0);
  });
});

describe('GazeSource idle fixations and saccades', () => {
  /** Splits a 1 ms series of eye directions into saccades (moving) and fixations (still). */
  function segments(gaze: GazeSource, fromMs: number, toMs: number) {
    const saccades: { ms: number; amplitudeDeg: number }[] = [];
    const fixations: number[] = [];
    const offsets: number[] = [];
    let prev = sampleGaze(gaze, fromMs);
    let moving = false, since = fromMs, start = prev;
    for (let t = fromMs + 1; t <= toMs; t++) {
      const now = sampleGaze(gaze, t);
      offsets.push(Math.hypot(now.yaw, now.pitch));
      const moved = now.yaw !== prev.yaw || now.pitch !== prev.pitch;
      if (moved !== moving) {
        if (moved) { if (since > fromMs) fixations.push(t - 1 - since); start = prev; }
        else saccades.push({ ms: t - 1 - since, amplitudeDeg: Math.hypot(prev.yaw - start.yaw, prev.pitch - start.pitch) });
        moving = moved;
        since = t - 1;
      }
      prev = now;
    }
    return { saccades, fixations, offsets };
  }

  it('fixations of 0.3-2 s joined by 30-60 ms saccades, mostly small, around the target', () => {
    const { saccades, fixations, offsets } = segments(new GazeSource({ seed: 3 }), 0, 120_000);
    expect(fixations.length).toBeGreaterThan(80);
    expect(Math.min(...fixations)).toBeGreaterThanOrEqual(299);
    expect(Math.max(...fixations)).toBeLessThanOrEqual(2001);
    const meanFixation = fixations.reduce((a, b) => a + b, 0) / fixations.length;
    expect(meanFixation).toBeGreaterThan(600);
    expect(meanFixation).toBeLessThan(1100);
    for (const s of saccades) {
      expect(s.ms).toBeGreaterThanOrEqual(29);
      expect(s.ms).toBeLessThanOrEqual(61);
    }
    const amplitudes = saccades.map((s) => s.amplitudeDeg).sort((a, b) => a - b);
    expect(amplitudes[Math.floor(amplitudes.length / 2)]).toBeLessThan(4);
    expect(amplitudes[amplitudes.length - 1]).toBeGreaterThan(4);
    const sorted = offsets.sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length * 0.9)]).toBeLessThan(8);
    expect(sorted[sorted.length - 1]).toBeLessThanOrEqual(Math.hypot(15, 10) + 1e-3);
  });

  it('idle gaze is a pure function of time and seed', () => {
    const times = Array.from({ length: 4000 }, (_, i) => i * 13.7);
    const series = (seed: number, order: readonly number[]) => {
      const gaze = new GazeSource({ seed });
      return order.map((t) => { const { yaw, pitch } = sampleGaze(gaze, t); return [t, yaw, pitch]; });
    };
    const reference = series(7, times);
    expect(series(7, times)).toEqual(reference);
    expect(series(8, times)).not.toEqual(reference);
    const random = new SeededRandom(1);
    const shuffled = [...times].sort(() => random.next() - 0.5);
    const byTime = new Map(reference.map(([t, y, p]) => [t, [y, p]]));
    for (const [t, y, p] of series(7, shuffled)) expect([y, p]).toEqual(byTime.get(t));
    // Dense 1 ms sampling in between does not change the answers.
    const gaze = new GazeSource({ seed: 7 });
    for (let t = 0; t < 2000; t++) gaze.sample(t, new FaceControls());
    expect([sampleGaze(gaze, times[100]).yaw, sampleGaze(gaze, times[100]).pitch]).toEqual(byTime.get(times[100]));
  });

  it('refuses bad options and inputs', () => {
    expect(() => new GazeSource({ headShare: 2 })).toThrow(/GazeSource: options\.headShare must lie in \[0, 1\]/);
    expect(() => new GazeSource({ fixationMinMs: 900, fixationMaxMs: 1000 })).toThrow(/fixationMaxMs/);
    expect(() => new GazeSource({ glanceChance: 0.7, returnChance: 0.5 })).toThrow(/must not exceed 1/);
    expect(() => new GazeSource().setLookAtDirection(Number.NaN, 0)).toThrow(/setLookAtDirection: yawRad/);
    expect(() => new GazeSource().sample(Number.POSITIVE_INFINITY, new FaceControls())).toThrow(/GazeSource\.sample/);
  });
});
