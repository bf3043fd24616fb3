// Two players in the demo, end to end: a real relay server on 127.0.0.1 (server/startServer.ts, any free port), two
// pages of the demo (a browser context each) join the room, and each page's painting of the other player changes
// on screen, driven by the frames the other page sends; leaving removes the painting, a server that is not
// running is said so plainly, and so is a camera that cannot be had. Nothing but 127.0.0.1 is contacted and no console errors are logged.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelayServer, type RelayServer } from '../../server/startServer';
import { realErrors } from './consoleNoise';
import { REPO_ROOT, openDemoPages, type DemoPages } from './demoBrowser';
import { changedShare } from './pixelChange';

/** Small pages: two WebGL2 scenes share two slow cores. */
const VIEWPORT = { width: 800, height: 500 } as const;
/** Loading the courtyard (baked rigs: no face detection) on a loaded machine. */
const READY_TIMEOUT_MS = 120_000;
/** Joining, the other's portrait arriving and being rigged from its baked rig. */
const REMOTE_ALIVE_TIMEOUT_MS = 120_000;
/** Time for the other player's face to move the painting's pixels (blinks come about every 4 s, sway never stops). */
const PIXEL_CHANGE_TIMEOUT_MS = 30_000;
/** A living face moves more than this share of its pixels (as in demo-game.test.ts: the mouth alone is about 1 %). */
const MIN_CHANGED_SHARE = 0.003;
/** The connection refused by a port nobody listens on, logged by Chromium for the failed matchmaking request. */
const REFUSED_CONNECTION = /^\[console\] Failed to load resource: net::ERR_CONNECTION_REFUSED$/;

let relay: RelayServer;
let relayClosed = false;
let demo: DemoPages;
const serverLog: string[] = [];
const quietLogger = Object.fromEntries(['debug', 'info', 'warn', 'error', 'log'].map((level) => [level, (...args: unknown[]) => serverLog.push(`${level}: ${args.join(' ')}`)]));

/** "left top width height" of the remote player's painting on the page, once it is alive and on screen. */
async function remoteRect(index: number): Promise<{ x: number; y: number; width: number; height: number }> {
  const { page } = demo.pages[index];
  const handle = await page.waitForFunction(() => {
    const item = document.querySelector<HTMLElement>('#room-players li[data-state=alive]');
    return item && item.dataset.rect && Number(item.dataset.frames) > 0 ? item.dataset.rect : null;
  }, undefined, { timeout: REMOTE_ALIVE_TIMEOUT_MS });
  const [left, top, width, height] = String(await handle.jsonValue()).split(' ').map(Number);
  // Only the part inside the viewport can be screenshotted.
  const x = Math.max(0, left);
  const y = Math.max(0, top);
  return { x, y, width: Math.min(VIEWPORT.width, left + width) - x, height: Math.min(VIEWPORT.height, top + height) - y };
}

describe('the demo game with two players in one room', () => {
  beforeAll(async () => {
    relay = await startRelayServer({ host: '127.0.0.1', port: 0, colyseus: { logger: quietLogger } });
    demo = await openDemoPages(2, VIEWPORT.width, VIEWPORT.height);
    await Promise.all(demo.pages.map(({ page }) => page.goto(`${demo.origin}/?engine=webgl2&server=${encodeURIComponent(relay.url)}`)));
  });

  afterAll(async () => {
    await demo?.close();
    if (!relayClosed) await relay?.close();
  });

  it('loads both pages and joins both players to the room on the configured server', async () => {
    for (const { page } of demo.pages) {
      await page.waitForSelector('#status:is([data-state=ready], [data-state=error])', { timeout: READY_TIMEOUT_MS });
      expect(await page.locator('#status').getAttribute('data-state'), await page.locator('#status').textContent() ?? '').toBe('ready');
      await page.keyboard.press('F3'); // the stats overlay would cover the remote painting
      expect(await page.locator('#room-message').textContent()).toContain(relay.url);
    }
    for (const { page } of demo.pages) {
      await page.locator('#room-join').click();
      await page.waitForSelector('#room-message:not([data-state=idle]):not([data-state=joining])', { timeout: 30_000 });
      expect(await page.locator('#room-message').getAttribute('data-state'), await page.locator('#room-message').textContent() ?? '').toBe('joined');
    }
  });

  it('shows each player the other one\'s portrait, moving with the frames the other sends', async () => {
    for (let i = 0; i < demo.pages.length; i++) {
      const { page } = demo.pages[i];
      const clip = await remoteRect(i);
      expect(clip.width).toBeGreaterThan(40);
      expect(clip.height).toBeGreaterThan(40);
      const framesBefore = Number(await page.locator('#room-players li').first().getAttribute('data-frames'));
      const first = await page.screenshot({ clip });
      await expect.poll(async () => changedShare(page, first, await page.screenshot({ clip })), { timeout: PIXEL_CHANGE_TIMEOUT_MS, interval: 300 })
        .toBeGreaterThan(MIN_CHANGED_SHARE);
      // The frames that moved it came from the other page, through the relay.
      await expect.poll(async () => Number(await page.locator('#room-players li').first().getAttribute('data-frames')), { timeout: 10_000 })
        .toBeGreaterThan(framesBefore);
      await mkdir(join(REPO_ROOT, 'test-results'), { recursive: true });
      await page.screenshot({ path: join(REPO_ROOT, `test-results/multiplayer-${i}.png`) });
      const other = demo.pages[1 - i].page;
      expect(Number(await other.locator('#room-players').getAttribute('data-sent'))).toBeGreaterThan(0);
    }
  });

  it('removes the painting of a player who leaves', async () => {
    const [stay, go] = demo.pages.map((p) => p.page);
    await go.locator('#room-join').click(); // "Leave room"
    await go.waitForSelector('#room-message[data-state=idle]', { timeout: 10_000 });
    await stay.waitForFunction(() => document.querySelectorAll('#room-players li').length === 0, undefined, { timeout: 30_000 });
    expect(await stay.locator('#room-message').getAttribute('data-state')).toBe('joined');
  });

  it('says plainly when the server stops, and when no server runs at the configured address', async () => {
    const [stay, gone] = demo.pages.map((p) => p.page);
    await relay.close();
    relayClosed = true;
    await stay.waitForSelector('#room-message[data-state=disconnected]', { timeout: 30_000 });
    expect(await stay.locator('#room-message').textContent()).toMatch(/The connection to ws:\/\/127\.0\.0\.1:\d+ ended/);
    expect(await stay.locator('#room-players li').count()).toBe(0);
    await gone.locator('#room-join').click();
    await gone.waitForSelector('#room-message:not([data-state=idle]):not([data-state=joining])', { timeout: 30_000 });
    expect(await gone.locator('#room-message').getAttribute('data-state')).toBe('unreachable');
    expect(await gone.locator('#room-message').textContent()).toMatch(/No relay server answers at ws:\/\/127\.0\.0\.1:\d+\. Start one with "npm run server"/);
  });

  it('says plainly when the player\'s camera cannot be had, and the game goes on', async () => {
    const { page } = demo.pages[0];
    await page.locator('#webcam-use').click();
    await page.waitForSelector('#webcam-message[data-state=failed]', { timeout: 30_000 });
    // This browser has no camera device and grants no permission: either refusal takes the same path.
    expect(['denied', 'not-found']).toContain(await page.locator('#webcam-message').getAttribute('data-reason'));
    expect(await page.locator('#webcam-message').textContent()).toMatch(/meanwhile the portrait lives on its own/);
    expect(await page.locator('#status').getAttribute('data-state')).toBe('ready');
  });

  it('contacted nothing but 127.0.0.1 and logged no console errors', () => {
    expect(realErrors(demo.pages[0].errors)).toEqual([]);
    expect(realErrors(demo.pages[1].errors, [REFUSED_CONNECTION])).toEqual([]);
    for (const { foreignRequests } of demo.pages) expect(foreignRequests).toEqual([]);
    expect(serverLog.filter((line) => line.startsWith('error'))).toEqual([]);
  });
});
