import { existsSync } from 'node:fs';

/** Where the system Chromium lives; CHROMIUM_PATH overrides. No test tool may download its own browser. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  throw new Error(
    'No Chromium found. On Debian/Ubuntu run `node tools/setup/ensure-chromium.mjs` (it uses apt-get); ' +
      'elsewhere install Chromium and set CHROMIUM_PATH to its executable.',
  );
}

/**
 * Flags for headless Chromium on machines without a GPU (shared/testing/WEBGPU-ON-CPU.md):
 * no background networking (it would phone home at start), WebGPU on SwiftShader, and every
 * host but the loopback one resolved to nothing, so the product cannot reach the internet.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-angle=swiftshader',
  '--autoplay-policy=no-user-gesture-required',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/** A page must come from here to be a secure context with WebGPU; never another host. */
export const LOOPBACK_HOST = '127.0.0.1';
