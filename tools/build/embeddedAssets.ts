// A Vite plugin for builds that ship the plugin's embedded assets: it points
// plugin/capture/defaultAssetUrls.ts and the ONNX loaders at copies placed beside the built code and emits those
// copies (the face model, MediaPipe's wasm, the ONNX model), so the output works offline, with no CDN.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The module whose two relative paths this plugin rewrites, and the paths as written there. */
const ASSET_URLS_MODULE = /[\\/]plugin[\\/]capture[\\/]defaultAssetUrls\.ts$/;
const SOURCE_MODEL_PATH = '../../models/face_landmarker.task';
const SOURCE_WASM_DIR_PATH = '../../node_modules/@mediapipe/tasks-vision/wasm';

const MODEL_FILE = join(REPO_ROOT, 'models', 'face_landmarker.task');
/** The ONNX generator's shipped model and where its loader and ORT's wasm folder are written. */
const ONNX_MODEL_MODULE = /[\\/]plugin[\\/]render[\\/]onnx[\\/]loadModelBytes\.ts$/;
const ONNX_RUNTIME_MODULE = /[\\/]plugin[\\/]render[\\/]onnx[\\/]loadOrtWebGpu\.ts$/;
const SOURCE_ONNX_MODEL_PATH = '../../../models/dense-motion-256.onnx';
const SOURCE_ORT_WASM_DIR_PATH = '../../../node_modules/onnxruntime-web/dist/';
const ONNX_MODEL_NAME = 'dense-motion-256.onnx';
const ONNX_MODEL_FILE = join(REPO_ROOT, 'models', ONNX_MODEL_NAME);
const VISION_PACKAGE_DIR = join(REPO_ROOT, 'node_modules', '@mediapipe', 'tasks-vision');
const MODEL_NAME = 'face_landmarker.task';
const WASM_DIR_NAME = 'mediapipe-wasm';

/**
 * The wasm variants FaceTracker can load: FilesetResolver.forVisionTasks(base) picks
 * vision_wasm_internal (SIMD) or vision_wasm_nosimd_internal. The vision_wasm_module_*
 * variant is only for forVisionTasks(base, true), which the plugin never calls; leaving it
 * out saves about 11 MB.
 */
const WASM_FILE_PATTERN = /^vision_wasm(_nosimd)?_internal\.(js|wasm)$/;

export interface EmbeddedAssetsOptions {
  /** Folder under the build's outDir that receives the copies, e.g. 'assets'. */
  outputDir: string;
  /**
   * The same folder as seen from the built chunk that holds defaultAssetUrls' code:
   * './assets' when the chunk sits at the top of outDir (library build), '.' when the chunk
   * itself lands in that folder (an app build with Vite's default assetsDir).
   */
  importPath: string;
}

/** The files to copy: path inside outputDir → absolute source path. */
export function embeddedAssetFiles(): Map<string, string> {
  const files = new Map<string, string>([[MODEL_NAME, MODEL_FILE], [ONNX_MODEL_NAME, ONNX_MODEL_FILE]]);
  const wasmDir = join(VISION_PACKAGE_DIR, 'wasm');
  const wasmFiles = readdirSync(wasmDir).filter((name) => WASM_FILE_PATTERN.test(name));
  if (wasmFiles.length !== 4) {
    throw new Error(`embeddedAssets: expected 4 MediaPipe wasm files in ${wasmDir}, found ${wasmFiles.join(', ') || 'none'}.`);
  }
  for (const name of wasmFiles) files.set(`${WASM_DIR_NAME}/${name}`, join(wasmDir, name));
  return files;
}

function visionNotice(): string {
  const pkg = JSON.parse(readFileSync(join(VISION_PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string; license?: string };
  return [
    `${WASM_DIR_NAME}/ holds the WebAssembly runtime of the npm package @mediapipe/tasks-vision ${pkg.version},`,
    `copied unchanged (licence: ${pkg.license ?? 'Apache-2.0'}; Copyright The MediaPipe Authors, Google LLC).`,
    `${MODEL_NAME} is the face model built by babylon-talking-portraits from MediaPipe models`,
    '(Apache-2.0); its provenance and changes are in models/README.md and models/NOTICE of the package.',
    `${ONNX_MODEL_NAME} is the ONNX generator's dense-motion model, built by babylon-talking-portraits`,
    '(tools/onnx; MIT, like the package); its contract and sha256 are in models/README.md.',
    '',
  ].join('\n');
}

/** Replaces the one string literal `from` in a module with the code `to` (a string literal, or null). */
function replaceOnce(code: string, from: string, to: string, id: string): string {
  const literal = `'${from}'`;
  const at = code.indexOf(literal);
  if (at < 0 || code.indexOf(literal, at + 1) >= 0) {
    throw new Error(`embeddedAssets: expected exactly one ${literal} in ${id}; update tools/build/embeddedAssets.ts to match it.`);
  }
  return code.slice(0, at) + to + code.slice(at + literal.length);
}

export function embeddedAssets(options: EmbeddedAssetsOptions): Plugin {
  const base = options.importPath.replace(/\/$/, '');
  let rewritten = false;
  return {
    name: 'talking-portraits:embedded-assets',
    apply: 'build',
    // Before the TypeScript transform, so the literals are exactly as written in the source.
    enforce: 'pre',
    buildStart() {
      rewritten = false;
    },
    transform(code, id) {
      const file = id.split('?')[0];
      if (ONNX_MODEL_MODULE.test(file)) return { code: replaceOnce(code, SOURCE_ONNX_MODEL_PATH, JSON.stringify(`${base}/${ONNX_MODEL_NAME}`), id), map: null };
      // In a game, onnxruntime-web finds its wasm beside its own module (the game's bundler emits it).
      if (ONNX_RUNTIME_MODULE.test(file)) return { code: replaceOnce(code, SOURCE_ORT_WASM_DIR_PATH, 'null', id), map: null };
      if (!ASSET_URLS_MODULE.test(file)) return null;
      rewritten = true;
      let out = replaceOnce(code, SOURCE_MODEL_PATH, JSON.stringify(`${base}/${MODEL_NAME}`), id);
      out = replaceOnce(out, SOURCE_WASM_DIR_PATH, JSON.stringify(`${base}/${WASM_DIR_NAME}`), id);
      return { code: out, map: null };
    },
    generateBundle() {
      if (!rewritten) {
        this.warn('plugin/capture/defaultAssetUrls.ts was not in this build; the embedded assets are copied anyway.');
      }
      for (const [name, source] of embeddedAssetFiles()) {
        this.emitFile({ type: 'asset', fileName: `${options.outputDir}/${name}`, source: readFileSync(source) });
      }
      this.emitFile({ type: 'asset', fileName: `${options.outputDir}/NOTICE`, source: visionNotice() });
    },
  };
}
