import { describe, expect, it } from 'vitest';
import { LandmarkTransfer } from '../../../plugin/capture/LandmarkTransfer';
import { ClipFormatError } from '../../../plugin/core/errors';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { CHIN } from '../../../plugin/core/landmarkIndices';
import { crc32 } from '../../../plugin/motion/clips/crc32';
import { decodeLandmarkClip } from '../../../plugin/motion/clips/decodeLandmarkClip';
import { encodeLandmarkClip } from '../../../plugin/motion/clips/encodeLandmarkClip';
import { LandmarkClip } from '../../../plugin/motion/clips/LandmarkClip';
import { LandmarkClipPlayer } from '../../../plugin/motion/clips/LandmarkClipPlayer';
import { LANDMARK_HEADER_BYTES, LANDMARK_STEP, OFFSET_NEUTRAL } from '../../../plugin/motion/clips/landmarkClipLayout';
import { recordedDetections } from './detectionFixtures';
import { jawDropped } from './performerEdits';

const performer = recordedDetections().find((r) => r.portrait.startsWith('flare-male01'))!.detection;
const portrait = recordedDetections().find((r) => r.portrait.startsWith('astronaut'))!.detection;
const FRAME_RATE = 30;
/** Jaw drops of the recorded frames, in performer pixels: closed, half open, open, half, closed. */
const DROPS = [0, 6, 12, 6, 0];

function recordedClip(withTransforms: boolean): LandmarkClip {
  const frames = new Float32Array(DROPS.length * 1434), transforms = new Float32Array(DROPS.length * 16);
  DROPS.forEach((drop, f) => {
    frames.set(jawDropped(performer, drop).landmarks, f * 1434);
    transforms.set(performer.transform!, f * 16);
  });
  return LandmarkClip.FromFrames({ frameRate: FRAME_RATE, imageWidth: performer.imageWidth, imageHeight: performer.imageHeight, frames, transforms: withTransforms ? transforms : null });
}

/** The file with its checksum rewritten, so a check past the CRC is what refuses it. */
function resealed(bytes: Uint8Array): Uint8Array {
  new DataView(bytes.buffer).setUint32(bytes.length - 4, crc32(bytes, 0, bytes.length - 4), true);
  return bytes;
}

describe('landmark clips', () => {
  it('round-trips a recording within half a quantization step', () => {
    for (const withTransforms of [true, false]) {
      const clip = decodeLandmarkClip(encodeLandmarkClip(recordedClip(withTransforms)));
      expect(clip.frameCount).toBe(DROPS.length);
      expect(clip.durationMs).toBeCloseTo((DROPS.length * 1000) / FRAME_RATE, 6);
      expect(clip.transforms === null).toBe(!withTransforms);
      const player = new LandmarkClipPlayer(clip);
      const original = jawDropped(performer, 12).landmarks;
      const played = player.sample((2 * 1000) / FRAME_RATE).landmarks;
      for (let i = 0; i < original.length; i++) expect(Math.abs(played[i] - original[i])).toBeLessThanOrEqual(LANDMARK_STEP / 2 + 1e-7);
    }
  });

  it('takes 2 bytes per coordinate: a 30 Hz second of landmarks without transforms is 86 kB', () => {
    const bytes = encodeLandmarkClip(recordedClip(false));
    expect(bytes.length).toBe(LANDMARK_HEADER_BYTES + DROPS.length * 1434 * 2 + 4);
  });

  it('interpolates between frames, clamps to the clip, and wraps when looping', () => {
    const player = new LandmarkClipPlayer(recordedClip(true));
    const chinY = (timeMs: number) => player.sample(timeMs).landmarks[CHIN * 3 + 1];
    const frameMs = 1000 / FRAME_RATE;
    expect(chinY(1.5 * frameMs)).toBeCloseTo((chinY(frameMs) + chinY(2 * frameMs)) / 2, 6);
    expect(chinY(-500)).toBe(chinY(0));
    expect(chinY(10_000)).toBe(chinY(4 * frameMs));
    player.loop = true;
    expect(chinY(5 * frameMs + 2 * frameMs)).toBeCloseTo(chinY(2 * frameMs), 6);
    expect(player.neutral.landmarks).toEqual(recordedClip(true).neutral);
    expect(() => player.sample(Number.NaN)).toThrow(RangeError);
  });

  it('drives a portrait through LandmarkTransfer: its chin drops when the recording\'s jaw does', () => {
    const player = new LandmarkClipPlayer(decodeLandmarkClip(encodeLandmarkClip(recordedClip(true))));
    const transfer = new LandmarkTransfer();
    transfer.setPortrait(portrait);
    transfer.setNeutral(player.neutral);
    const offsets = new Float32Array(956), head = new FaceControls();
    const chinDrop = (timeMs: number) => {
      transfer.transfer(player.sample(timeMs), offsets, head);
      return offsets[CHIN * 2 + 1];
    };
    expect(Math.abs(chinDrop(0))).toBeLessThan(0.05);
    expect(chinDrop(2000 / FRAME_RATE)).toBeGreaterThan(5);
    expect(chinDrop(1000 / FRAME_RATE)).toBeCloseTo(chinDrop(2000 / FRAME_RATE) / 2, 0);
  });

  it('refuses hostile and damaged files with ClipFormatError', () => {
    const good = encodeLandmarkClip(recordedClip(true));
    const damaged: [string, Uint8Array][] = [
      ['empty', new Uint8Array(0)],
      ['truncated', good.slice(0, good.length - 10)],
      ['extra bytes', Uint8Array.from([...good, 0])],
      ['foreign magic', resealed(Uint8Array.from(good, (b, i) => (i === 0 ? 0x58 : b)))],
      ['flipped data bit', Uint8Array.from(good, (b, i) => (i === LANDMARK_HEADER_BYTES + 7 ? b ^ 4 : b))],
    ];
    const edit = (apply: (view: DataView) => void) => {
      const bytes = good.slice();
      apply(new DataView(bytes.buffer));
      return resealed(bytes);
    };
    damaged.push(
      ['version 2', edit((v) => v.setUint16(4, 2, true))],
      ['unknown flag', edit((v) => v.setUint16(6, 3, true))],
      ['frame rate 0', edit((v) => v.setFloat64(8, 0, true))],
      ['a billion frames', edit((v) => v.setUint32(16, 1e9, true))],
      ['zero width', edit((v) => v.setUint32(20, 0, true))],
      ['NaN neutral', edit((v) => v.setFloat32(OFFSET_NEUTRAL, Number.NaN, true))],
      ['never-written step', edit((v) => v.setInt16(LANDMARK_HEADER_BYTES, -32768, true))],
      ['infinite transform', edit((v) => v.setFloat32(LANDMARK_HEADER_BYTES + 1434 * 2, Number.POSITIVE_INFINITY, true))],
    );
    for (const [name, bytes] of damaged) expect(() => decodeLandmarkClip(bytes), name).toThrow(ClipFormatError);
    expect(() => decodeLandmarkClip('clip' as unknown as Uint8Array)).toThrow(ClipFormatError);
    expect(decodeLandmarkClip(good.buffer as ArrayBuffer).frameCount).toBe(DROPS.length);
  });

  it('refuses misuse when building a clip', () => {
    expect(() => LandmarkClip.FromFrames({ frameRate: 30, imageWidth: 10, imageHeight: 10, frames: new Float32Array(7) })).toThrow(TypeError);
    const frames = new Float32Array(1434 * 2);
    frames[1434 + 5] = Number.NaN;
    expect(() => LandmarkClip.FromFrames({ frameRate: 30, imageWidth: 10, imageHeight: 10, frames })).toThrow(/frame 1/);
    expect(() => LandmarkClip.FromFrames({ frameRate: 0, imageWidth: 10, imageHeight: 10, frames: new Float32Array(1434) })).toThrow(RangeError);
    expect(() => encodeLandmarkClip({} as LandmarkClip)).toThrow(TypeError);
    expect(() => new LandmarkClipPlayer({} as LandmarkClip)).toThrow(TypeError);
  });
});
