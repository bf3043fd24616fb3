// The bench's second engine: WebGPU that renders only into textures, so the ONNX generator (WebGPU only) runs even on SwiftShader.
import { WebGPUEngine } from '@babylonjs/core/Engines/webgpuEngine';
import { installWebGpuCanvasShim } from '../../../tests/support/webgpuCanvasShim';

/**
 * The same size as the page's canvas (tools/pages/bench.html), so a scene frames and draws the
 * same pixels on either engine.
 */
const CANVAS_WIDTH = 960;
const CANVAS_HEIGHT = 540;

/**
 * A WebGPU engine on an off-screen canvas whose context hands out an ordinary GPUTexture
 * (tests/support/webgpuCanvasShim): headless Chromium on SwiftShader loses the device when
 * presenting WebGPU to a canvas, and nothing here is meant to be seen. The shim only answers
 * `getContext('webgpu')` calls made after it is installed, so call this after the page's own
 * engine exists. Nothing is presented, so frames have no back-pressure from a swap chain: the
 * render loop runs at requestAnimationFrame's pace.
 */
export async function createTextureOnlyEngine(): Promise<WebGPUEngine> {
  if (!navigator.gpu) throw new Error('bench: the texture-only engine needs WebGPU; launch Chromium with --enable-unsafe-webgpu.');
  installWebGpuCanvasShim();
  const canvas = document.createElement('canvas');
  canvas.width = CANVAS_WIDTH;
  canvas.height = CANVAS_HEIGHT;
  const engine = new WebGPUEngine(canvas, { antialias: false, stencil: false, enableAllFeatures: true });
  await engine.initAsync();
  return engine;
}

/**
 * Lets the next frame start only once the GPU finished the previous one: the back-pressure a swap
 * chain gives, which an engine that presents nothing lacks. Without it the render loop queues
 * frames faster than a slow GPU (SwiftShader) runs them, the queue grows without end, and work
 * submitted later (an inference) waits behind it.
 */
export class GpuFramePacer {
  private _busy = false;

  constructor(private readonly _engine: WebGPUEngine) {}

  /** True when the GPU has finished every frame submitted so far. */
  get ready(): boolean {
    return !this._busy;
  }

  /** Call right after a frame's work was submitted. */
  frameSubmitted(): void {
    this._busy = true;
    this._engine._device.queue.onSubmittedWorkDone().then(this._done);
  }

  private readonly _done = (): void => {
    this._busy = false;
  };
}
