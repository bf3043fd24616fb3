// The ONNX generator in the demo: the studio on WebGPU (with the test-only canvas shim, since
// headless Chromium cannot present WebGPU) switches its portrait to the ONNX generator and back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemo, type DemoBrowser } from './demoBrowser';
import { realErrors } from './consoleNoise';
import { webGpuShimScript } from './webgpuShimScript';

/** The studio makes its portrait from a baked rig; on SwiftShader an ONNX session and its first frame take seconds. */
const READY_TIMEOUT_MS = 180_000;

describe('the studio’s ONNX generator switch', () => {
  let demo: DemoBrowser;

  beforeAll(async () => {
    demo = await openDemo(1100, 800);
    await demo.page.addInitScript(webGpuShimScript());
  });

  afterAll(async () => {
    await demo?.close();
  });

  const ready = async () => {
    await demo.page.waitForSelector('#status:is([data-state=ready], [data-state=no-face], [data-state=error])', { timeout: READY_TIMEOUT_MS });
    return { state: await demo.page.locator('#status').getAttribute('data-state'), text: (await demo.page.locator('#status').textContent()) ?? '' };
  };

  it('runs the studio on WebGPU with the warp generator, the switch on offer', async () => {
    await demo.page.goto(`${demo.origin}/studio.html?portrait=flare-female01.png`);
    const status = await ready();
    expect(status.state, status.text).toBe('ready');
    expect(await demo.page.locator('#stage').getAttribute('data-engine')).toBe('WebGPU');
    expect(await demo.page.locator('#stage').getAttribute('data-generator')).toBe('warp');
    expect(await demo.page.locator('#generator-toggle input').isDisabled()).toBe(false);
  });

  it('remakes the portrait with the ONNX generator, and back with the warp', async () => {
    await demo.page.locator('#generator-toggle input').check();
    await demo.page.waitForSelector('#stage[data-generator=onnx]', { timeout: READY_TIMEOUT_MS });
    const onnx = await ready();
    expect(onnx.text).toMatch(/drawn by the onnx generator/);
    await demo.page.locator('#generator-toggle input').uncheck();
    await demo.page.waitForSelector('#stage[data-generator=warp]', { timeout: READY_TIMEOUT_MS });
    expect(realErrors(demo.errors)).toEqual([]);
    expect(demo.foreignRequests).toEqual([]);
  });
});
