// The demo game end to end in headless Chromium on the WebGL2 path: it loads with no console errors and
// no request beyond 127.0.0.1, the player walks to an NPC with the keyboard, the dialogue opens and
// answers choices, the portrait's pixels change over time, a dropped image without a face is refused
// clearly and one with a face becomes the player's character, every NPC comes alive from its baked rig; in the
// studio the portrait follows the mouse, a clip is recorded, replayed, saved and loaded back (a file that
// is no clip is refused clearly), and a fake webcam (a painted face, from ffmpeg) drives the portrait; a
// screenshot is saved to test-results/.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realErrors } from './consoleNoise';
import { REPO_ROOT, openDemo, type DemoBrowser } from './demoBrowser';
import { makeFakeCamera, type FakeCamera } from './fakeCamera';
import { changedShare } from './pixelChange';

/** Face detection and shader compilation on SwiftShader are slow; the first portrait may take this long. */
const FIRST_PORTRAIT_TIMEOUT_MS = 180_000;
/** Walking about 2.5 m at a few frames per second on two shared cores. */
const WALK_TIMEOUT_MS = 60_000;
/** Samples of the dialogue portrait, and the time between them: long enough for lips, blinks and gaze to move. */
const PIXEL_SAMPLES = 8;
const PIXEL_SAMPLE_GAP_MS = 400;
/** A living face moves more than this share of its pixels within PIXEL_SAMPLES × PIXEL_SAMPLE_GAP_MS (the mouth alone is about 1 %). */
const MIN_CHANGED_SHARE = 0.003;
const FIRST_NPC = 'Mira the Herbalist';
/** The pointer at the stage's edge is this far off the portrait's axis at least, degrees (about 18° by the studio's geometry). */
const MIN_LOOK_YAW_DEG = 10;
/** Eyes and head turning from the left edge to the right move more of the face than a blink does (about 1 %). */
const MIN_TURN_SHARE = 0.01;
/** Loading the tracker in video mode and finding the face in the fake camera's frames, on a loaded machine. */
const WEBCAM_TRACKING_TIMEOUT_MS = 60_000;
/** A short take: about a second at the clip's 30 frames per second. */
const MIN_TAKE_FRAMES = 30;
const SCREENSHOT = join(REPO_ROOT, 'test-results/demo-game.png');
const PORTRAITS = join(REPO_ROOT, 'tests/fixtures/portraits');

let demo: DemoBrowser;
let camera: FakeCamera;
let openedAt = 0;

describe('the demo game (WebGL2)', () => {
  beforeAll(async () => {
    // The studio's webcam: a painted face played as the camera (the game's camera-denied path is in multiplayer.test.ts).
    camera = await makeFakeCamera(join(PORTRAITS, 'flare-male02.png'));
    demo = await openDemo(1280, 800, { args: camera.args, permissions: ['camera'] });
    openedAt = performance.now();
    await demo.page.goto(`${demo.origin}/?engine=webgl2`);
  });

  afterAll(async () => {
    await demo?.close();
    await camera?.dispose();
  });

  it('loads the courtyard on WebGL2 and brings the nearest portrait to life', async () => {
    const { page } = demo;
    await page.waitForSelector('#status:is([data-state=ready], [data-state=error])', { timeout: FIRST_PORTRAIT_TIMEOUT_MS });
    expect(await page.locator('#status').getAttribute('data-state'), await page.locator('#status').textContent() ?? '').toBe('ready');
    expect(await page.locator('#stage').getAttribute('data-engine')).toBe('WebGL2');
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#status')?.dataset.alive ?? 0) >= 1, undefined, { timeout: FIRST_PORTRAIT_TIMEOUT_MS });
    console.info(`first portrait alive ${Math.round(performance.now() - openedAt)} ms after the page was opened`);
    await expect.poll(() => page.locator('#stats').textContent(), { timeout: 10_000 }).toMatch(/Engine: WebGL2[\s\S]*Generator: warp/);
    expect(await page.locator('#credits').textContent()).toMatch(/Flare RPG portraits © 2011-2021 Clint Bellanger/);
    expect(await page.evaluate(() => document.body.dataset.nearNpc ?? '')).toBe('');
  });

  it('walks to an NPC with the keyboard', async () => {
    const { page } = demo;
    await page.locator('#stage canvas').focus();
    await page.keyboard.down('w');
    try {
      await page.waitForFunction((name) => document.body.dataset.nearNpc === name, FIRST_NPC, { timeout: WALK_TIMEOUT_MS });
    } finally {
      await page.keyboard.up('w');
    }
    expect(await page.locator('#talk').isVisible()).toBe(true);
    // Near enough, the NPC turns its eyes to the player (the stats overlay says so).
    await expect.poll(() => page.locator('#stats').textContent(), { timeout: 10_000 }).toMatch(/Mira the Herbalist\s*\d+ px\s*\d+\/s · looking/);
  });

  it('opens the dialogue, speaks the line with a moving portrait, and follows a choice', async () => {
    const { page } = demo;
    await page.keyboard.press('e');
    await page.waitForFunction(() => document.body.dataset.dialogue === 'open', undefined, { timeout: 10_000 });
    expect(await page.evaluate(() => document.body.dataset.dialogueNpc)).toBe(FIRST_NPC);
    // The first line waits for the pronouncing dictionary (about 4 MB, parsed once): slow on a loaded machine.
    await expect.poll(() => page.locator('#dialogue-live').textContent(), { timeout: 120_000 }).toContain('Well met, traveller.');

    const [left, top, size] = (await page.locator('#dialogue-live').getAttribute('data-portrait'))!.split(' ').map(Number);
    expect(size).toBeGreaterThan(100);
    const clip = { x: left, y: top, width: size, height: size };
    const first = await page.screenshot({ clip });
    let most = 0;
    for (let i = 0; i < PIXEL_SAMPLES; i++) {
      await page.waitForTimeout(PIXEL_SAMPLE_GAP_MS);
      most = Math.max(most, await changedShare(page, first, await page.screenshot({ clip })));
    }
    expect(most).toBeGreaterThan(MIN_CHANGED_SHARE);

    await mkdir(join(REPO_ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    await page.keyboard.press('Space'); // skip the rest of the line: the choices appear
    await page.keyboard.press('Digit1');
    await expect.poll(() => page.locator('#dialogue-live').textContent(), { timeout: 10_000 }).toContain('Wolves, mostly.');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.body.dataset.dialogue === 'closed', undefined, { timeout: 10_000 });
  });

  it('refuses an image with no face clearly, and makes a face into the player\'s character', async () => {
    const { page } = demo;
    const message = page.locator('#character-message');
    await page.locator('#character-file').setInputFiles(join(PORTRAITS, 'chelsea-cat.png'));
    await page.waitForSelector('#character-message:is([data-state=no-face], [data-state=ready], [data-state=invalid])', { timeout: 120_000 });
    expect(await message.getAttribute('data-state')).toBe('no-face');
    expect(await message.textContent()).toMatch(/No face found in chelsea-cat\.png/);

    await page.locator('#character-file').setInputFiles(join(PORTRAITS, 'flare-male02.png'));
    await page.waitForSelector('#character-message:is([data-state=no-face], [data-state=ready], [data-state=invalid])', { timeout: 120_000 });
    expect(await message.getAttribute('data-state'), await message.textContent() ?? '').toBe('ready');
    expect(await page.locator('#character-frame').isVisible()).toBe(true);
    // Not a check (timings are not tests): how long until every NPC was alive, for the report.
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#status')?.dataset.alive) === 8, undefined, { timeout: 120_000 });
    console.info(`all 8 portraits alive ${await page.locator('#status').getAttribute('data-all-alive-ms')} ms after navigation`);
    // Every NPC came alive from its baked rig (demo-game/rigs), not by finding its face again.
    expect(await page.locator('#status').getAttribute('data-baked')).toBe('8');
  });

  it('keeps the portrait studio working as the second page', async () => {
    const { page } = demo;
    await page.goto(`${demo.origin}/studio.html?engine=webgl2&portrait=flare-female01.png`);
    await page.waitForSelector('#status:is([data-state=ready], [data-state=no-face], [data-state=error])', { timeout: 120_000 });
    expect(await page.locator('#status').getAttribute('data-state'), await page.locator('#status').textContent() ?? '').toBe('ready');
    await page.locator('#control-jawOpen').fill('1');
    expect(await page.locator('output[for=control-jawOpen]').textContent()).toBe('1.00');
    // WebGL2 has only the warp: the ONNX switch is there, off, and says why.
    expect(await page.locator('#stage').getAttribute('data-generator')).toBe('warp');
    expect(await page.locator('#generator-toggle input').isDisabled()).toBe(true);
    expect(await page.locator('#generator-toggle').textContent()).toMatch(/needs WebGPU/);
  });

  it('makes the studio portrait follow the mouse over idle life', async () => {
    const { page } = demo;
    await page.locator('#life-on').check(); // the slider above handed the face to the sliders
    const stage = page.locator('#stage canvas');
    const box = (await stage.boundingBox())!;
    const lookAt = async (x: number) => {
      await page.mouse.move(x, box.y + box.height / 2, { steps: 4 });
      return (await page.locator('#stage').getAttribute('data-look'))!.split(' ').map(Number)[0];
    };
    expect(await lookAt(box.x + 2)).toBeLessThan(-MIN_LOOK_YAW_DEG);
    const left = await stage.screenshot();
    expect(await lookAt(box.x + box.width - 2)).toBeGreaterThan(MIN_LOOK_YAW_DEG);
    // Eyes and head turn toward the pointer: a large part of the face changes, far beyond a blink.
    await expect.poll(async () => changedShare(page, left, await stage.screenshot()), { timeout: 20_000, interval: 300 }).toBeGreaterThan(MIN_TURN_SHARE);
  });

  it('records a clip in the studio, replays it on a still face, saves it and loads it back', async () => {
    const { page } = demo;
    const stage = page.locator('#stage canvas');
    const message = page.locator('#clip-message');
    const box = (await stage.boundingBox())!;
    await page.locator('#clip-record').click();
    expect(await message.getAttribute('data-state')).toBe('recording');
    // Sweep the pointer across the portrait while recording, until the take holds enough frames.
    for (let sweep = 0; Number((await message.getAttribute('data-frames')) ?? 0) < MIN_TAKE_FRAMES; sweep++) {
      await page.mouse.move(box.x + (sweep % 2 === 0 ? box.width - 2 : 2), box.y + box.height * (0.3 + 0.1 * (sweep % 4)), { steps: 8 });
    }
    await page.locator('#clip-stop').click();
    expect(await message.getAttribute('data-state'), await message.textContent() ?? '').toBe('recorded');

    await page.locator('#life-on').uncheck(); // the face holds the sliders' pose: only the clip moves it now
    const still = await stage.screenshot();
    await page.locator('#clip-play').click();
    expect(await message.getAttribute('data-state')).toBe('playing');
    await expect.poll(async () => changedShare(page, still, await stage.screenshot()), { timeout: 20_000, interval: 200 }).toBeGreaterThan(MIN_CHANGED_SHARE);
    await page.waitForSelector('#clip-message[data-state=recorded]', { timeout: 60_000 });
    expect(await message.textContent()).toMatch(/Played to the end/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#clip-save').click()]);
    const saved = join(REPO_ROOT, 'test-results/studio-take.clip');
    await mkdir(join(REPO_ROOT, 'test-results'), { recursive: true });
    await download.saveAs(saved);
    await page.locator('#clip-load').setInputFiles(saved);
    await page.waitForSelector('#clip-message[data-state=loaded]', { timeout: 10_000 });
    expect(await message.textContent()).toMatch(/Loaded studio-take\.clip: \d+ frames/);
    await page.locator('#clip-load').setInputFiles(join(PORTRAITS, 'flare-male02.png'));
    await page.waitForSelector('#clip-message[data-state=invalid]', { timeout: 10_000 });
    expect(await message.textContent()).toMatch(/flare-male02\.png is not a motion clip/);
  });

  it('lets the webcam drive the studio portrait once it sees a face, learns its turns on request, and hands the face back when stopped', async () => {
    const { page } = demo;
    const message = page.locator('#webcam-message');
    await page.locator('#webcam-use').click();
    await page.waitForSelector('#webcam-message:is([data-state=on], [data-state=failed])', { timeout: 60_000 });
    expect(await message.getAttribute('data-state'), await message.textContent() ?? '').toBe('on');
    await page.waitForSelector('#webcam-message[data-tracking=tracking]', { timeout: WEBCAM_TRACKING_TIMEOUT_MS });
    expect(await message.textContent()).toBe('Your face drives the portrait.');
    await page.locator('#webcam-turns').click();
    await page.waitForSelector('#webcam-message[data-tracking=learning-turns]', { timeout: 5_000 });
    // Four seconds of the clip's frames, then back to following the face.
    await page.waitForSelector('#webcam-message[data-tracking=tracking]', { timeout: WEBCAM_TRACKING_TIMEOUT_MS });
    await page.locator('#webcam-use').click(); // "Stop webcam"
    expect(await message.getAttribute('data-state')).toBe('off');
  });

  it('made no console errors and no request to any host but 127.0.0.1', () => {
    expect(realErrors(demo.errors)).toEqual([]);
    expect(demo.foreignRequests).toEqual([]);
  });
});
