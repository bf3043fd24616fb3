// Starts a Colyseus server with the motion relay room on one host and port (127.0.0.1 by default).
import type { AddressInfo } from 'node:net';
import { Server, type ServerOptions } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { MotionRelayRoom } from './MotionRelayRoom';
import { resolveRelayRoomSettings, type MotionRelayRoomOptions } from './relayRoomSettings';

/** Options of startRelayServer; every field optional. */
export interface StartRelayServerOptions {
  /** Interface to listen on. Default '127.0.0.1': only this machine can connect unless the host says otherwise. */
  host?: string;
  /** Port to listen on; 0 picks a free one. Default 2567, Colyseus's usual port. */
  port?: number;
  /** Name clients join the room by. Default 'motion_relay'. */
  roomName?: string;
  /** Options of the relay rooms. */
  room?: MotionRelayRoomOptions;
  /**
   * Colyseus server options (presence, driver) for running rooms across processes and machines, e.g. a
   * RedisPresence and RedisDriver, and its logger. Default: one process, in memory, logging to the console.
   */
  colyseus?: Pick<ServerOptions, 'presence' | 'driver' | 'publicAddress' | 'logger'>;
}

/** A running relay server. */
export interface RelayServer {
  /** The Colyseus server. */
  readonly server: Server;
  /** The interface it listens on. */
  readonly host: string;
  /** The port it listens on (the one picked when 0 was asked for). */
  readonly port: number;
  /** The room name clients join. */
  readonly roomName: string;
  /** The address colyseus.js clients connect to, e.g. ws://127.0.0.1:2567. */
  readonly url: string;
  /** Disconnects every client, disposes the rooms and stops listening. */
  close(): Promise<void>;
}

/** Default port: Colyseus's usual one. */
export const DEFAULT_RELAY_PORT = 2567;
/** Default interface: loopback only. */
export const DEFAULT_RELAY_HOST = '127.0.0.1';
/** A portrait message carries the image plus Colyseus's type header; anything larger is closed by the socket (1009). */
const MESSAGE_HEADER_SLACK = 64;

/** Defines the relay room under `name` on `server` with its own settings, resolved once. */
export function defineMotionRelayRoom(server: Server, name: string, options: MotionRelayRoomOptions = {}): void {
  const settings = resolveRelayRoomSettings(options);
  server.define(name, class extends MotionRelayRoom {
    static override settings = settings;
  });
}

/** Starts a relay server and resolves once it listens. */
export async function startRelayServer(options: StartRelayServerOptions = {}): Promise<RelayServer> {
  const host = options.host ?? DEFAULT_RELAY_HOST;
  const requestedPort = options.port ?? DEFAULT_RELAY_PORT;
  if (!(Number.isInteger(requestedPort) && requestedPort >= 0 && requestedPort <= 65535)) {
    throw new RangeError(`startRelayServer: port must be an integer from 0 to 65535, got ${requestedPort}.`);
  }
  const roomName = options.roomName ?? 'motion_relay';
  const settings = resolveRelayRoomSettings(options.room);
  const transport = new WebSocketTransport({ maxPayload: settings.portraitLimits.maxBytes + MESSAGE_HEADER_SLACK });
  const server = new Server({ ...options.colyseus, transport, greet: false, gracefullyShutdown: false });
  defineMotionRelayRoom(server, roomName, options.room);
  await server.listen(requestedPort, host);
  const port = (transport.server!.address() as AddressInfo).port;
  return {
    server,
    host,
    port,
    roomName,
    url: `ws://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () => server.gracefullyShutdown(false),
  };
}
