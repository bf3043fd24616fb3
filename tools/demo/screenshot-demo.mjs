// Screenshots the portrait studio page (demo-game/studio.html): serves demo-game/ with its own Vite config on
// 127.0.0.1, opens it in headless system Chromium with every other host blocked, poses the
// portrait with two sliders and writes docs/studio.png.
//   node tools/demo/screenshot-demo.mjs [--out docs/studio.png] [--portrait flare-female01.png] [--engine webgl2]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, LOOPBACK_HOST, chromiumPath } from '../browser/chromium.mjs';
import { startDemoServer } from './demoServer.mjs';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: 'docs/studio.png' },
    portrait: { type: 'string', default: 'flare-female01.png' },
    engine: { type: 'string' },
  },
});

/** The pose shown in the README: mouth open, head turned 20° toward the subject's left. */
const POSE = { jawOpen: '1', yaw: '20' };
/** SwiftShader is slow, and the first visit compiles the page: face detection can take a while. */
const READY_TIMEOUT_MS = 180_000;

const { server, port } = await startDemoServer();
const userDataDir = await mkdtemp(join(tmpdir(), 'talking-portraits-demo-'));
const blocked = [];
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath(),
  headless: true,
  args: [...CHROMIUM_ARGS],
  viewport: { width: 1240, height: 820 },
});
try {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === LOOPBACK_HOST || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') process.stderr.write(`[page ${message.type()}] ${message.text()}\n`);
  });
  page.on('pageerror', (error) => process.stderr.write(`[page error] ${error.message}\n`));
  const query = new URLSearchParams({ portrait: args.portrait, ...(args.engine ? { engine: args.engine } : {}) });
  await page.goto(`http://${LOOPBACK_HOST}:${port}/studio.html?${query}`);
  await page.waitForSelector('#status:is([data-state=ready], [data-state=no-face], [data-state=error])', { timeout: READY_TIMEOUT_MS });
  const status = await page.locator('#status').evaluate((el) => ({ state: el.dataset.state, text: el.textContent }));
  process.stdout.write(`status: ${status.state}: ${status.text}\n`);
  if (status.state !== 'ready') throw new Error(`the demo did not get ready: ${status.text}`);
  for (const [control, value] of Object.entries(POSE)) await page.locator(`#control-${control}`).fill(value);
  // No focus ring in the picture; then let the PortraitSystem redraw and the scene present it.
  await page.evaluate(() => /** @type {HTMLElement | null} */ (document.activeElement)?.blur());
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)))));
  const out = resolve(REPO_ROOT, args.out);
  await page.screenshot({ path: out });
  process.stdout.write(`wrote ${out}\n`);
} finally {
  await context.close();
  await server.close();
  await rm(userDataDir, { recursive: true, force: true });
}
if (blocked.length > 0) throw new Error(`the demo tried to reach other hosts: ${blocked.join(', ')}`);
