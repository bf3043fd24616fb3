// The VideoTexture baseline's clips: frames rendered by the warp generator in the page, encoded by ffmpeg as looping VP9 WebM.
import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A 2 s loop at 30 fps: the frame rate pre-rendered dialogue clips usually have. */
export const CLIP_FPS = 30;
export const CLIP_FRAMES = 60;
/** VP9 at constant quality: ffmpeg's usual quality setting for libvpx-vp9 (lower is better quality). */
const CRF = '31';
const DATA_URL_PREFIX = 'data:image/png;base64,';

/** Renders and encodes one clip per size into `dir`; returns size → file name. */
export async function makeClips(page, sizes, dir, log) {
  const ffmpeg = spawnSync('ffmpeg', ['-version']);
  if (ffmpeg.error || ffmpeg.status !== 0) throw new Error('the video baseline needs ffmpeg on the PATH (with libvpx-vp9), e.g. `apt-get install ffmpeg`.');
  const files = {};
  for (const size of sizes) {
    const framesDir = join(dir, `frames-${size}`);
    await mkdir(framesDir, { recursive: true });
    for (let i = 0; i < CLIP_FRAMES; i++) {
      const url = await page.evaluate(([s, index, fps]) => window.clipFrame(s, index, fps), [size, i, CLIP_FPS]);
      if (!url.startsWith(DATA_URL_PREFIX)) throw new Error(`clip frame ${i} at ${size} px is not a PNG data URL`);
      await writeFile(join(framesDir, `${String(i).padStart(4, '0')}.png`), Buffer.from(url.slice(DATA_URL_PREFIX.length), 'base64'));
    }
    const file = `clip-${size}.webm`;
    const result = spawnSync('ffmpeg', [
      '-y', '-loglevel', 'error', '-framerate', String(CLIP_FPS), '-i', join(framesDir, '%04d.png'),
      '-c:v', 'libvpx-vp9', '-crf', CRF, '-b:v', '0', '-row-mt', '1', '-deadline', 'good', '-cpu-used', '4',
      '-pix_fmt', 'yuv420p', join(dir, file),
    ], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`ffmpeg failed on the ${size} px clip: ${result.stderr}`);
    await rm(framesDir, { recursive: true, force: true });
    files[size] = file;
    log(`clip ${size} px: ${CLIP_FRAMES} frames at ${CLIP_FPS} fps, VP9`);
  }
  await page.evaluate(() => window.finishClips());
  return files;
}
