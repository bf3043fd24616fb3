// Serves the demo game with its own Vite config on 127.0.0.1 and opens it in headless system Chromium,
// blocking (and recording) every request to another host and every console error.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { CHROMIUM_ARGS, LOOPBACK_HOST, chromiumPath } from '../../tools/browser/chromium.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The demo in a browser, and what it did that a test must check. */
export interface DemoBrowser {
  readonly page: Page;
  readonly origin: string;
  /** Requests to hosts other than 127.0.0.1 (blocked). */
  readonly foreignRequests: string[];
  /** Console errors and uncaught page errors. */
  readonly errors: string[];
  close(): Promise<void>;
}

/** Starts the demo's Vite server and a fresh Chromium with the project's flags and a viewport of `width`×`height`. */
export async function openDemo(width: number, height: number): Promise<DemoBrowser> {
  const server: ViteDevServer = await createServer({
    configFile: join(REPO_ROOT, 'demo-game/vite.config.ts'),
    root: join(REPO_ROOT, 'demo-game'),
    logLevel: 'error',
    server: { port: 0, hmr: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const userDataDir = await mkdtemp(join(tmpdir(), 'talking-portraits-e2e-'));
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath(),
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: { width, height },
    });
  } catch (error) {
    await server.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === LOOPBACK_HOST || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    foreignRequests.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`[console] ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`[page] ${error.message}`));
  const openContext = context;
  return {
    page,
    origin: `http://${LOOPBACK_HOST}:${port}`,
    foreignRequests,
    errors,
    async close() {
      await openContext.close();
      await server.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
