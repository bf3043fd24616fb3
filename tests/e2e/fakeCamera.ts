// A webcam for the browser without one: a portrait slowly zoomed into a .y4m file that Chromium plays as its camera (shared/testing/MEDIA-IN-TESTS.md).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Camera frames: two seconds at 30 fps, looped by Chromium; 640×480 y4m is about 460 KB a frame, so keep it short. */
const FRAMES = 60;

/** A fake camera file and the Chromium flags that play it; `dispose` deletes it. */
export interface FakeCamera {
  readonly args: readonly string[];
  dispose(): Promise<void>;
}

/** Renders `portrait` (a still image) into a VGA camera clip with ffmpeg, in a fresh temporary folder. */
export async function makeFakeCamera(portrait: string): Promise<FakeCamera> {
  const folder = await mkdtemp(join(tmpdir(), 'talking-portraits-camera-'));
  const file = join(folder, 'face.y4m');
  const scale = 'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2';
  await promisify(execFile)('ffmpeg', [
    '-v', 'error', '-y', '-loop', '1', '-i', portrait,
    '-vf', `${scale},zoompan=z='1+0.002*on':d=1:s=640x480:fps=30,format=yuv420p`, '-frames:v', String(FRAMES), file,
  ]);
  return {
    args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`],
    dispose: () => rm(folder, { recursive: true, force: true }),
  };
}
