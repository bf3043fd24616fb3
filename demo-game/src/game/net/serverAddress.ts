// Which relay server the game may contact: ws://127.0.0.1:2567 unless the page's ?server= names another.

/** The relay `npm run server` starts by default (server/README.md). */
export const DEFAULT_RELAY_URL = 'ws://127.0.0.1:2567';
/** The room name the relay defines (server/startServer.ts). */
export const RELAY_ROOM_NAME = 'motion_relay';

/** The configured server, or why the page's ?server= cannot be used. */
export type RelayAddress = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly problem: string };

/** Reads `?server=` from `search` (a ws:// or wss:// URL with nothing after the host); the default when absent. */
export function relayAddress(search: string): RelayAddress {
  const given = new URLSearchParams(search).get('server');
  if (given === null || given === '') return { ok: true, url: DEFAULT_RELAY_URL };
  let url: URL;
  try {
    url = new URL(given);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return { ok: false, problem: `?server=${given} is not a URL; give one like ${DEFAULT_RELAY_URL}.` };
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    return { ok: false, problem: `?server=${given} must start with ws:// or wss://, e.g. ${DEFAULT_RELAY_URL}.` };
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    return { ok: false, problem: `?server=${given} must name only a host and port, e.g. ${DEFAULT_RELAY_URL}.` };
  }
  return { ok: true, url: `${url.protocol}//${url.host}` };
}
