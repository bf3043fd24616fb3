#!/usr/bin/env node
// Turns a video file of a performer into a landmark clip (.lmclip) that plays back on any portrait:
// the face is tracked in every frame at a fixed rate in headless Chromium (tools/pages/video-to-landmark-clip.ts).
// Usage: node tools/clips/video-to-landmark-clip.mjs VIDEO --out FILE.lmclip [--rate 30]
import { writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openToolPage } from '../browser/harness.mjs';

/** Default clip rate in Hz: a webcam's and most videos' own rate. */
const DEFAULT_RATE = 30;
/** URL prefix the video's folder is served under. */
const VIDEO_MOUNT = '/@video/';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, rate: { type: 'string', default: String(DEFAULT_RATE) } },
});
if (positionals.length !== 1 || !values.out) {
  console.error('Usage: node tools/clips/video-to-landmark-clip.mjs VIDEO --out FILE.lmclip [--rate 30]');
  process.exit(2);
}
const rate = Number(values.rate);
if (!(rate >= 1 && rate <= 240)) {
  console.error(`--rate must be a number of frames per second from 1 to 240, got ${values.rate}`);
  process.exit(2);
}
const video = resolve(positionals[0]);
const out = resolve(values.out);

const tool = await openToolPage('tools/pages/video-to-landmark-clip.html', { mounts: { [VIDEO_MOUNT]: dirname(video) } });
try {
  const url = `${VIDEO_MOUNT}${encodeURIComponent(basename(video))}`;
  const result = await tool.page.evaluate(([u, r]) => /** @type {any} */ (window).convert(u, r), [url, rate]);
  const bytes = Buffer.from(result.clipBase64, 'base64');
  await writeFile(out, bytes);
  console.log(`${basename(video)}: ${result.width}×${result.height}, ${result.durationS.toFixed(2)} s → ${result.frameCount} frames at ${rate} Hz` +
    ` (${result.facelessFrames} without a face), ${bytes.length} bytes → ${out}`);
} finally {
  await tool.close();
}
