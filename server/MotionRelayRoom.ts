// A Colyseus room that relays each player's motion frames and portrait to the others, within per-client limits.
import { getMessageBytes, Protocol, Room, type Client } from '@colyseus/core';
import { FaceControls } from '../plugin/core/FaceControls';
import { MotionCodecError } from '../plugin/core/errors';
import { decodeMotionFrameInto, type MotionFrameHeader } from '../plugin/net/decodeMotionFrame';
import { checkPortraitImage, PORTRAIT_ID_PATTERN } from '../plugin/net/portraitImageLimits';
import { PortraitImageError } from '../plugin/core/errors/PortraitImageError';
import { RELAY_KICK_CLOSE_CODE, RELAY_SENDER_BYTES, RelayMessage } from '../plugin/net/relayProtocol';
import { ClientAllowance } from './ClientAllowance';
import { RelayPlayer } from './RelayPlayer';
import { resolveRelayRoomSettings, type ResolvedRelayRoomSettings } from './relayRoomSettings';

/** A WebSocket close reason may hold at most 123 bytes. */
const MAX_CLOSE_REASON_CHARS = 120;

/** Counters of one room, for monitoring and tests. */
export interface RelayRoomStats {
  framesRelayed: number;
  messagesOverLimit: number;
  malformedMessages: number;
  portraitsAccepted: number;
  portraitsRefused: number;
  playersRemoved: number;
}

/**
 * Relays motion frames (validated by decoding) from each player to every other ready player at once, tagged
 * with the sender's one-byte id, and one portrait per player (a checked PNG/JPEG/WebP or an id from the
 * game's set), also to players who arrive later. Every message a client sends is screened by its allowance
 * (messages/s, bytes/s) before Colyseus decodes it; messages over the limits, malformed or out of turn are
 * dropped and count as offences, and a client out of tolerance is removed with RELAY_KICK_CLOSE_CODE.
 * Settings come from the static `settings` of the class given to `define` (see defineMotionRelayRoom), never
 * from a client's join options.
 */
export class MotionRelayRoom extends Room {
  /** Settings of rooms of this class (the defaults here); defineMotionRelayRoom makes a subclass with its own. */
  static settings: ResolvedRelayRoomSettings = resolveRelayRoomSettings();
  /** This room's counters. */
  readonly stats: RelayRoomStats = { framesRelayed: 0, messagesOverLimit: 0, malformedMessages: 0, portraitsAccepted: 0, portraitsRefused: 0, playersRemoved: 0 };
  private settings!: ResolvedRelayRoomSettings;
  private readonly players = new Map<string, RelayPlayer>();
  private readonly idsInUse = new Set<number>();
  private readonly scratchControls = new FaceControls();
  private readonly scratchHeader: MotionFrameHeader = { sequence: 0, timeMs: 0 };

  override onCreate(): void {
    this.settings = (this.constructor as typeof MotionRelayRoom).settings;
    this.maxClients = this.settings.maxPlayers;
    this.onMessage(RelayMessage.hello, (client) => this.handleHello(client));
    this.onMessage(RelayMessage.motionFrame, (client, message) => this.handleFrame(client, message));
    this.onMessage(RelayMessage.portraitImage, (client, message) => this.handlePortraitImage(client, message));
    this.onMessage(RelayMessage.portraitChoice, (client, message) => this.handlePortraitChoice(client, message));
    this.onMessage('*', (client, type) => this.handleUnknown(client, type));
  }

  override onJoin(client: Client): void {
    let id = 0;
    while (this.idsInUse.has(id)) id++;
    this.idsInUse.add(id);
    const player = new RelayPlayer(client, id, new ClientAllowance(this.settings.limits, performance.now()));
    this.players.set(client.sessionId, player);
    // Listening here, before Colyseus adds its own listener after onJoin, screens every message before it is decoded.
    client.ref.on('message', (data: { byteLength: number }) => this.screen(player, data.byteLength));
  }

  override onLeave(client: Client): void {
    const player = this.players.get(client.sessionId);
    if (player === undefined) return;
    this.players.delete(client.sessionId);
    this.idsInUse.delete(player.id);
    if (player.ready) this.sendToReady(player, RelayMessage.playerLeft, { playerId: player.id });
  }

  override onUncaughtException(error: Error, methodName: string): void {
    this.settings.log(`room ${this.roomId}: ${methodName} failed: ${error.message}`);
  }

  private screen(player: RelayPlayer, byteLength: number): void {
    if (player.removed) {
      player.admitted = false;
      return;
    }
    player.admitted = player.allowance.admit(byteLength, performance.now());
    if (!player.admitted) {
      this.stats.messagesOverLimit++;
      this.offence(player, 'sent more than its rate limit');
    }
  }

  /** The player behind `client` when its latest message was admitted, else undefined (drop the message). */
  private admitted(client: Client): RelayPlayer | undefined {
    const player = this.players.get(client.sessionId);
    return player !== undefined && player.admitted && !player.removed ? player : undefined;
  }

  private handleHello(client: Client): void {
    const player = this.admitted(client);
    if (player === undefined) return;
    if (player.ready) {
      this.offence(player, 'said hello twice');
      return;
    }
    player.ready = true;
    client.send(RelayMessage.welcome, { playerId: player.id });
    for (const other of this.players.values()) {
      if (other === player || !other.ready) continue;
      client.send(RelayMessage.playerJoined, { playerId: other.id });
      if (other.portraitMessage !== undefined) client.enqueueRaw(other.portraitMessage);
      if (other.portraitChoice !== undefined) client.send(RelayMessage.portraitChoice, { playerId: other.id, id: other.portraitChoice });
      other.client.send(RelayMessage.playerJoined, { playerId: player.id });
    }
  }

  private handleFrame(client: Client, message: unknown): void {
    const player = this.admitted(client);
    if (player === undefined) return;
    if (!(message instanceof Uint8Array)) {
      this.malformed(player, 'sent a motion frame that is not bytes');
      return;
    }
    try {
      decodeMotionFrameInto(message, this.scratchControls, this.scratchHeader);
    } catch (error) {
      if (!(error instanceof MotionCodecError)) throw error;
      this.malformed(player, error.message);
      return;
    }
    if (!player.ready) return;
    player.relayFrame.set(message, RELAY_SENDER_BYTES);
    this.relayBytes(player, getMessageBytes.raw(Protocol.ROOM_DATA_BYTES, RelayMessage.motionFrame, undefined, player.relayFrame));
    this.stats.framesRelayed++;
  }

  private handlePortraitImage(client: Client, message: unknown): void {
    const player = this.admitted(client);
    if (player === undefined) return;
    if (!player.ready || player.hasPortrait || !(message instanceof Uint8Array)) {
      this.malformed(player, 'sent a portrait out of turn or not as bytes');
      return;
    }
    try {
      checkPortraitImage(message, this.settings.portraitLimits);
    } catch (error) {
      if (!(error instanceof PortraitImageError)) throw error;
      this.refusePortrait(player, error.message);
      return;
    }
    const relayed = new Uint8Array(RELAY_SENDER_BYTES + message.length);
    relayed[0] = player.id;
    relayed.set(message, RELAY_SENDER_BYTES);
    player.portraitMessage = getMessageBytes.raw(Protocol.ROOM_DATA_BYTES, RelayMessage.portraitImage, undefined, relayed);
    this.stats.portraitsAccepted++;
    this.relayBytes(player, player.portraitMessage);
  }

  private handlePortraitChoice(client: Client, message: unknown): void {
    const player = this.admitted(client);
    if (player === undefined) return;
    const id = (message as { id?: unknown } | null)?.id;
    if (!player.ready || player.hasPortrait || typeof id !== 'string' || !PORTRAIT_ID_PATTERN.test(id)) {
      this.malformed(player, 'sent a portrait choice out of turn or without a valid id');
      return;
    }
    if (!this.settings.portraitIds.has(id)) {
      this.refusePortrait(player, `The portrait "${id}" is not one of this game's portraits; choose another.`);
      return;
    }
    player.portraitChoice = id;
    this.stats.portraitsAccepted++;
    this.sendToReady(player, RelayMessage.portraitChoice, { playerId: player.id, id });
  }

  private handleUnknown(client: Client, type: string | number): void {
    const player = this.admitted(client);
    if (player !== undefined) this.malformed(player, `sent message type ${JSON.stringify(type).slice(0, 20)}, which this room does not take`);
  }

  private refusePortrait(player: RelayPlayer, reason: string): void {
    this.stats.portraitsRefused++;
    player.client.send(RelayMessage.refused, { reason });
    this.offence(player, 'sent a portrait that was refused');
  }

  private malformed(player: RelayPlayer, reason: string): void {
    this.stats.malformedMessages++;
    this.offence(player, reason);
  }

  /** Counts an offence; removes the client once its tolerance is used up. */
  private offence(player: RelayPlayer, reason: string): void {
    if (player.removed || player.allowance.offend(performance.now())) return;
    player.removed = true;
    player.admitted = false;
    this.stats.playersRemoved++;
    this.settings.log(`room ${this.roomId}: removed player ${player.id} (${player.client.sessionId}): ${reason}`);
    player.client.leave(RELAY_KICK_CLOSE_CODE, `Removed by the motion relay: ${reason}`.slice(0, MAX_CLOSE_REASON_CHARS));
  }

  /** Sends one encoded message to every ready player but `from`. */
  private relayBytes(from: RelayPlayer, encoded: Uint8Array): void {
    for (const other of this.players.values()) {
      if (other !== from && other.ready && !other.removed) other.client.enqueueRaw(encoded);
    }
  }

  private sendToReady(from: RelayPlayer, type: number, message: object): void {
    for (const other of this.players.values()) {
      if (other !== from && other.ready && !other.removed) other.client.send(type, message);
    }
  }
}
