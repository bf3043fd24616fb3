// The few members of a joined colyseus.js Room that ColyseusMotionTransport uses, typed by shape so the plugin never imports colyseus.js.

/** A colyseus.js event signal: call it with a callback to listen, `remove` to stop. */
export interface ColyseusSignalLike<Args extends unknown[]> {
  (callback: (...args: Args) => void): unknown;
  /** Stops calling `callback`. */
  remove(callback: (...args: Args) => void): void;
}

/**
 * A room the game joined with colyseus.js 0.16 (`await client.joinById(...)`); a `Room` from colyseus.js
 * fits as it is. Only these members are used.
 */
export interface ColyseusRoomLike {
  /** This client's session in the room. */
  readonly sessionId: string;
  /** Listens to messages of one type; colyseus.js returns a function that stops listening. */
  onMessage(type: number, callback: (message: unknown) => void): unknown;
  /** Sends a message of `type` (MessagePack-encoded). */
  send(type: number, message?: unknown): void;
  /** Sends raw bytes as a message of `type`. */
  sendBytes(type: number, bytes: Uint8Array): void;
  /** Leaves the room. */
  leave(consented?: boolean): unknown;
  /** Called with the close code and reason when the connection ends. */
  readonly onLeave: ColyseusSignalLike<[code: number, reason?: string]>;
}
