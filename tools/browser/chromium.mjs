// The system Chromium and the flags every browser run of this project uses (tests, tools,
// benchmarks). Facts behind the flags: shared/testing/WEBGPU-ON-CPU.md.
import { existsSync } from 'node:fs';

/** Where Debian and Ubuntu put Chromium; CHROMIUM_PATH overrides. No tool may download a browser. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** @returns {string | undefined} */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, ...CHROMIUM_CANDIDATES];
  return candidates.find((candidate) => candidate && existsSync(candidate));
}

/** @returns {string} */
export function chromiumPath() {
  const found = findChromium();
  if (found) return found;
  throw new Error(
    'No Chromium found. On Debian/Ubuntu run `node tools/setup/ensure-chromium.mjs` (it uses apt-get); ' +
      'elsewhere install Chromium and set CHROMIUM_PATH to its executable.',
  );
}

/**
 * Headless Chromium on machines without a GPU: no background networking (it would phone
 * home at start), WebGPU on SwiftShader, and every host but the loopback one resolved to
 * nothing, so nothing in the page can reach the internet.
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--enable-unsafe-webgpu',
  '--autoplay-policy=no-user-gesture-required',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
]);

/** Pages must come from here: a secure context with WebGPU, and the only host allowed. */
export const LOOPBACK_HOST = '127.0.0.1';
