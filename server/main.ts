// Command line entry of the demo's relay server: `npm run server -- --port 2567 --host 127.0.0.1 --portraits a,b`.
import { parseArgs } from 'node:util';
import { DEFAULT_RELAY_HOST, DEFAULT_RELAY_PORT, startRelayServer } from './startServer';

const USAGE = `Usage: npm run server -- [--host 127.0.0.1] [--port 2567] [--portraits id1,id2]
  --host       interface to listen on (env RELAY_HOST; default ${DEFAULT_RELAY_HOST})
  --port       port, 0 for any free one (env RELAY_PORT; default ${DEFAULT_RELAY_PORT})
  --portraits  ids of the game's portraits players may choose (env RELAY_PORTRAITS; default none)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      portraits: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const portText = values.port ?? process.env.RELAY_PORT ?? String(DEFAULT_RELAY_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new RangeError(`--port must be a number from 0 to 65535, got "${portText}".\n${USAGE}`);
  const portraits = (values.portraits ?? process.env.RELAY_PORTRAITS ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '');
  const relay = await startRelayServer({ host: values.host ?? process.env.RELAY_HOST ?? DEFAULT_RELAY_HOST, port, room: { portraitIds: portraits } });
  console.log(`[motion-relay] listening on ${relay.url} (room "${relay.roomName}"; portraits: ${portraits.length > 0 ? portraits.join(', ') : 'images only'})`);
  const stop = (): void => {
    console.log('[motion-relay] shutting down');
    relay.close().then(() => process.exit(0), (error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
