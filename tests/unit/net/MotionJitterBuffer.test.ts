import { describe, expect, it } from 'vitest';
import { FaceControls, HEAD_ROTATION_LIMITS } from '../../../plugin/core/FaceControls';
import { Blendshape } from '../../../plugin/core/arkitBlendshapes';
import { MOTION_CHANNEL_COUNT, type MotionSource } from '../../../plugin/motion/MotionSource';
import { MotionJitterBuffer } from '../../../plugin/net/MotionJitterBuffer';

/** Local clock = sender clock + this, with no network delay unless a test adds some. */
const OFFSET_MS = 5000;
/** Float tolerance for interpolated values. */
const EPSILON = 1e-9;

function pose(yaw: number, jaw = 0): FaceControls {
  const controls = new FaceControls();
  controls.yaw = yaw;
  controls.weights[Blendshape.jawOpen] = jaw;
  return controls;
}

/** A buffer with no easing, so outputs are the raw interpolation. */
function rawBuffer(extra: ConstructorParameters<typeof MotionJitterBuffer>[0] = {}): MotionJitterBuffer {
  return new MotionJitterBuffer({ neutralEaseMs: 0, ...extra });
}

/** Pushes frame n at sender time n × 100 ms with yaw n × 0.1, arriving without delay. */
function pushRamp(buffer: MotionJitterBuffer, n: number): boolean {
  return buffer.push(n, n * 100, pose(n * 0.1, n * 0.1), OFFSET_MS + n * 100);
}

describe('MotionJitterBuffer', () => {
  it('is a MotionSource that drives every channel', () => {
    const source: MotionSource = new MotionJitterBuffer();
    expect(source.channels.length).toBe(MOTION_CHANNEL_COUNT);
    expect(Array.from(source.channels).every((weight) => weight === 1)).toBe(true);
  });

  it('waits, neutral, before any frame', () => {
    const buffer = new MotionJitterBuffer();
    const out = pose(0.3, 0.7);
    buffer.sample(0, out);
    expect(buffer.state).toBe('waiting');
    expect(out.equals(new FaceControls())).toBe(true);
  });

  it('plays the stream a playout delay behind, interpolating between frames', () => {
    const buffer = rawBuffer({ playoutDelayMs: 100 });
    for (let n = 0; n <= 3; n++) pushRamp(buffer, n);
    expect(buffer.clockOffsetMs).toBe(OFFSET_MS);
    const out = new FaceControls();
    buffer.sample(OFFSET_MS + 99, out);
    expect(buffer.state).toBe('waiting');
    buffer.sample(OFFSET_MS + 150, out);
    expect(buffer.state).toBe('playing');
    expect(buffer.playoutTimeMs).toBe(50);
    expect(out.yaw).toBeCloseTo(0.05, 9);
    expect(out.weights[Blendshape.jawOpen]).toBeCloseTo(0.05, 6);
    buffer.sample(OFFSET_MS + 325, out);
    expect(out.yaw).toBeCloseTo(0.225, 9);
  });

  it('puts reordered frames in time order', () => {
    const buffer = rawBuffer();
    expect(pushRamp(buffer, 0)).toBe(true);
    expect(pushRamp(buffer, 2)).toBe(true);
    expect(pushRamp(buffer, 1)).toBe(true);
    const out = new FaceControls();
    buffer.sample(OFFSET_MS + 250, out);
    expect(out.yaw).toBeCloseTo(0.15, 9);
  });

  it('drops duplicates, by sequence or by sender time, without changing the output', () => {
    const buffer = rawBuffer();
    pushRamp(buffer, 0);
    pushRamp(buffer, 1);
    expect(buffer.push(1, 100, pose(0.4), OFFSET_MS + 130)).toBe(false);
    expect(buffer.push(9, 100, pose(0.4), OFFSET_MS + 130)).toBe(false);
    expect(buffer.duplicatesDropped).toBe(2);
    expect(buffer.size).toBe(2);
    expect(buffer.framesAccepted).toBe(2);
    const out = new FaceControls();
    buffer.sample(OFFSET_MS + 200, out);
    expect(out.yaw).toBeCloseTo(0.1, 9);
  });

  it('drops frames older than every frame still needed once playing', () => {
    const buffer = rawBuffer();
    for (let n = 0; n <= 4; n++) if (n !== 1) pushRamp(buffer, n);
    const out = new FaceControls();
    buffer.sample(OFFSET_MS + 350, out);
    // Playing at sender time 250: frame 0 is no longer needed, 200 is the oldest kept.
    expect(buffer.size).toBe(3);
    expect(pushRamp(buffer, 1)).toBe(false);
    expect(buffer.lateDropped).toBe(1);
  });

  it('extrapolates briefly past the newest frame, then holds', () => {
    const buffer = rawBuffer({ maxExtrapolationMs: 100, staleAfterMs: 10_000 });
    for (let n = 0; n <= 2; n++) pushRamp(buffer, n);
    const out = new FaceControls();
    buffer.sample(OFFSET_MS + 350, out);
    expect(buffer.state).toBe('extrapolating');
    expect(out.yaw).toBeCloseTo(0.25, 9);
    buffer.sample(OFFSET_MS + 400, out);
    expect(out.yaw).toBeCloseTo(0.3, 9);
    buffer.sample(OFFSET_MS + 900, out);
    expect(buffer.state).toBe('extrapolating');
    expect(out.yaw).toBeCloseTo(0.3, 9);
  });

  it('keeps extrapolation inside the FaceControls ranges', () => {
    const buffer = rawBuffer({ maxExtrapolationMs: 100 });
    buffer.push(0, 0, pose(0, 0.2), OFFSET_MS);
    buffer.push(1, 50, pose(HEAD_ROTATION_LIMITS.yaw, 1), OFFSET_MS + 50);
    const out = new FaceControls();
    buffer.sample(OFFSET_MS + 250, out);
    expect(out.yaw).toBe(HEAD_ROTATION_LIMITS.yaw);
    expect(out.weights[Blendshape.jawOpen]).toBe(1);
  });

  it('goes stale after staleAfterMs without a frame and eases smoothly to neutral', () => {
    const buffer = new MotionJitterBuffer({ staleAfterMs: 500, neutralEaseMs: 400, maxExtrapolationMs: 0 });
    const out = new FaceControls();
    for (let n = 0; n <= 20; n++) {
      pushRamp(buffer, n % 5);
    }
    // Frames 0-4 only (sequence n % 5 repeats are duplicates); the last arrives at OFFSET_MS + 400.
    expect(buffer.framesAccepted).toBe(5);
    buffer.sample(OFFSET_MS + 100, out);
    expect(out.yaw).toBe(0);
    buffer.sample(OFFSET_MS + 500, out);
    expect(out.yaw).toBeCloseTo(0.4, 9);
    buffer.sample(OFFSET_MS + 900, out);
    expect(buffer.state).toBe('extrapolating');
    const held = out.yaw;
    expect(held).toBeCloseTo(0.4, 9);
    buffer.sample(OFFSET_MS + 901, out);
    expect(buffer.state).toBe('stale');
    expect(out.yaw).toBeCloseTo(held, 3);
    buffer.sample(OFFSET_MS + 1101, out);
    expect(out.yaw).toBeCloseTo(held / 2, 9);
    buffer.sample(OFFSET_MS + 1301, out);
    expect(out.equals(new FaceControls())).toBe(true);
    expect(buffer.state).toBe('stale');
  });

  it('picks up a restarted sender after the stream went stale, easing in from neutral', () => {
    const buffer = new MotionJitterBuffer({ neutralEaseMs: 200 });
    const out = new FaceControls();
    for (let n = 0; n <= 3; n++) pushRamp(buffer, n);
    buffer.sample(OFFSET_MS + 2000, out);
    expect(buffer.state).toBe('stale');
    const restart = OFFSET_MS + 3000;
    expect(buffer.push(0, 0, pose(0.4), restart)).toBe(true);
    expect(buffer.push(1, 100, pose(0.4), restart + 100)).toBe(true);
    expect(buffer.clockOffsetMs).toBe(restart);
    buffer.sample(restart + 100, out);
    expect(buffer.state).toBe('playing');
    expect(out.yaw).toBe(0);
    buffer.sample(restart + 200, out);
    expect(out.yaw).toBeCloseTo(0.2, 9);
    buffer.sample(restart + 300, out);
    expect(out.yaw).toBeCloseTo(0.4, 9);
  });

  it('uses the last sample time when a frame comes without a local time', () => {
    const buffer = rawBuffer();
    const out = new FaceControls();
    buffer.sample(OFFSET_MS, out);
    buffer.push(0, 0, pose(0));
    buffer.sample(OFFSET_MS + 50, out);
    buffer.push(1, 50, pose(0.1));
    expect(buffer.clockOffsetMs).toBeCloseTo(OFFSET_MS, 9);
    buffer.sample(OFFSET_MS + 125, out);
    expect(out.yaw).toBeCloseTo(0.05, 9);
  });

  it('plays on across the 2^32 ms wrap of sender time', () => {
    const buffer = rawBuffer();
    const start = 0x1_0000_0000 - 50;
    buffer.push(7, start, pose(0), OFFSET_MS);
    buffer.push(8, (start + 100) % 0x1_0000_0000, pose(0.1), OFFSET_MS + 100);
    const out = new FaceControls();
    buffer.sample(OFFSET_MS + 150, out);
    expect(buffer.state).toBe('playing');
    expect(out.yaw).toBeCloseTo(0.05, 9);
  });

  it('holds at most capacity frames, pushing out the oldest', () => {
    const buffer = rawBuffer({ capacity: 4 });
    for (let n = 0; n < 9; n++) pushRamp(buffer, n);
    expect(buffer.size).toBe(4);
    expect(buffer.overflowDropped).toBe(5);
    // Older than all four held: late, not an overflow.
    expect(pushRamp(buffer, 2)).toBe(false);
    expect(buffer.lateDropped).toBe(1);
  });

  it('never grows: a long run keeps its size within capacity and its channels array', () => {
    const buffer = new MotionJitterBuffer({ capacity: 8 });
    const channels = buffer.channels;
    const out = new FaceControls();
    const frame = pose(0.1, 0.5);
    let largest = 0;
    for (let n = 0; n < 10_000; n++) {
      buffer.push(n, n * 33, frame, OFFSET_MS + n * 33 + (n % 3) * 20);
      buffer.sample(OFFSET_MS + n * 33, out);
      largest = Math.max(largest, buffer.size);
    }
    expect(largest).toBeLessThanOrEqual(8);
    expect(buffer.channels).toBe(channels);
    expect(buffer.state).toBe('playing');
  });

  it('reset() forgets the stream and returns to neutral at once', () => {
    const buffer = new MotionJitterBuffer({ neutralEaseMs: 0 });
    for (let n = 0; n <= 3; n++) pushRamp(buffer, n);
    const out = new FaceControls();
    buffer.sample(OFFSET_MS + 250, out);
    expect(out.yaw).toBeGreaterThan(0);
    buffer.reset();
    buffer.sample(OFFSET_MS + 260, out);
    expect(buffer.size).toBe(0);
    expect(buffer.state).toBe('waiting');
    expect(out.equals(new FaceControls())).toBe(true);
  });

  it('throws RangeError or TypeError for misuse, naming the value', () => {
    expect(() => new MotionJitterBuffer({ playoutDelayMs: -1 })).toThrow(/playoutDelayMs.*-1/);
    expect(() => new MotionJitterBuffer({ staleAfterMs: 0 })).toThrow(/staleAfterMs/);
    expect(() => new MotionJitterBuffer({ capacity: 1 })).toThrow(/capacity.*1/);
    expect(() => new MotionJitterBuffer({ capacity: 2.5 })).toThrow(RangeError);
    expect(() => new MotionJitterBuffer({ clockSmoothing: 0 })).toThrow(/clockSmoothing/);
    expect(() => new MotionJitterBuffer({ neutralEaseMs: NaN })).toThrow(RangeError);
    const buffer = new MotionJitterBuffer();
    expect(() => buffer.push(-1, 0, pose(0))).toThrow(/sequence.*-1/);
    expect(() => buffer.push(0x1_0000_0000, 0, pose(0))).toThrow(RangeError);
    expect(() => buffer.push(0, NaN, pose(0))).toThrow(RangeError);
    expect(() => buffer.push(0, 0, pose(0), Infinity)).toThrow(/localTimeMs/);
    const badWeights = pose(0);
    badWeights.weights[3] = NaN;
    expect(() => buffer.push(0, 0, badWeights)).toThrow(/eyeLookOutLeft/);
    expect(buffer.size).toBe(0);
    expect(() => buffer.sample(NaN, new FaceControls())).toThrow(RangeError);
    expect(() => buffer.sample(0, {} as FaceControls)).toThrow(TypeError);
  });
});
