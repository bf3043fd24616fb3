import { describe, expect, it } from 'vitest';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { RAD_TO_DEG } from '../../../plugin/core/mathUtils';
import { BreathingSway, type BreathingSwayOptions } from '../../../plugin/motion/BreathingSway';
import { MOTION_CHANNEL_NAMES } from '../../../plugin/motion/motionChannels';
import { smoothNoise, valueNoise } from '../../../plugin/motion/valueNoise';

const TEN_MINUTES_MS = 600_000;
const FRAME_MS = 16;

interface Series { yaw: number[]; pitch: number[]; roll: number[]; y: number[] }

function record(options: BreathingSwayOptions, times: readonly number[]): Series {
  const sway = new BreathingSway(options);
  const out = new FaceControls();
  const series: Series = { yaw: [], pitch: [], roll: [], y: [] };
  for (const t of times) {
    sway.sample(t, out);
    series.yaw.push(out.yaw * RAD_TO_DEG);
    series.pitch.push(out.pitch * RAD_TO_DEG);
    series.roll.push(out.roll * RAD_TO_DEG);
    series.y.push(out.y);
  }
  return series;
}

const frames = Array.from({ length: TEN_MINUTES_MS / FRAME_MS }, (_, i) => i * FRAME_MS);
const maxAbs = (values: number[]) => values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const maxStep = (values: number[]) => values.slice(1).reduce((m, v, i) => Math.max(m, Math.abs(v - values[i])), 0);

describe('BreathingSway', () => {
  const series = record({ seed: 2 }, frames);

  it('sways a few degrees at most, using most of its range', () => {
    expect(maxAbs(series.yaw)).toBeLessThanOrEqual(3);
    expect(maxAbs(series.yaw)).toBeGreaterThan(1.5);
    expect(maxAbs(series.pitch)).toBeLessThanOrEqual(2 + 0.6);
    expect(maxAbs(series.roll)).toBeLessThanOrEqual(1.5);
    expect(maxAbs(series.roll)).toBeGreaterThan(0.7);
  });

  it('breathes about 15 times a minute (0.25 Hz)', () => {
    let rises = 0;
    for (let i = 1; i < series.y.length; i++) if (series.y[i - 1] < 0 && series.y[i] >= 0) rises++;
    expect(rises).toBeGreaterThan(150 * 0.85);
    expect(rises).toBeLessThan(150 * 1.15);
    expect(maxAbs(series.y)).toBeCloseTo(0.004, 4);
  });

  it('moves smoothly: no jumps from one frame to the next', () => {
    expect(maxStep(series.yaw)).toBeLessThan(0.1);
    expect(maxStep(series.pitch)).toBeLessThan(0.1);
    expect(maxStep(series.roll)).toBeLessThan(0.1);
  });

  it('scales with amplitude and holds still at 0', () => {
    const doubled = record({ seed: 2, amplitude: 2 }, frames.slice(0, 2000));
    doubled.yaw.forEach((v, i) => expect(v).toBeCloseTo(2 * series.yaw[i], 6));
    const still = record({ seed: 2, amplitude: 0 }, frames.slice(0, 2000));
    expect(maxAbs([...still.yaw, ...still.pitch, ...still.roll, ...still.y])).toBe(0);
  });

  it('is a pure function of seed and time', () => {
    const times = [5, 1e6, 17, 3.3e5, 42.5, 1.7e12];
    const a = record({ seed: 9 }, times);
    const b = record({ seed: 9 }, [...times].reverse());
    expect(a.yaw).toEqual([...b.yaw].reverse());
    expect(a.pitch).toEqual([...b.pitch].reverse());
    expect(record({ seed: 10 }, times).yaw).not.toEqual(a.yaw);
  });

  it('drives yaw, pitch, roll and y only', () => {
    const sway = new BreathingSway();
    expect(MOTION_CHANNEL_NAMES.filter((_, i) => sway.channels[i] > 0)).toEqual(['yaw', 'pitch', 'roll', 'y']);
    const out = new FaceControls().set('jawOpen', 0.3);
    out.z = 0.1;
    sway.sample(1234, out);
    expect(out.get('jawOpen')).toBeCloseTo(0.3, 6);
    expect(out.z).toBe(0.1);
  });

  it('refuses out-of-range options', () => {
    expect(() => new BreathingSway({ amplitude: -1 })).toThrow(/BreathingSway: options\.amplitude must lie in/);
    expect(() => new BreathingSway({ swayDeg: { yaw: Number.NaN } })).toThrow(/options\.swayDeg\.yaw/);
  });
});

describe('value noise', () => {
  it('stays in [-1, 1], is continuous and varies', () => {
    let lowest = Infinity, highest = -Infinity, biggestStep = 0, prev = valueNoise(5, 0);
    for (let x = 0.001; x < 200; x += 0.001) {
      const v = valueNoise(5, x);
      lowest = Math.min(lowest, v);
      highest = Math.max(highest, v);
      biggestStep = Math.max(biggestStep, Math.abs(v - prev));
      prev = v;
    }
    expect(lowest).toBeGreaterThanOrEqual(-1);
    expect(highest).toBeLessThanOrEqual(1);
    expect(highest - lowest).toBeGreaterThan(1.5);
    expect(biggestStep).toBeLessThan(0.004);
    expect(Math.abs(smoothNoise(1, 12.3))).toBeLessThanOrEqual(1);
    expect(valueNoise(1, 3.7)).not.toBe(valueNoise(2, 3.7));
  });
});
