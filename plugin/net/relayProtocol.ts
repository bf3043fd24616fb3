// The messages of the motion relay room, shared by the server and the client adapter: type numbers, layouts and close codes.

/**
 * Message type numbers. Numbers, not strings: Colyseus writes a type below 128 as one byte, which keeps a
 * relayed motion frame at 1 + 1 + 64 bytes before WebSocket framing.
 */
export const RelayMessage = {
  /** client → server, no payload: the client's handlers are listening; the server answers with welcome and the room. */
  hello: 1,
  /** client → server bytes: one motion frame. server → client bytes: [sender player id][the frame]. */
  motionFrame: 2,
  /** client → server bytes: a PNG, JPEG or WebP portrait, once. server → client bytes: [sender player id][the image]. */
  portraitImage: 3,
  /** client → server `{ id }`: a portrait from the game's set, once. server → client `{ playerId, id }`. */
  portraitChoice: 4,
  /** server → client `{ playerId }`: the id the room gave this client. */
  welcome: 5,
  /** server → client `{ playerId }`: another player is in the room (sent for everyone present after hello). */
  playerJoined: 6,
  /** server → client `{ playerId }`: another player left or was removed. */
  playerLeft: 7,
  /** server → client `{ reason }`: something this client sent was refused (a bad portrait); frames are dropped silently. */
  refused: 8,
} as const;

/** Bytes in front of a relayed frame or portrait: the sender's player id as one unsigned byte. */
export const RELAY_SENDER_BYTES = 1;

/** Largest player id: ids are one byte on the wire. */
export const MAX_RELAY_PLAYER_ID = 255;

/** WebSocket close code of a client the room removed for breaking its limits (4000-4999 are for applications). */
export const RELAY_KICK_CLOSE_CODE = 4403;
