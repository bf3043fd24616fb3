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

  it('records a request to any host but 127.0.0.1, so the test that made it fails', async () => {
    await fetch('http://example.com/phone-home').catch(() => undefined);
    const violations = await commands.takeNetworkViolations();
    expect(violations).toContain('http://example.com/phone-home');
  });
});
