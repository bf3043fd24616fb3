// The demo game served by Vite on a free loopback port, for the screenshot tool and the e2e tests.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Starts demo-game/ with its own Vite config on a free port (no HMR, errors only).
 * @returns {Promise<{ server: import('vite').ViteDevServer, port: number }>} close the server when done.
 */
export async function startDemoServer() {
  const server = await createServer({
    configFile: join(REPO_ROOT, 'demo-game/vite.config.ts'),
    root: join(REPO_ROOT, 'demo-game'),
    logLevel: 'error',
    server: { port: 0, hmr: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}
