import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, LOOPBACK_HOST, chromiumPath } from './tools/browser/chromium.mjs';
import { armNetworkGuard, takeNetworkViolations } from './tests/support/network-guard-command.ts';

/** Cross-origin isolation lets onnxruntime-web and MediaPipe use wasm threads. */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** SwiftShader is slow: a browser test may take this long before it counts as hung. */
const BROWSER_TEST_TIMEOUT_MS = 120_000;

export default defineConfig({
  // Decided up front so a first run on a clean clone never re-optimizes and reloads mid-test:
  // Babylon is plain ESM and is served as is; MediaPipe's single bundle is pre-bundled.
  optimizeDeps: { include: ['@mediapipe/tasks-vision'], exclude: ['@babylonjs/core', '@babylonjs/gui'] },
  server: { host: LOOPBACK_HOST, headers: ISOLATION_HEADERS, fs: { strict: true } },
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          setupFiles: ['tests/support/network-guard.setup.ts'],
          testTimeout: BROWSER_TEST_TIMEOUT_MS,
          hookTimeout: BROWSER_TEST_TIMEOUT_MS,
          fileParallelism: false,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] },
            }),
            instances: [{ browser: 'chromium' }],
            commands: { armNetworkGuard, takeNetworkViolations },
          },
        },
      },
    ],
  },
});
