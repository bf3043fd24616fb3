// The demo game: `npm start` serves it on 127.0.0.1 from the repository's own files (the
// plugin's embedded model and MediaPipe wasm, the portraits in tests/fixtures/portraits);
// `npm run build:demo` writes a static site to dist-demo/ that works offline. Two pages: the
// game (index.html) and the portrait studio (studio.html).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { LOOPBACK_HOST } from '../tools/browser/chromium.mjs';
import { embeddedAssets } from '../tools/build/embeddedAssets.ts';
import { relayForDev } from './relayForDev.ts';

const DEMO_ROOT = fileURLToPath(new URL('./', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Cross-origin isolation lets MediaPipe and onnxruntime-web use wasm threads. */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root: DEMO_ROOT,
  // Relative URLs: the built site works from any folder it is copied to.
  base: './',
  publicDir: false,
  // In the built site the plugin's code sits in dist-demo/assets/, so its embedded model and
  // wasm are copied there too ('.' = beside the chunk). In dev the repository layout serves them.
  // `npm start` also brings up the multiplayer relay (demo-game/relayForDev.ts).
  plugins: [embeddedAssets({ outputDir: 'assets', importPath: '.' }), relayForDev()],
  server: {
    host: LOOPBACK_HOST,
    port: 5173,
    strictPort: false,
    headers: ISOLATION_HEADERS,
    // The plugin, models/, node_modules/ (MediaPipe's wasm) and the portraits live above demo-game/.
    fs: { strict: true, allow: [REPO_ROOT] },
  },
  preview: { host: LOOPBACK_HOST, port: 4173, strictPort: false, headers: ISOLATION_HEADERS },
  // Decided up front, so the first visit does not reload the page halfway through: MediaPipe's
  // single bundle and colyseus.js (CommonJS in browsers; the room client of the multiplayer panel)
  // are pre-bundled; Babylon is plain ESM (with shaders it imports on demand) and is served as is.
  optimizeDeps: { include: ['@mediapipe/tasks-vision', 'colyseus.js'], exclude: ['@babylonjs/core', '@babylonjs/gui'] },
  build: {
    outDir: fileURLToPath(new URL('../dist-demo/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: { game: `${DEMO_ROOT}index.html`, studio: `${DEMO_ROOT}studio.html` },
    },
    // Babylon's core and GUI make a chunk of about 1.3 MB, and the CMU pronouncing dictionary
    // (fetched on the first spoken line) one of about 3.9 MB: both expected.
    chunkSizeWarningLimit: 4500,
  },
});
