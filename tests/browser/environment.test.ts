import { describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';

describe('browser test environment', () => {
  it('has a WebGPU adapter (SwiftShader without a GPU)', async () => {
    expect(window.isSecureContext).toBe(true);
    const adapter = await navigator.gpu?.requestAdapter();
    expect(adapter).toBeTruthy();
  });

  it('has a WebGL2 context', () => {
    const gl = document.createElement('canvas').getContext('webgl2');
    expect(gl).toBeTruthy();
  });

  /** The most the runner may take to hear of a request the page made. */
  const REPORT_WAIT_MS = 5_000;

  it('records a request to any host but 127.0.0.1, so the test that made it fails', async () => {
    await fetch('http://example.com/phone-home').catch(() => undefined);
    // The browser reports the request to the test runner on its own schedule: the page's fetch
    // may fail before the runner has heard of it, so wait for the report (it must come).
    const seen: string[] = [];
    const deadline = performance.now() + REPORT_WAIT_MS;
    while (!seen.includes('http://example.com/phone-home') && performance.now() < deadline) {
      seen.push(...(await commands.takeNetworkViolations()));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(seen).toContain('http://example.com/phone-home');
  });
});
