import { describe, expect, it } from 'vitest';
import { ClipFormatError } from '../../../../plugin/core/errors';
import { FaceControls } from '../../../../plugin/core/FaceControls';
import { SeededRandom } from '../../../../plugin/core/SeededRandom';
import {
  CHECKSUM_BYTES, HEAD_QUANTUM, HEADER_BYTES, MAX_CLIP_FILE_BYTES, NARROW_WEIGHT_QUANTUM, OFFSET_CHANNEL_MASK, OFFSET_FLAGS,
  OFFSET_FRAME_COUNT, OFFSET_FRAME_RATE, OFFSET_NAME_LENGTH, OFFSET_VERSION, WIDE_WEIGHT_QUANTUM,
} from '../../../../plugin/motion/clips/clipBinaryLayout';
import { isHeadChannel, motionChannelLimit } from '../../../../plugin/motion/clips/clipChannels';
import { readChannel } from '../../../../plugin/motion/motionChannels';
import { crc32 } from '../../../../plugin/motion/clips/crc32';
import { decodeMotionClip } from '../../../../plugin/motion/clips/decodeMotionClip';
import { encodeMotionClip } from '../../../../plugin/motion/clips/encodeMotionClip';
import type { MotionClip } from '../../../../plugin/motion/clips/MotionClip';
import { MotionClipPlayer } from '../../../../plugin/motion/clips/MotionClipPlayer';
import { MotionClipRecorder } from '../../../../plugin/motion/clips/MotionClipRecorder';
import { makeClip, outcome, thrown, TYPICAL_CHANNELS } from './clipFixtures';

/** Slack over half a quantization step for float32 storage and float64 arithmetic. */
const FLOAT_SLACK = 1e-6;
/** Random multi-byte mutations tried on a valid file. */
const MUTATIONS = 3000;

/** Largest error quantization may add to a channel: half a step. */
function quantizationError(channel: number, wideWeights: boolean): number {
  if (isHeadChannel(channel)) return motionChannelLimit(channel) / HEAD_QUANTUM / 2 + FLOAT_SLACK;
  return 1 / (wideWeights ? WIDE_WEIGHT_QUANTUM : NARROW_WEIGHT_QUANTUM) / 2 + FLOAT_SLACK;
}

function expectClose(actual: MotionClip, expected: MotionClip, wideWeights: boolean): void {
  expect(actual.frameRate).toBe(expected.frameRate);
  expect(actual.frameCount).toBe(expected.frameCount);
  expect(Array.from(actual.channelIndices)).toEqual(Array.from(expected.channelIndices));
  let worst = 0;
  for (let i = 0; i < expected.data.length; i++) {
    const channel = expected.channelIndices[i % expected.channelCount];
    worst = Math.max(worst, Math.abs(actual.data[i] - expected.data[i]) / quantizationError(channel, wideWeights));
  }
  expect(worst).toBeLessThanOrEqual(1);
}

/** Rewrites the trailing CRC so a patched file passes the checksum and reaches the check under test. */
function reseal(bytes: Uint8Array): Uint8Array {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(bytes.length - CHECKSUM_BYTES, crc32(bytes, 0, bytes.length - CHECKSUM_BYTES), true);
  return bytes;
}

function patched(file: Uint8Array, patch: (view: DataView, bytes: Uint8Array) => void): Uint8Array {
  const bytes = file.slice();
  patch(new DataView(bytes.buffer), bytes);
  return reseal(bytes);
}

function decodeError(bytes: unknown): ClipFormatError {
  const error = thrown(() => decodeMotionClip(bytes as Uint8Array));
  expect(error).toBeInstanceOf(ClipFormatError);
  return error as ClipFormatError;
}

describe('motion clip binary format', () => {
  it('survives record → encode → decode → play within the quantization error', () => {
    const random = new SeededRandom(11);
    const recorder = new MotionClipRecorder({ channels: TYPICAL_CHANNELS });
    const controls = new FaceControls();
    for (let t = 0; t <= 2000; t += random.range(5, 50)) {
      controls.setHead(random.range(-0.8, 0.8), random.range(-0.5, 0.5), random.range(-0.8, 0.8));
      controls.setHeadPosition(random.range(-0.5, 0.5), random.range(-0.5, 0.5), random.range(-0.5, 0.5));
      for (let w = 0; w < 52; w++) controls.setAt(w, random.next());
      recorder.capture(t, controls);
    }
    const recorded = recorder.stop();
    const decoded = decodeMotionClip(encodeMotionClip(recorded));
    expectClose(decoded, recorded, false);

    const original = new MotionClipPlayer(recorded, { autoPlay: true });
    const restored = new MotionClipPlayer(decoded, { autoPlay: true });
    const a = new FaceControls();
    const b = new FaceControls();
    for (let t = 0; t < recorded.durationMs; t += 7.3) {
      original.sample(t, a);
      restored.sample(t, b);
      for (const channel of TYPICAL_CHANNELS) {
        expect(Math.abs(readChannel(a, channel) - readChannel(b, channel))).toBeLessThanOrEqual(quantizationError(channel, false));
      }
    }
  });

  it('keeps weights to 1/65535 with weightBits 16, and header, name and source exactly', () => {
    const clip = makeClip(5, TYPICAL_CHANNELS, 90, 24, 'Ærø — 笑顔 😀');
    const decoded = decodeMotionClip(encodeMotionClip(clip, { weightBits: 16 }));
    expectClose(decoded, clip, true);
    expect(decoded.name).toBe('Ærø — 笑顔 😀');
    expect(decoded.source).toBe('test fixture');
  });

  it('stores a 30 Hz clip of 20 channels in 26 bytes per frame: 780 bytes per second plus a fixed overhead', () => {
    const clip = makeClip(1, TYPICAL_CHANNELS, 30 * 60, 30, 'speech');
    const bytes = encodeMotionClip(clip);
    const overhead = HEADER_BYTES + 'speech'.length + 'test fixture'.length + CHECKSUM_BYTES;
    expect(bytes.length).toBe(overhead + 30 * 60 * 26);
    const bytesPerSecond = (bytes.length - overhead) / 60;
    expect(bytesPerSecond).toBe(780);
    expect(encodeMotionClip(clip, { weightBits: 16 }).length).toBe(overhead + 30 * 60 * 40);
  });

  it('reads the bytes from an ArrayBuffer or from a view into a larger buffer', () => {
    const clip = makeClip(2, [0, 20], 10);
    const bytes = encodeMotionClip(clip);
    const larger = new Uint8Array(bytes.length + 16);
    larger.set(bytes, 7);
    expectClose(decodeMotionClip(larger.subarray(7, 7 + bytes.length)), clip, false);
    expectClose(decodeMotionClip(bytes.slice().buffer), clip, false);
  });

  it('refuses every truncation of a valid file', () => {
    const bytes = encodeMotionClip(makeClip(3, TYPICAL_CHANNELS, 12));
    for (let length = 0; length < bytes.length; length++) {
      const error = decodeError(bytes.subarray(0, length));
      expect(error.message).toMatch(/truncated|magic|bytes "TPMC"/);
    }
  });

  it('refuses every single-bit flip, and thousands of random mutations, with a ClipFormatError', () => {
    const bytes = encodeMotionClip(makeClip(4, [1, 17, 40], 20));
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const flipped = bytes.slice();
      flipped[bit >> 3] ^= 1 << (bit & 7);
      decodeError(flipped);
    }
    const random = new SeededRandom(2024);
    for (let m = 0; m < MUTATIONS; m++) {
      const mutated = bytes.slice();
      const changes = 1 + Math.floor(random.next() * 8);
      for (let c = 0; c < changes; c++) mutated[Math.floor(random.next() * mutated.length)] = random.nextUint32() & 0xff;
      if (mutated.every((value, i) => value === bytes[i])) continue;
      decodeError(mutated);
    }
  });

  it('says what is wrong with the header, even when the checksum is right', () => {
    const file = encodeMotionClip(makeClip(6, [0, 30], 4));
    expect(decodeError(patched(file, (_, b) => b.set([0x50, 0x4b, 3, 4]))).message).toMatch(/not a motion clip.*"TPMC"/);
    expect(decodeError(patched(file, (v) => v.setUint16(OFFSET_VERSION, 2, true))).message).toMatch(/version 2; this plugin reads version 1/);
    expect(decodeError(patched(file, (v) => v.setUint16(OFFSET_FLAGS, 0x80, true))).message).toMatch(/unknown header flags 0x80/);
    expect(decodeError(patched(file, (v) => v.setFloat64(OFFSET_FRAME_RATE, NaN, true))).message).toMatch(/frame rate NaN/);
    expect(decodeError(patched(file, (v) => v.setFloat64(OFFSET_FRAME_RATE, 1e9, true))).message).toMatch(/frame rate 1000000000 Hz/);
    expect(decodeError(patched(file, (v) => v.setUint32(OFFSET_FRAME_COUNT, 0, true))).message).toMatch(/frame count 0/);
    expect(decodeError(patched(file, (_, b) => b.fill(0, OFFSET_CHANNEL_MASK, OFFSET_CHANNEL_MASK + 8))).message).toMatch(/mask is empty/);
    expect(decodeError(patched(file, (_, b) => { b[OFFSET_CHANNEL_MASK + 7] = 0x10; })).message).toMatch(/bit 60/);
    expect(decodeError(patched(file, (v) => v.setUint16(OFFSET_NAME_LENGTH, 60000, true))).message).toMatch(/longer than 768 bytes/);
  });

  it('refuses a huge declared frame count in a small file without allocating for it', () => {
    const file = encodeMotionClip(makeClip(7, [0, 30], 4));
    expect(decodeError(patched(file, (v) => v.setUint32(OFFSET_FRAME_COUNT, 0xffffffff, true))).message).toMatch(/frame count 4294967295/);
    expect(decodeError(patched(file, (v) => v.setUint32(OFFSET_FRAME_COUNT, 216_000, true))).message)
      .toMatch(/truncated: the header declares 216000 frames \(\d+ bytes\) but it has \d+ bytes/);
    expect(decodeError(new Uint8Array(MAX_CLIP_FILE_BYTES + 1)).message).toMatch(/more than the largest possible clip/);
  });

  it('refuses trailing bytes, values no encoder writes and invalid UTF-8 names', () => {
    const file = encodeMotionClip(makeClip(8, [0, 30], 4, 30, 'ab'));
    const longer = new Uint8Array(file.length + 3);
    longer.set(file);
    expect(decodeError(reseal(longer)).message).toMatch(/3 unexpected bytes/);
    const dataStart = HEADER_BYTES + 2 + 'test fixture'.length;
    expect(decodeError(patched(file, (v) => v.setInt16(dataStart, -32768, true))).message).toMatch(/frame 0, channel yaw: .* is outside/);
    expect(decodeError(patched(file, (_, b) => { b[HEADER_BYTES] = 0xff; })).message).toMatch(/name is not valid UTF-8/);
  });

  it('refuses anything that is not bytes', () => {
    for (const value of [null, undefined, 'TPMC', 42, [0x54, 0x50], {}, new Float32Array(4)]) {
      expect(outcome(() => decodeMotionClip(value as never))).toBe('clip-error');
    }
  });

  it('refuses a wrong weightBits or a non-clip when encoding, as misuse', () => {
    expect(() => encodeMotionClip(makeClip(9, [0], 2), { weightBits: 12 as never })).toThrow(/weightBits must be 8 or 16/);
    expect(() => encodeMotionClip({} as never)).toThrow(TypeError);
  });
});
