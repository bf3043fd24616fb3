// Serves the demo game with its own Vite config on 127.0.0.1 and opens it in headless system Chromium (one or more
// pages, each in a browser context of its own), blocking (and recording) every request to another host and every console error.
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { startDemoServer } from '../../tools/demo/demoServer.mjs';
import { CHROMIUM_ARGS, LOOPBACK_HOST, chromiumPath } from '../../tools/browser/chromium.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** One page of the demo, and what it did that a test must check. */
export interface DemoPage {
  readonly page: Page;
  /** Requests to hosts other than 127.0.0.1 (blocked). */
  readonly foreignRequests: string[];
  /** Console errors and uncaught page errors. */
  readonly errors: string[];
}

/** The demo in a browser: its first page, and the origin it is served from. */
export interface DemoBrowser extends DemoPage {
  readonly origin: string;
  close(): Promise<void>;
}

/** Several pages of the demo, as several players would open it. */
export interface DemoPages {
  readonly pages: readonly DemoPage[];
  readonly origin: string;
  close(): Promise<void>;
}

/** Extra browser settings for a test: more Chromium flags (e.g. a fake camera) and permissions granted to every page. */
export interface DemoBrowserOptions {
  readonly args?: readonly string[];
  readonly permissions?: readonly string[];
}

/** Starts the demo's Vite server and a fresh Chromium with the project's flags and a viewport of `width`×`height`. */
export async function openDemo(width: number, height: number, options: DemoBrowserOptions = {}): Promise<DemoBrowser> {
  const opened = await openDemoPages(1, width, height, options);
  return { ...opened.pages[0], origin: opened.origin, close: () => opened.close() };
}

/** Starts the demo's Vite server and one Chromium with `count` pages, each in its own context (no shared storage). */
export async function openDemoPages(count: number, width: number, height: number, options: DemoBrowserOptions = {}): Promise<DemoPages> {
  const { server, port }: { server: ViteDevServer; port: number } = await startDemoServer();
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] });
  } catch (error) {
    await server.close();
    throw error;
  }
  const pages: DemoPage[] = [];
  for (let i = 0; i < count; i++) {
    const context = await browser.newContext({ viewport: { width, height }, permissions: [...(options.permissions ?? [])] });
    const foreignRequests: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === LOOPBACK_HOST || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      foreignRequests.push(url.href);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`[console] ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`[page] ${error.message}`));
    // WebSockets do not pass through route(): they are recorded here, and the test checks their hosts.
    page.on('websocket', (socket) => {
      if (new URL(socket.url()).hostname !== LOOPBACK_HOST) foreignRequests.push(socket.url());
    });
    pages.push({ page, foreignRequests, errors });
  }
  return {
    pages,
    origin: `http://${LOOPBACK_HOST}:${port}`,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
