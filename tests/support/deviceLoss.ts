import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';

/** WebGL: how long the context stays lost before the test asks for it back. */
const LOST_FOR_MS = 50;

/** Loses the engine's device the way a driver reset would and runs `whileLost`; Babylon then restores the engine on its own (WebGL: once the context is given back here). */
export async function loseDevice(engine: AbstractEngine, whileLost: () => Promise<void>): Promise<void> {
  const lost = new Promise<void>((resolve) => engine.onContextLostObservable.addOnce(() => resolve()));
  if (engine.isWebGPU) {
    (engine as unknown as { _device: GPUDevice })._device.destroy();
    await lost;
    await whileLost();
  } else {
    const gl = (engine as unknown as { _gl: WebGL2RenderingContext })._gl;
    const context = gl.getExtension('WEBGL_lose_context');
    if (!context) throw new Error('this Chromium has no WEBGL_lose_context');
    context.loseContext();
    await lost;
    await whileLost();
    await new Promise((resolve) => setTimeout(resolve, LOST_FOR_MS));
    context.restoreContext();
  }
}
