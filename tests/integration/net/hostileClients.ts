// Clients that break the relay room's rules on purpose: a flood, malformed messages, an oversized message, unparseable bytes.
import type { Client, Room } from 'colyseus.js';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { encodeMotionFrame } from '../../../plugin/net/encodeMotionFrame';
import { MOTION_FRAME_BYTES } from '../../../plugin/net/motionFrameLayout';
import { RelayMessage } from '../../../plugin/net/relayProtocol';

/** How a hostile client's visit ended. */
export interface HostileOutcome {
  kind: string;
  /** The WebSocket close code the client saw. */
  closeCode: number;
  /** Messages it sent before it was closed. */
  messagesSent: number;
  /** Reasons the room gave in `refused` messages. */
  refusals: string[];
  /** Its player id in the room, -1 when it never got one. */
  playerId: number;
}

/** A hostile visit that has not been removed within this long has not been limited: the test fails. */
const REMOVAL_TIMEOUT_MS = 15_000;
/** Valid frames the flooder sends back to back: eleven times the default burst. */
const FLOOD_FRAMES = 1000;
/** Pause between malformed messages: 20 per second, well under the rate limit, so only the malformation counts. */
const MALFORMED_INTERVAL_MS = 50;
/** Larger than any message the room accepts (the portrait limit plus a header). */
const OVERSIZED_BYTES = 1024 * 1024;
/** Colyseus protocol code of a MessagePack message, followed by a one-byte type and a truncated MessagePack array. */
const UNPARSEABLE_MESSAGE = Uint8Array.of(13, RelayMessage.portraitChoice, 0x92, 0x01);

/** Joins, says hello (so it is a player whose frames would be relayed) and listens to everything quietly. */
async function joinHostile(client: Client, roomId: string): Promise<{ room: Room; closed: Promise<number>; outcome: HostileOutcome }> {
  const room = await client.joinById(roomId);
  const outcome: HostileOutcome = { kind: '', closeCode: -1, messagesSent: 0, refusals: [], playerId: -1 };
  room.onMessage('*', (type, message) => {
    if (type === RelayMessage.welcome) outcome.playerId = (message as { playerId: number }).playerId;
    if (type === RelayMessage.refused) outcome.refusals.push((message as { reason: string }).reason);
  });
  const closed = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`a hostile client was not removed within ${REMOVAL_TIMEOUT_MS} ms`)), REMOVAL_TIMEOUT_MS);
    room.onLeave((code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  room.send(RelayMessage.hello);
  return { room, closed, outcome };
}

/** Sends FLOOD_FRAMES well-formed frames at once: far over the message rate. */
export async function floodingClient(client: Client, roomId: string): Promise<HostileOutcome> {
  const { room, closed, outcome } = await joinHostile(client, roomId);
  outcome.kind = 'flood';
  const controls = new FaceControls();
  for (let i = 0; i < FLOOD_FRAMES && room.connection.isOpen; i++) {
    room.sendBytes(RelayMessage.motionFrame, encodeMotionFrame(controls, i, i));
    outcome.messagesSent++;
  }
  outcome.closeCode = await closed;
  return outcome;
}

/** Sends malformed messages of many kinds, slowly, until the room removes it. */
export async function malformedClient(client: Client, roomId: string, tooLargePortraitBytes: number): Promise<HostileOutcome> {
  const { room, closed, outcome } = await joinHostile(client, roomId);
  outcome.kind = 'malformed';
  const valid = encodeMotionFrame(new FaceControls(), 0, 0);
  const wrongTag = valid.slice();
  wrongTag[0] = 0x7b; // '{': a JSON message sent on the frame channel
  const reservedFlags = valid.slice();
  reservedFlags[1] = 0x80;
  const tooLargePortrait = pngHeader(512, 512, tooLargePortraitBytes);
  const sends: Array<() => void> = [
    () => room.sendBytes(RelayMessage.motionFrame, wrongTag),
    () => room.sendBytes(RelayMessage.motionFrame, reservedFlags),
    () => room.sendBytes(RelayMessage.motionFrame, valid.subarray(0, 10)),
    () => room.sendBytes(RelayMessage.motionFrame, new Uint8Array(MOTION_FRAME_BYTES * 4).fill(0xd1)),
    () => room.send(RelayMessage.motionFrame, { yaw: 1 }),
    () => room.sendBytes(RelayMessage.portraitImage, Uint8Array.of(0x47, 0x49, 0x46, 0x38, 0x39, 0x61)), // a GIF
    () => room.sendBytes(RelayMessage.portraitImage, tooLargePortrait),
    () => room.sendBytes(RelayMessage.portraitImage, pngHeader(4096, 4096, 64)),
    () => room.send(RelayMessage.portraitChoice, { id: 'not-in-the-set' }),
    () => room.send(99, 'unknown type'),
    () => room.send(RelayMessage.hello),
  ];
  const timer = setInterval(() => {
    if (!room.connection.isOpen) return;
    sends[outcome.messagesSent % sends.length]();
    outcome.messagesSent++;
  }, MALFORMED_INTERVAL_MS);
  try {
    outcome.closeCode = await closed;
  } finally {
    clearInterval(timer);
  }
  return outcome;
}

/** Sends one message larger than the room accepts: the socket is closed with 1009 (message too big). */
export async function oversizedClient(client: Client, roomId: string): Promise<HostileOutcome> {
  const { room, closed, outcome } = await joinHostile(client, roomId);
  outcome.kind = 'oversized';
  room.sendBytes(RelayMessage.motionFrame, new Uint8Array(OVERSIZED_BYTES).fill(0xd1));
  outcome.messagesSent++;
  outcome.closeCode = await closed;
  return outcome;
}

/** Sends bytes that claim to be a MessagePack message but cannot be parsed: Colyseus closes the socket (4002). */
export async function unparseableClient(client: Client, roomId: string): Promise<HostileOutcome> {
  const { room, closed, outcome } = await joinHostile(client, roomId);
  outcome.kind = 'unparseable';
  room.connection.send(UNPARSEABLE_MESSAGE);
  outcome.messagesSent++;
  outcome.closeCode = await closed;
  return outcome;
}

/** A PNG signature and IHDR declaring width × height, padded with zeros to `totalBytes`. */
function pngHeader(width: number, height: number, totalBytes: number): Uint8Array {
  const bytes = new Uint8Array(Math.max(totalBytes, 24));
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}
