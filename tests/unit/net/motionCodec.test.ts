import { describe, expect, it } from 'vitest';
import { FaceControls, HEAD_ROTATION_LIMITS, HEAD_TRANSLATION_LIMIT, type FaceControlsLike } from '../../../plugin/core/FaceControls';
import { Blendshape, BLENDSHAPE_COUNT } from '../../../plugin/core/arkitBlendshapes';
import { MotionCodecError } from '../../../plugin/core/errors';
import { SeededRandom } from '../../../plugin/core/SeededRandom';
import { decodeMotionFrame, decodeMotionFrameInto, type MotionFrameHeader } from '../../../plugin/net/decodeMotionFrame';
import { encodeMotionFrame, encodeMotionFrameInto } from '../../../plugin/net/encodeMotionFrame';
import {
  MOTION_FRAME_COARSE_WEIGHT_MAX_ERROR, MOTION_FRAME_FINE_WEIGHT_MAX_ERROR, HEAD_CODE_MAX, MOTION_FRAME_BYTES, MOTION_FRAME_FINE_WEIGHTS,
  MOTION_FRAME_TAG, MotionFrameOffset, WEIGHT_BITS,
} from '../../../plugin/net/motionFrameLayout';
import { randomControls } from './motionCodecFixtures';

/** Float32 storage of decoded weights adds at most this on top of the quantization step. */
const FLOAT32_SLACK = 1e-7;
/** Float64 arithmetic in the head scale adds at most this, in quantization steps. */
const FLOAT64_SLACK = 1e-9;
const HEAD_LIMITS: Array<[keyof typeof HEAD_ROTATION_LIMITS | 'x' | 'y' | 'z', number]> = [
  ['yaw', HEAD_ROTATION_LIMITS.yaw], ['pitch', HEAD_ROTATION_LIMITS.pitch], ['roll', HEAD_ROTATION_LIMITS.roll],
  ['x', HEAD_TRANSLATION_LIMIT], ['y', HEAD_TRANSLATION_LIMIT], ['z', HEAD_TRANSLATION_LIMIT],
];

function validFrame(): Uint8Array {
  return encodeMotionFrame(randomControls(new SeededRandom(99)), 1234, 5678);
}

function expectRefused(bytes: Uint8Array, message: RegExp): void {
  const controls = new FaceControls().set('jawOpen', 0.25);
  const header: MotionFrameHeader = { sequence: 11, timeMs: 22 };
  let caught: unknown;
  try {
    decodeMotionFrameInto(bytes, controls, header);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(MotionCodecError);
  expect((caught as Error).message).toMatch(message);
  // Nothing half-written.
  expect(controls.equals(new FaceControls().set('jawOpen', 0.25))).toBe(true);
  expect(header).toEqual({ sequence: 11, timeMs: 22 });
}

describe('motion frame layout', () => {
  it('fills exactly 64 bytes: 22 header bytes and 336 weight bits', () => {
    expect(MOTION_FRAME_BYTES).toBe(64);
    expect(WEIGHT_BITS.length).toBe(BLENDSHAPE_COUNT);
    const weightBits = WEIGHT_BITS.reduce((sum, bits) => sum + bits, 0);
    expect(MotionFrameOffset.weights + weightBits / 8).toBe(MOTION_FRAME_BYTES);
    expect(new Set(MOTION_FRAME_FINE_WEIGHTS).size).toBe(MOTION_FRAME_FINE_WEIGHTS.length);
    expect(MOTION_FRAME_FINE_WEIGHTS).toContain(Blendshape.jawOpen);
  });

  it('puts jawOpen at bits 106-113 of the weight stream (known answer)', () => {
    const controls = new FaceControls().set('jawOpen', 1);
    const bytes = encodeMotionFrame(controls, 0x01020304, 0xa0b0c0d0);
    expect(Array.from(bytes.subarray(0, MotionFrameOffset.weights))).toEqual([
      MOTION_FRAME_TAG, 0, 1, 2, 3, 4, 0xa0, 0xb0, 0xc0, 0xd0, ...new Array(12).fill(0),
    ]);
    const weightBytes = Array.from(bytes.subarray(MotionFrameOffset.weights));
    const expected = new Array(42).fill(0);
    expected[13] = 0b0011_1111;
    expected[14] = 0b1100_0000;
    expect(weightBytes).toEqual(expected);
  });
});

describe('encodeMotionFrame / decodeMotionFrame', () => {
  it('round-trips random controls within the documented quantization error, and the bound is tight', () => {
    const random = new SeededRandom(1);
    const source = new FaceControls();
    const decoded = new FaceControls();
    const header: MotionFrameHeader = { sequence: 0, timeMs: 0 };
    const bytes = new Uint8Array(MOTION_FRAME_BYTES);
    let worstFine = 0;
    let worstCoarse = 0;
    let worstHeadSteps = 0;
    let wrongHeaders = 0;
    for (let frame = 0; frame < 5000; frame++) {
      randomControls(random, source);
      const sequence = random.nextUint32();
      const timeMs = random.nextUint32();
      if (encodeMotionFrameInto(source, sequence, timeMs, bytes) !== MOTION_FRAME_BYTES) wrongHeaders++;
      if (decodeMotionFrameInto(bytes, decoded, header) !== header) wrongHeaders++;
      if (header.sequence !== sequence || header.timeMs !== timeMs) wrongHeaders++;
      for (const [channel, limit] of HEAD_LIMITS) {
        // In quantization steps: at most half a step (plus float rounding) is the documented bound.
        worstHeadSteps = Math.max(worstHeadSteps, Math.abs(decoded[channel] - source[channel]) / (limit / HEAD_CODE_MAX));
      }
      for (let i = 0; i < BLENDSHAPE_COUNT; i++) {
        const error = Math.abs(decoded.weights[i] - source.weights[i]);
        if (MOTION_FRAME_FINE_WEIGHTS.includes(i)) worstFine = Math.max(worstFine, error);
        else worstCoarse = Math.max(worstCoarse, error);
      }
    }
    expect(wrongHeaders).toBe(0);
    expect(worstHeadSteps).toBeLessThanOrEqual(0.5 + FLOAT64_SLACK);
    expect(worstFine).toBeLessThanOrEqual(MOTION_FRAME_FINE_WEIGHT_MAX_ERROR + FLOAT32_SLACK);
    expect(worstCoarse).toBeLessThanOrEqual(MOTION_FRAME_COARSE_WEIGHT_MAX_ERROR + FLOAT32_SLACK);
    // The documented figures are the real worst case, not a loose bound: random inputs come close.
    expect(worstFine).toBeGreaterThan(MOTION_FRAME_FINE_WEIGHT_MAX_ERROR * 0.95);
    expect(worstCoarse).toBeGreaterThan(MOTION_FRAME_COARSE_WEIGHT_MAX_ERROR * 0.95);
    expect(worstHeadSteps).toBeGreaterThan(0.45);
    expect(MOTION_FRAME_COARSE_WEIGHT_MAX_ERROR).toBeCloseTo(1 / 126, 12);
    expect(MOTION_FRAME_FINE_WEIGHT_MAX_ERROR).toBeCloseTo(1 / 510, 12);
  });

  it('is exact at neutral and at the ends of every range', () => {
    const ends = new FaceControls();
    ends.setHead(HEAD_ROTATION_LIMITS.yaw, -HEAD_ROTATION_LIMITS.pitch, HEAD_ROTATION_LIMITS.roll);
    ends.setHeadPosition(-HEAD_TRANSLATION_LIMIT, HEAD_TRANSLATION_LIMIT, -HEAD_TRANSLATION_LIMIT);
    ends.weights.fill(1);
    expect(decodeMotionFrame(encodeMotionFrame(ends, 0, 0)).controls.equals(ends)).toBe(true);
    const neutral = new FaceControls();
    expect(decodeMotionFrame(encodeMotionFrame(neutral, 0, 0)).controls.equals(neutral)).toBe(true);
  });

  it('clamps out-of-range input like FaceControls does', () => {
    const wild: FaceControlsLike = {
      yaw: 10, pitch: -10, roll: 0.1, x: 3, y: -3, z: 0,
      weights: Array.from({ length: BLENDSHAPE_COUNT }, (_, i) => (i % 2 === 0 ? -5 : 7)),
    };
    const { controls } = decodeMotionFrame(encodeMotionFrame(wild, 1, 1));
    expect(controls.yaw).toBe(HEAD_ROTATION_LIMITS.yaw);
    expect(controls.pitch).toBe(-HEAD_ROTATION_LIMITS.pitch);
    expect(controls.x).toBe(HEAD_TRANSLATION_LIMIT);
    expect(controls.y).toBe(-HEAD_TRANSLATION_LIMIT);
    expect(controls.weights[0]).toBe(0);
    expect(controls.weights[1]).toBe(1);
  });

  it('sends the low 32 bits of the sequence and whole ms modulo 2^32', () => {
    const neutral = new FaceControls();
    expect(decodeMotionFrame(encodeMotionFrame(neutral, 0xffff_ffff, 0)).sequence).toBe(0xffff_ffff);
    expect(decodeMotionFrame(encodeMotionFrame(neutral, 0x1_0000_0005, 0)).sequence).toBe(5);
    expect(decodeMotionFrame(encodeMotionFrame(neutral, 0, 12.6)).timeMs).toBe(13);
    expect(decodeMotionFrame(encodeMotionFrame(neutral, 0, 0x1_0000_0007)).timeMs).toBe(7);
  });

  it('writes into a caller buffer without touching bytes past the frame', () => {
    const out = new Uint8Array(MOTION_FRAME_BYTES + 4).fill(0xee);
    expect(encodeMotionFrameInto(new FaceControls(), 3, 4, out)).toBe(MOTION_FRAME_BYTES);
    expect(Array.from(out.subarray(MOTION_FRAME_BYTES))).toEqual([0xee, 0xee, 0xee, 0xee]);
    expect(decodeMotionFrame(out.subarray(0, MOTION_FRAME_BYTES)).sequence).toBe(3);
  });

  it('throws RangeError or TypeError for misuse and leaves out untouched', () => {
    const good = new FaceControls();
    const out = new Uint8Array(MOTION_FRAME_BYTES).fill(7);
    const plain = (yaw: number, weights: ArrayLike<number>): FaceControlsLike => ({ yaw, pitch: 0, roll: 0, x: 0, y: 0, z: 0, weights });
    expect(() => encodeMotionFrameInto(plain(NaN, good.weights), 0, 0, out)).toThrow(/controls\.yaw.*finite/);
    const badWeight = new Float32Array(BLENDSHAPE_COUNT);
    badWeight[Blendshape.jawOpen] = Infinity;
    expect(() => encodeMotionFrameInto(plain(0, badWeight), 0, 0, out)).toThrow(/jawOpen/);
    expect(() => encodeMotionFrameInto(plain(0, new Float32Array(51)), 0, 0, out)).toThrow(RangeError);
    expect(() => encodeMotionFrameInto(good, -1, 0, out)).toThrow(RangeError);
    expect(() => encodeMotionFrameInto(good, 1.5, 0, out)).toThrow(/non-negative integer/);
    expect(() => encodeMotionFrameInto(good, 0, -1, out)).toThrow(RangeError);
    expect(() => encodeMotionFrameInto(good, 0, NaN, out)).toThrow(RangeError);
    expect(() => encodeMotionFrameInto(good, 0, 0, new Uint8Array(63))).toThrow(/63 bytes/);
    expect(() => encodeMotionFrameInto(good, 0, 0, [] as unknown as Uint8Array)).toThrow(TypeError);
    expect(Array.from(out)).toEqual(new Array(MOTION_FRAME_BYTES).fill(7));
    expect(() => decodeMotionFrameInto(new ArrayBuffer(64) as unknown as Uint8Array, good, { sequence: 0, timeMs: 0 })).toThrow(TypeError);
    expect(() => decodeMotionFrameInto(validFrame(), {} as FaceControls, { sequence: 0, timeMs: 0 })).toThrow(TypeError);
  });
});

describe('decodeMotionFrame refuses malformed frames with MotionCodecError', () => {
  it('refuses a wrong length', () => {
    const frame = validFrame();
    expectRefused(frame.subarray(0, 63), /63 bytes long/);
    expectRefused(new Uint8Array(65).fill(MOTION_FRAME_TAG, 0, 1), /65 bytes long/);
    expectRefused(new Uint8Array(0), /0 bytes long/);
  });

  it('refuses another tag, naming a newer version', () => {
    const frame = validFrame();
    frame[0] = 0xd2;
    expectRefused(frame, /version 2, this plugin reads version 1/);
    frame[0] = '{'.charCodeAt(0);
    expectRefused(frame, /first byte is 0x7b/);
  });

  it('refuses reserved flag bits', () => {
    for (let bit = 0; bit < 8; bit++) {
      const frame = validFrame();
      frame[MotionFrameOffset.flags] = 1 << bit;
      expectRefused(frame, /reserved flag bits/);
    }
  });

  it('refuses the unused head code −32768 in each head channel', () => {
    for (let offset = MotionFrameOffset.yaw; offset < MotionFrameOffset.weights; offset += 2) {
      const frame = validFrame();
      frame[offset] = 0x80;
      frame[offset + 1] = 0x00;
      expectRefused(frame, new RegExp(`byte ${offset} holds -32768`));
    }
  });

  it('decodes a frame that reads like ±32767 to exactly ±limit', () => {
    const frame = validFrame();
    frame[MotionFrameOffset.yaw] = 0x80;
    frame[MotionFrameOffset.yaw + 1] = 0x01;
    expect(decodeMotionFrame(frame).controls.yaw).toBe(-HEAD_ROTATION_LIMITS.yaw);
  });
});
