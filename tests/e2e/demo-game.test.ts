// The demo game end to end in headless Chromium on the WebGL2 path: it loads with no console errors and
// no request beyond 127.0.0.1, the player walks to an NPC with the keyboard, the dialogue opens and
// answers choices, the portrait's pixels change over time, a dropped image without a face is refused
// clearly and one with a face becomes the player's character; a screenshot is saved to test-results/.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, openDemo, type DemoBrowser } from './demoBrowser';
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
const SCREENSHOT = join(REPO_ROOT, 'test-results/demo-game.png');
const PORTRAITS = join(REPO_ROOT, 'tests/fixtures/portraits');
/**
 * Console lines that are not errors although Chromium files them as such: MediaPipe's wasm prints
 * this INFO line to stderr when its CPU delegate starts, and Emscripten routes stderr to console.error.
 */
const NOT_ERRORS: readonly RegExp[] = [/^\[console\] INFO: Created TensorFlow Lite XNNPACK delegate for CPU\.$/];

let demo: DemoBrowser;
let openedAt = 0;

describe('the demo game (WebGL2)', () => {
  beforeAll(async () => {
    demo = await openDemo(1280, 800);
    openedAt = performance.now();
    await demo.page.goto(`${demo.origin}/?engine=webgl2`);
  });

  afterAll(async () => {
    await demo?.close();
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
    await expect.poll(() => page.locator('#stats').textContent(), { timeout: 10_000 }).toMatch(/Mira the Herbalist\s*256 px\s*\d+\/s · looking/);
  });

  it('opens the dialogue, speaks the line with a moving portrait, and follows a choice', async () => {
    const { page } = demo;
    await page.keyboard.press('e');
    await page.waitForFunction(() => document.body.dataset.dialogue === 'open', undefined, { timeout: 10_000 });
    expect(await page.evaluate(() => document.body.dataset.dialogueNpc)).toBe(FIRST_NPC);
    await expect.poll(() => page.locator('#dialogue-live').textContent(), { timeout: 60_000 }).toContain('Well met, traveller.');

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
    console.info(`all 8 portraits alive ${Math.round(performance.now() - openedAt)} ms after the page was opened`);
  });

  it('keeps the portrait studio working as the second page', async () => {
    const { page } = demo;
    await page.goto(`${demo.origin}/studio.html?engine=webgl2&portrait=flare-female01.png`);
    await page.waitForSelector('#status:is([data-state=ready], [data-state=no-face], [data-state=error])', { timeout: 120_000 });
    expect(await page.locator('#status').getAttribute('data-state'), await page.locator('#status').textContent() ?? '').toBe('ready');
    await page.locator('#control-jawOpen').fill('1');
    expect(await page.locator('output[for=control-jawOpen]').textContent()).toBe('1.00');
  });

  it('made no console errors and no request to any host but 127.0.0.1', () => {
    expect(demo.errors.filter((line) => !NOT_ERRORS.some((pattern) => pattern.test(line)))).toEqual([]);
    expect(demo.foreignRequests).toEqual([]);
  });
});
