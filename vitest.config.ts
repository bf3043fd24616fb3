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
/** Integration tests run real servers and many clients for a minute of wall time. */
const INTEGRATION_TEST_TIMEOUT_MS = 240_000;
/** End-to-end tests start the demo and a browser of their own and click through it. */
const E2E_TEST_TIMEOUT_MS = 300_000;

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
          // Projects run one after another: two cores cannot carry a browser beside a server.
          sequence: { groupOrder: 0 },
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: INTEGRATION_TEST_TIMEOUT_MS,
          hookTimeout: INTEGRATION_TEST_TIMEOUT_MS,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 3 },
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: E2E_TEST_TIMEOUT_MS,
          hookTimeout: E2E_TEST_TIMEOUT_MS,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          sequence: { groupOrder: 2 },
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
