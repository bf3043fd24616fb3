import { Engine } from '@babylonjs/core/Engines/engine';
import { WebGPUEngine } from '@babylonjs/core/Engines/webgpuEngine';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import { installWebGpuCanvasShim } from './webgpuCanvasShim';

export type EngineKind = 'webgpu' | 'webgl2';
export const ENGINE_KINDS: readonly EngineKind[] = ['webgpu', 'webgl2'];

/** A Babylon engine of the given kind on a fresh off-screen canvas. */
export async function createEngine(kind: EngineKind, size = 64): Promise<AbstractEngine> {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  if (kind === 'webgpu') {
    installWebGpuCanvasShim();
    const engine = new WebGPUEngine(canvas, { antialias: false, stencil: false });
    await engine.initAsync();
    return engine;
  }
  return new Engine(canvas, false, { preserveDrawingBuffer: true, stencil: false }, false);
}
