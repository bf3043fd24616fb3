// What the plugin needs from a multiplayer connection: send my motion frames and portrait, hear other players'.
import type { CallbackList } from '../core/CallbackList';
import type { ImageHeader } from './readImageHeader';

/**
 * One remote motion frame. The object and its `bytes` are reused for every frame: read them inside the
 * callback (decode with decodeMotionFrameInto), copy them to keep them.
 */
export interface RemoteMotionFrame {
  /** The sender's player id in the room. */
  playerId: number;
  /** The encoded frame (MOTION_FRAME_BYTES bytes), not yet validated: decode it, which refuses malformed bytes. */
  readonly bytes: Uint8Array;
}

/** A player who came into or left the room. */
export interface RemotePlayerEvent {
  /** The player's id in the room, unique among the players present. */
  playerId: number;
}

/** A portrait this player sends: an image of their own, or one from the game's set by id. */
export type PortraitChoice =
  | { kind: 'image'; bytes: Uint8Array }
  | { kind: 'preset'; id: string };

/** A remote player's portrait: an image, already checked against the limits, or an id from the game's set. */
export type RemotePortrait =
  | { kind: 'image'; playerId: number; bytes: Uint8Array; header: ImageHeader }
  | { kind: 'preset'; playerId: number; id: string };

/** The connection ended; `kicked` when the server removed this client for breaking its limits. */
export interface TransportDisconnect {
  /** The WebSocket close code. */
  code: number;
  /** The server's reason, if it gave one. */
  reason: string;
  /** True when the server removed this client for breaking its limits. */
  kicked: boolean;
}

/**
 * A room of players exchanging motion frames. Adapters (ColyseusMotionTransport) wrap a connection the game
 * opened itself; the plugin never connects anywhere on its own. Events are CallbackLists; `dispose()` stops them.
 */
export interface MotionTransport {
  /** This client's player id, or -1 until the room has said it. */
  readonly localPlayerId: number;
  /** True from construction until the connection ends or the transport is disposed. */
  readonly isConnected: boolean;
  /** Each remote frame as it arrives (the event object is reused). */
  readonly onRemoteFrame: CallbackList<RemoteMotionFrame>;
  /** A remote player is present: once for each player already in the room, then for each newcomer. */
  readonly onPlayerJoined: CallbackList<RemotePlayerEvent>;
  /** A remote player left. */
  readonly onPlayerLeft: CallbackList<RemotePlayerEvent>;
  /** A remote player's portrait arrived. */
  readonly onRemotePortrait: CallbackList<RemotePortrait>;
  /** The room refused something this client sent; the reason is for people. */
  readonly onRefused: CallbackList<string>;
  /** The connection ended. */
  readonly onDisconnected: CallbackList<TransportDisconnect>;
  /** Sends one encoded frame (encodeMotionFrameInto) to every other player; returns false when not connected. */
  sendFrame(frame: Uint8Array): boolean;
  /** Sends this player's portrait, once per connection. */
  sendPortrait(portrait: PortraitChoice): void;
  /** Stops listening and releases the connection. Safe to call twice. */
  dispose(): void;
}
