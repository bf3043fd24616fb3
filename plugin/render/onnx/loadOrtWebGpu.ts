// Loads onnxruntime-web's native WebGPU build on first use (it is large; portraits that keep
// the warp generator never load it) and points it at its wasm beside the package, never a CDN.

/** The module `onnxruntime-web/webgpu` exports. */
export type OrtWebGpu = typeof import('onnxruntime-web/webgpu');

/**
 * Where ORT's wasm lies when the game configures nothing: in this repository, the package in
 * node_modules as served beside the plugin (Vite's dev server pre-bundles ORT away from its wasm).
 * The library build (tools/build/embeddedAssets.ts) turns this into null: in a game, ORT finds
 * its wasm beside its own module, which the game's bundler emits.
 */
const DEFAULT_WASM_DIR_PATH: string | null = '../../../node_modules/onnxruntime-web/dist/';

import { installOrtLogRouter } from './ortLogRouter';

let loading: Promise<OrtWebGpu> | null = null;

/** The default folder of onnxruntime-web's wasm files, or undefined to let ORT find its own. */
export function defaultOrtWasmUrl(): string | undefined {
  return DEFAULT_WASM_DIR_PATH === null ? undefined : new URL(DEFAULT_WASM_DIR_PATH, import.meta.url).href;
}

/** onnxruntime-web/webgpu, imported once; `wasmPaths` (a folder URL) is applied before the first session. */
export function loadOrtWebGpu(wasmPaths: string | undefined): Promise<OrtWebGpu> {
  // Before onnxruntime starts and binds the console, so its placement log can be read later.
  installOrtLogRouter();
  loading ??= import('onnxruntime-web/webgpu').then((ort) => {
    if (wasmPaths !== undefined) ort.env.wasm.wasmPaths = wasmPaths;
    return ort;
  });
  return loading;
}
