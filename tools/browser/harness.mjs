// Runs one of the project's tool pages (tools/pages/*.html) in headless system Chromium,
// served by Vite from the repository on 127.0.0.1, with every other host blocked.
import { fileURLToPath } from 'node:url';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, LOOPBACK_HOST, chromiumPath } from './chromium.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Cross-origin isolation lets MediaPipe and onnxruntime-web use wasm threads. */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * @param {string} pagePath path of the page under the repository root, e.g. 'tools/pages/record-landmarks.html'
 * `mounts` serve folders from anywhere on disk under a URL prefix, e.g.
 * `{ '/@portraits/': '/data/faces' }`, so tools work on files outside the repository.
 * @param {{ extraArgs?: string[], log?: (line: string) => void, mounts?: Record<string, string> }} [options]
 */
export async function openToolPage(pagePath, options = {}) {
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const server = await createServer({
    root: REPO_ROOT,
    configFile: false,
    logLevel: 'error',
    server: { host: LOOPBACK_HOST, port: 0, headers: ISOLATION_HEADERS, hmr: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const userDataDir = await mkdtemp(join(tmpdir(), 'talking-portraits-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
  });
  const blocked = [];
  const mounts = Object.entries(options.mounts ?? {}).map(([prefix, dir]) => ({ prefix, dir: resolve(dir) }));
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const mount = url.hostname === LOOPBACK_HOST ? mounts.find((m) => url.pathname.startsWith(m.prefix)) : undefined;
    if (mount) return serveMounted(route, mount, decodeURIComponent(url.pathname.slice(mount.prefix.length)));
    if (url.hostname === LOOPBACK_HOST || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') log(`[page ${message.type()}] ${message.text()}`);
  });
  page.on('pageerror', (error) => log(`[page error] ${error.message}`));
  await page.goto(`http://${LOOPBACK_HOST}:${port}/${pagePath}`);
  await page.waitForFunction(() => /** @type {any} */ (window).toolReady === true, undefined, { timeout: 120_000 });
  return {
    page,
    blocked,
    origin: `http://${LOOPBACK_HOST}:${port}`,
    async close() {
      await context.close();
      await server.close();
      await rm(userDataDir, { recursive: true, force: true });
      if (blocked.length > 0) throw new Error(`the page tried to reach other hosts: ${blocked.join(', ')}`);
    },
  };
}

const MIME_TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.json': 'application/json' };

/** Answers a request under a mount from disk, refusing paths that climb out of the folder. */
async function serveMounted(route, mount, relativePath) {
  const file = resolve(mount.dir, relativePath);
  if (!file.startsWith(mount.dir + sep)) return route.fulfill({ status: 403, body: 'outside the mounted folder' });
  try {
    const body = await readFile(file);
    const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return route.fulfill({ status: 200, body, headers: { 'Content-Type': type, ...ISOLATION_HEADERS, 'Cross-Origin-Resource-Policy': 'same-origin' } });
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return route.fulfill({ status: 404, body: 'not found' });
    throw error;
  }
}
