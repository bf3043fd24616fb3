import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine.js';
import { Engine } from '@babylonjs/core/Engines/engine.js';
import { WebGPUEngine } from '@babylonjs/core/Engines/webgpuEngine.js';
import { Color4 } from '@babylonjs/core/Maths/math.color.js';

export type EngineKind = 'WebGPU' | 'WebGL2';

export interface ChosenEngine {
  readonly engine: AbstractEngine;
  readonly kind: EngineKind;
  /** Why WebGPU is not in use, or null when it is (or was not asked for). */
  readonly fallbackReason: string | null;
}

/**
 * How long the first WebGPU frames must survive. Some adapters (headless Chromium on
 * SwiftShader) initialise fine and lose the device on the first present to a canvas, which
 * would leave a black stage; a short probe catches that before the page commits to WebGPU.
 */
const PROBE_MS = 400;

/**
 * WebGPU when the browser has it and it can present to a canvas, else WebGL2. `mount` puts a
 * fresh canvas in the page: a canvas that once had a WebGPU context cannot get a WebGL one.
 */
export async function chooseEngine(mount: () => HTMLCanvasElement, preferWebGpu = true): Promise<ChosenEngine> {
  let fallbackReason: string | null = null;
  if (!preferWebGpu) {
    fallbackReason = 'WebGL2 was asked for (?engine=webgl2)';
  } else if (!(await WebGPUEngine.IsSupportedAsync)) {
    fallbackReason = 'this browser has no WebGPU adapter';
  } else {
    const canvas = mount();
    const engine = new WebGPUEngine(canvas, { antialias: true, adaptToDeviceRatio: true, stencil: false });
    try {
      await engine.initAsync();
      await probeFirstFrames(engine);
      return { engine, kind: 'WebGPU', fallbackReason: null };
    } catch (error) {
      engine.dispose();
      canvas.remove();
      fallbackReason = `WebGPU could not draw here (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  const canvas = mount();
  const engine = new Engine(canvas, true, { adaptToDeviceRatio: true, stencil: false }, true);
  if (engine.webGLVersion !== 2) {
    engine.dispose();
    throw new Error('This browser supports neither WebGPU nor WebGL2, which the talking portrait needs.');
  }
  return { engine, kind: 'WebGL2', fallbackReason };
}

/** Presents a few cleared frames and rejects if the device is lost meanwhile. */
async function probeFirstFrames(engine: AbstractEngine): Promise<void> {
  let lost = false;
  const observer = engine.onContextLostObservable.add(() => {
    lost = true;
  });
  try {
    const clear = new Color4(0, 0, 0, 1);
    const started = performance.now();
    while (performance.now() - started < PROBE_MS && !lost) {
      engine.beginFrame();
      engine.clear(clear, true, true);
      engine.endFrame();
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  } finally {
    engine.onContextLostObservable.remove(observer);
  }
  // Babylon starts restoring a lost device on its own; disposing the engine now makes that
  // restore fail with a logged error, which is harmless. Letting it finish instead was tried:
  // on SwiftShader the second device broke the GPU process and WebGL2 then failed too.
  if (lost) throw new Error('its device was lost on the first frames');
}
