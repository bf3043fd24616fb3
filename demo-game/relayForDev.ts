// `npm start` brings the multiplayer relay up beside the demo (on 127.0.0.1:2567, the address the
// game joins by default), so "Join room" works from the README's first command. Tests and tools
// that start the demo's dev server themselves do not get one: they start their own.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { RelayServer } from '../server/startServer';

/** Loaded through the dev server (TypeScript, the plugin's modules), not bundled into the config. */
const RELAY_MODULE = fileURLToPath(new URL('../server/startServer.ts', import.meta.url));

/** npm names the script it runs in npm_lifecycle_event; only `npm start` wants the relay. */
const WANTS_RELAY = process.env.npm_lifecycle_event === 'start';

export function relayForDev(): Plugin {
  let relay: RelayServer | null = null;
  return {
    name: 'talking-portraits:relay-for-dev',
    apply: 'serve',
    async configureServer(server) {
      if (!WANTS_RELAY) return;
      try {
        const { startRelayServer, DEFAULT_RELAY_PORT } = (await server.ssrLoadModule(RELAY_MODULE)) as typeof import('../server/startServer');
        relay = await startRelayServer({ port: DEFAULT_RELAY_PORT });
        server.config.logger.info(`  multiplayer relay on ${relay.url} (stops with the demo)`);
      } catch (error) {
        // A relay already running (npm run server) serves the demo as well.
        server.config.logger.warn(`  multiplayer relay not started: ${error instanceof Error ? error.message : String(error)}`);
      }
      server.httpServer?.once('close', () => {
        void relay?.close();
        relay = null;
      });
    },
  };
}
