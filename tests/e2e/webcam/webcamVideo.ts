// Makes the video file Chromium plays as a fake camera: a portrait for a while, then an empty
// frame long enough for the face to count as lost, looping. Generated per run (y4m is large).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Camera frame size and rate: what WebcamCapture asks for by default. */
const WIDTH = 640;
const HEIGHT = 480;
const FPS = 30;
/** Seconds of face, then seconds of empty wall: more than FaceCaptureSource's 0.5 s lost timeout. */
export const FACE_SECONDS = 3;
export const EMPTY_SECONDS = 2.5;

/** Writes the looping camera video for `portrait` and returns its path. Needs ffmpeg (Debian package `ffmpeg`). */
export function makeWebcamVideo(portrait: string): string {
  const out = join(mkdtempSync(join(tmpdir(), 'talking-portraits-camera-')), 'camera.y4m');
  const fit = `scale=${WIDTH}:${HEIGHT}:force_original_aspect_ratio=decrease,pad=${WIDTH}:${HEIGHT}:(ow-iw)/2:(oh-ih)/2:white`;
  const result = spawnSync('ffmpeg', [
    '-loglevel', 'error', '-y',
    '-loop', '1', '-t', String(FACE_SECONDS), '-i', portrait,
    '-f', 'lavfi', '-t', String(EMPTY_SECONDS), '-i', `color=white:s=${WIDTH}x${HEIGHT}:r=${FPS}`,
    '-filter_complex', `[0:v]${fit},fps=${FPS},format=yuv420p[face];[1:v]format=yuv420p[wall];[face][wall]concat=n=2:v=1[out]`,
    '-map', '[out]', out,
  ], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(`ffmpeg could not make the camera video (install the ffmpeg package): ${result.error?.message ?? result.stderr}`);
  }
  return out;
}
