// The library build: plugin/index.ts → dist/index.js (ESM), with the embedded face model and
// MediaPipe's wasm copied to dist/assets. Declarations come from tsc -p tsconfig.build.json.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { embeddedAssets } from './tools/build/embeddedAssets.ts';

const REPO_ROOT = fileURLToPath(new URL('./', import.meta.url));

/** Left to the game's own install: peers (Babylon) and the runtimes the package depends on. */
const EXTERNAL = [/^@babylonjs\//, /^@mediapipe\/tasks-vision(\/|$)/, /^onnxruntime-web(\/|$)/, /^cmu-pronouncing-dictionary(\/|$)/];

export default defineConfig({
  root: REPO_ROOT,
  publicDir: false,
  logLevel: 'warn',
  plugins: [embeddedAssets({ outputDir: 'assets', importPath: './assets' })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    copyPublicDir: false,
    lib: {
      entry: 'plugin/index.ts',
      formats: ['es'],
      fileName: () => 'index.js',
    },
    rolldownOptions: {
      external: EXTERNAL,
    },
  },
});
