// The webcam end to end: Chromium plays a video file as the camera (a still portrait, then an
// empty wall, looping) and WebcamFace tracks it: the face is found, solved to a still, neutral
// face, lost when the wall comes, and found again when the video loops.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openToolPage, REPO_ROOT } from '../../../tools/browser/harness.mjs';
import { makeWebcamVideo } from './webcamVideo';

interface WebcamReport {
  state: string; foundEvents: number; lostEvents: number;
  yawDeg: number; pitchDeg: number; rollDeg: number;
  blinkLeft: number; blinkRight: number; jawOpen: number; headWeight: number;
}
type ToolPage = Awaited<ReturnType<typeof openToolPage>>;

/** A still photo solved against its own first frames: angles stay near zero (the detector's jitter on a still is about 1°). */
const STILL_MAX_ANGLE_DEG = 5;
/** …and no expression reads from a still, calm face. */
const STILL_MAX_WEIGHT = 0.3;
/** Software WebGL tracks a few frames a second here; a loop of the video is 5.5 s. */
const WAIT_MS = 90_000;

describe('WebcamFace on a fake camera', () => {
  let video = '';
  let tool: ToolPage;

  beforeAll(async () => {
    video = makeWebcamVideo(join(REPO_ROOT, 'tests/fixtures/portraits/astronaut.png'));
    tool = await openToolPage('tools/pages/webcam.html', {
      extraArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
  });

  afterAll(async () => {
    await tool?.page.evaluate(() => (window as unknown as { closeWebcam: () => void }).closeWebcam());
    await tool?.close();
    if (video) rmSync(dirname(video), { recursive: true, force: true });
  });

  const read = () => tool.page.evaluate(() => (window as unknown as { readWebcam: () => WebcamReport }).readWebcam());

  async function waitFor(what: string, holds: (r: WebcamReport) => boolean): Promise<WebcamReport> {
    const started = Date.now();
    for (;;) {
      const report = await read();
      if (holds(report)) return report;
      if (Date.now() - started > WAIT_MS) throw new Error(`waited ${WAIT_MS} ms for ${what}; last report ${JSON.stringify(report)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('opens the camera, finds the face and solves a still face to a neutral pose', async () => {
    const error = await tool.page.evaluate(() => (window as unknown as { openWebcam: () => Promise<string | null> }).openWebcam());
    expect(error).toBeNull();
    const tracking = await waitFor('the face to be tracked', (r) => r.state === 'tracking' && r.headWeight > 0.99);
    expect(tracking.foundEvents).toBeGreaterThanOrEqual(1);
    for (const angle of [tracking.yawDeg, tracking.pitchDeg, tracking.rollDeg]) expect(Math.abs(angle)).toBeLessThan(STILL_MAX_ANGLE_DEG);
    for (const weight of [tracking.blinkLeft, tracking.blinkRight, tracking.jawOpen]) expect(weight).toBeLessThan(STILL_MAX_WEIGHT);
  });

  it('says the face is lost when the camera shows an empty wall, eases away, and finds it again', async () => {
    const lost = await waitFor('the face to be lost', (r) => r.lostEvents >= 1 && r.state === 'lost');
    expect(lost.lostEvents).toBeGreaterThanOrEqual(1);
    const eased = await waitFor('the face to ease back to idle', (r) => r.state === 'lost' && r.headWeight === 0);
    expect(eased.headWeight).toBe(0);
    const again = await waitFor('the face to be found again', (r) => r.foundEvents >= 2 && r.state === 'tracking');
    expect(again.lostEvents).toBeGreaterThanOrEqual(1);
  });
});
