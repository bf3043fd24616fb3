// The video-to-landmark-clip tool end to end: a panned portrait video made by ffmpeg, tracked in
// headless Chromium, written as a clip that decodes and drives another portrait the same way.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LandmarkTransfer } from '../../../plugin/capture/LandmarkTransfer';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { decodeLandmarkClip } from '../../../plugin/motion/clips/decodeLandmarkClip';
import type { LandmarkClip } from '../../../plugin/motion/clips/LandmarkClip';
import { LandmarkClipPlayer } from '../../../plugin/motion/clips/LandmarkClipPlayer';

const run = promisify(execFile);
const REPO = join(__dirname, '../../..');
const PORTRAIT = join(REPO, 'tests/fixtures/portraits/astronaut.png');
const DURATION_S = 2;
const RATE = 30;
const VIEW = 400;
/** The 400-px view slides this many pixels right over the clip, so the face slides left by as much. */
const PAN_PX = 80;
/**
 * Landmark offsets a rigid pan may leave on the 512-px portrait, in pixels: tracker jitter and the
 * perspective of a face off the camera's axis (measured about 1 px); the pan itself is about 100 px there.
 */
const PAN_RESIDUE_PX = 3;
/** Tracking jitter and the tracker's own smoothing: the face's measured slide may be off by this share of the pan. */
const PAN_TOLERANCE = 0.2;

let dir = '';
let clip: LandmarkClip;
let log = '';

function meanX(landmarks: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < landmarks.length; i += 3) sum += landmarks[i];
  return sum / (landmarks.length / 3);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lmclip-e2e-'));
  const video = join(dir, 'pan.webm');
  await run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-loop', '1', '-framerate', String(RATE), '-i', PORTRAIT, '-t', String(DURATION_S),
    '-vf', `crop=${VIEW}:${VIEW}:x='20+${PAN_PX / DURATION_S}*t':y=40,format=yuv420p`, '-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', video,
  ]);
  const out = join(dir, 'pan.lmclip');
  const result = await run('node', [join(REPO, 'tools/clips/video-to-landmark-clip.mjs'), video, '--out', out, '--rate', String(RATE)], { cwd: REPO });
  log = result.stdout;
  clip = decodeLandmarkClip(await readFile(out));
}, 280_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('video-to-landmark-clip', () => {
  it('writes one frame per 1/30 s of video, every one with a face', () => {
    expect(log).toMatch(/0 without a face/);
    expect(Math.abs(clip.frameCount - DURATION_S * RATE)).toBeLessThanOrEqual(1);
    expect(clip.frameRate).toBe(RATE);
    expect([clip.imageWidth, clip.imageHeight]).toEqual([VIEW, VIEW]);
  });

  it('follows the pan: the face slides left by the pan\'s share of the view', () => {
    const player = new LandmarkClipPlayer(clip);
    const start = meanX(player.neutral.landmarks);
    const middle = meanX(player.sample(clip.durationMs / 2).landmarks);
    const end = meanX(player.sample(clip.durationMs).landmarks);
    const expected = (-PAN_PX / VIEW) * ((clip.frameCount - 1) / (DURATION_S * RATE));
    expect(end - start).toBeGreaterThan(expected * (1 + PAN_TOLERANCE));
    expect(end - start).toBeLessThan(expected * (1 - PAN_TOLERANCE));
    expect(middle).toBeLessThan(start);
    expect(middle).toBeGreaterThan(end);
  });

  it('plays back on another portrait as a head moving left, not as a changed face', async () => {
    const fixture = JSON.parse(await readFile(join(REPO, 'tests/fixtures/landmarks/flare-female01.json'), 'utf8'));
    const transfer = new LandmarkTransfer();
    transfer.setPortrait({ landmarks: Float32Array.from(fixture.landmarks.flat()), imageWidth: fixture.width, imageHeight: fixture.height });
    const player = new LandmarkClipPlayer(clip);
    transfer.setNeutral(player.neutral);
    const offsets = new Float32Array(956), head = new FaceControls();
    transfer.transfer(player.sample(clip.durationMs), offsets, head);
    expect(head.x).toBeLessThan(-0.1);
    const sorted = Array.from(offsets, Math.abs).sort((a, b) => a - b);
    // A rigid pan changes no expression: the median landmark stays near its rest.
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(PAN_RESIDUE_PX);
  });
});
