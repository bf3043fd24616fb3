// A MotionTransport over a Colyseus room the game joined itself, speaking the motion relay room's messages.
import { CallbackList } from '../core/CallbackList';
import type { ColyseusRoomLike } from './colyseusRoomLike';
import { describeValue } from './describeValue';
import { MOTION_FRAME_BYTES } from './motionFrameLayout';
import type { MotionTransport, PortraitChoice, RemoteMotionFrame, RemotePlayerEvent, RemotePortrait, TransportDisconnect } from './MotionTransport';
import { checkPortraitImage, PORTRAIT_ID_PATTERN, resolvePortraitImageLimits, type PortraitImageLimits } from './portraitImageLimits';
import { readRelayedPortrait } from './readRelayedPortrait';
import { MAX_RELAY_PLAYER_ID, RELAY_KICK_CLOSE_CODE, RELAY_SENDER_BYTES, RelayMessage } from './relayProtocol';

/** Options of a ColyseusMotionTransport; every field optional. */
export interface ColyseusMotionTransportOptions {
  /** Limits applied to this player's portrait before sending and to remote portraits on arrival. Default DEFAULT_PORTRAIT_IMAGE_LIMITS. */
  portraitLimits?: PortraitImageLimits;
  /** Leave the room on dispose(). Default true; false when the game keeps using the room for other things. */
  leaveOnDispose?: boolean;
}

/** Bytes of one relayed frame message: the sender's id, then the frame. */
const RELAYED_FRAME_BYTES = RELAY_SENDER_BYTES + MOTION_FRAME_BYTES;

/**
 * Wraps a joined Colyseus room running MotionRelayRoom. On construction it listens and says hello; the room
 * answers with this client's id, the players present and their portraits. Incoming messages that do not
 * match the protocol are dropped and counted in `malformedMessages`. A remote frame is copied into one
 * preallocated buffer and passed on in one reused event object: nothing is allocated per frame here.
 */
export class ColyseusMotionTransport implements MotionTransport {
  readonly onRemoteFrame = new CallbackList<RemoteMotionFrame>();
  readonly onPlayerJoined = new CallbackList<RemotePlayerEvent>();
  readonly onPlayerLeft = new CallbackList<RemotePlayerEvent>();
  readonly onRemotePortrait = new CallbackList<RemotePortrait>();
  readonly onRefused = new CallbackList<string>();
  readonly onDisconnected = new CallbackList<TransportDisconnect>();
  private readonly limits: Required<PortraitImageLimits>;
  private readonly leaveOnDispose: boolean;
  private readonly frameEvent: RemoteMotionFrame = { playerId: -1, bytes: new Uint8Array(MOTION_FRAME_BYTES) };
  private readonly unsubscribers: unknown[] = [];
  private readonly leaveListener = (code: number, reason?: string): void => this.handleLeave(code, reason);
  private _localPlayerId = -1;
  private _isConnected = true;
  private _disposed = false;
  private portraitSent = false;
  private _framesSent = 0;
  private _framesReceived = 0;
  private _malformedMessages = 0;

  constructor(private readonly room: ColyseusRoomLike, options: ColyseusMotionTransportOptions = {}) {
    if (room === null || typeof room !== 'object' || typeof room.sendBytes !== 'function' || typeof room.onMessage !== 'function' || typeof room.onLeave !== 'function') {
      throw new TypeError(`ColyseusMotionTransport: room must be a joined colyseus.js 0.16 Room (onMessage, send, sendBytes, leave, onLeave), got ${describeValue(room)}.`);
    }
    this.limits = resolvePortraitImageLimits(options.portraitLimits);
    this.leaveOnDispose = options.leaveOnDispose ?? true;
    this.listen(RelayMessage.motionFrame, (message) => this.handleFrame(message));
    this.listen(RelayMessage.portraitImage, (message) => this.handlePortraitImage(message));
    this.listen(RelayMessage.portraitChoice, (message) => this.handlePortraitChoice(message));
    this.listen(RelayMessage.welcome, (message) => this.handleWelcome(message));
    this.listen(RelayMessage.playerJoined, (message) => this.handlePlayer(message, this.onPlayerJoined));
    this.listen(RelayMessage.playerLeft, (message) => this.handlePlayer(message, this.onPlayerLeft));
    this.listen(RelayMessage.refused, (message) => this.handleRefused(message));
    room.onLeave(this.leaveListener);
    room.send(RelayMessage.hello);
  }

  get localPlayerId(): number { return this._localPlayerId; }
  get isConnected(): boolean { return this._isConnected; }
  /** Frames handed to the room since construction. */
  get framesSent(): number { return this._framesSent; }
  /** Well-formed remote frames passed to onRemoteFrame since construction. */
  get framesReceived(): number { return this._framesReceived; }
  /** Incoming messages dropped because they did not match the relay protocol. */
  get malformedMessages(): number { return this._malformedMessages; }

  /**
   * Sends one encoded frame (MOTION_FRAME_BYTES bytes from encodeMotionFrameInto); the bytes may be reused
   * as soon as this returns. Returns false, sending nothing, once disconnected or disposed.
   */
  sendFrame(frame: Uint8Array): boolean {
    if (!(frame instanceof Uint8Array)) throw new TypeError(`ColyseusMotionTransport.sendFrame: frame must be a Uint8Array, got ${describeValue(frame)}; encode with encodeMotionFrameInto.`);
    if (frame.length !== MOTION_FRAME_BYTES) throw new RangeError(`ColyseusMotionTransport.sendFrame: a frame is ${MOTION_FRAME_BYTES} bytes, got ${frame.length}; pass the bytes encodeMotionFrameInto wrote.`);
    if (!this._isConnected) return false;
    this.room.sendBytes(RelayMessage.motionFrame, frame);
    this._framesSent++;
    return true;
  }

  /**
   * Sends this player's portrait, once. An image is checked first (PortraitImageError when it is not a PNG,
   * JPEG or WebP within the limits); a preset id must match PORTRAIT_ID_PATTERN (RangeError), and the room
   * refuses ids outside the game's set through onRefused. A second call throws TypeError. Once disconnected
   * it checks the portrait and sends nothing.
   */
  sendPortrait(portrait: PortraitChoice): void {
    if (this.portraitSent) throw new TypeError('ColyseusMotionTransport.sendPortrait: this player already sent a portrait; the room takes one per connection.');
    if (portrait?.kind === 'image') {
      checkPortraitImage(portrait.bytes, this.limits);
      if (this._isConnected) this.room.sendBytes(RelayMessage.portraitImage, portrait.bytes);
    } else if (portrait?.kind === 'preset') {
      if (typeof portrait.id !== 'string' || !PORTRAIT_ID_PATTERN.test(portrait.id)) {
        throw new RangeError(`ColyseusMotionTransport.sendPortrait: preset id must match ${PORTRAIT_ID_PATTERN}, got ${JSON.stringify(portrait.id)}.`);
      }
      if (this._isConnected) this.room.send(RelayMessage.portraitChoice, { id: portrait.id });
    } else {
      throw new TypeError(`ColyseusMotionTransport.sendPortrait: expected { kind: 'image', bytes } or { kind: 'preset', id }, got ${describeValue(portrait)}.`);
    }
    this.portraitSent = true;
  }

  /** Stops listening, leaves the room unless leaveOnDispose is false, and clears every callback. Safe to call twice. */
  dispose(): void {
    if (this._disposed) return;
    this._disposed = true;
    for (const unsubscribe of this.unsubscribers) if (typeof unsubscribe === 'function') unsubscribe();
    this.unsubscribers.length = 0;
    this.room.onLeave.remove(this.leaveListener);
    if (this._isConnected && this.leaveOnDispose) this.room.leave(true);
    this._isConnected = false;
    this.onRemoteFrame.clear();
    this.onPlayerJoined.clear();
    this.onPlayerLeft.clear();
    this.onRemotePortrait.clear();
    this.onRefused.clear();
    this.onDisconnected.clear();
  }

  private listen(type: number, handler: (message: unknown) => void): void {
    this.unsubscribers.push(this.room.onMessage(type, handler));
  }

  private handleFrame(message: unknown): void {
    if (!(message instanceof Uint8Array) || message.length !== RELAYED_FRAME_BYTES) {
      this._malformedMessages++;
      return;
    }
    const event = this.frameEvent;
    const bytes = event.bytes as Uint8Array;
    for (let i = 0; i < MOTION_FRAME_BYTES; i++) bytes[i] = message[RELAY_SENDER_BYTES + i];
    event.playerId = message[0];
    this._framesReceived++;
    this.onRemoteFrame.notify(event);
  }

  private handlePortraitImage(message: unknown): void {
    const portrait = readRelayedPortrait(message, this.limits);
    if (portrait === undefined) this._malformedMessages++;
    else this.onRemotePortrait.notify(portrait);
  }

  private handlePortraitChoice(message: unknown): void {
    const playerId = readPlayerId(message);
    const id = (message as { id?: unknown } | null)?.id;
    if (playerId < 0 || typeof id !== 'string' || !PORTRAIT_ID_PATTERN.test(id)) {
      this._malformedMessages++;
      return;
    }
    this.onRemotePortrait.notify({ kind: 'preset', playerId, id });
  }

  private handleWelcome(message: unknown): void {
    const playerId = readPlayerId(message);
    if (playerId < 0) this._malformedMessages++;
    else this._localPlayerId = playerId;
  }

  private handlePlayer(message: unknown, list: CallbackList<RemotePlayerEvent>): void {
    const playerId = readPlayerId(message);
    if (playerId < 0) this._malformedMessages++;
    else list.notify({ playerId });
  }

  private handleRefused(message: unknown): void {
    const reason = (message as { reason?: unknown } | null)?.reason;
    if (typeof reason !== 'string') this._malformedMessages++;
    else this.onRefused.notify(reason);
  }

  private handleLeave(code: number, reason?: string): void {
    if (!this._isConnected) return;
    this._isConnected = false;
    this.onDisconnected.notify({ code, reason: reason ?? '', kicked: code === RELAY_KICK_CLOSE_CODE });
  }
}

/** The `playerId` of a `{ playerId }` message, or -1 when it is missing or not a one-byte id. */
function readPlayerId(message: unknown): number {
  const playerId = (message as { playerId?: unknown } | null)?.playerId;
  return typeof playerId === 'number' && Number.isInteger(playerId) && playerId >= 0 && playerId <= MAX_RELAY_PLAYER_ID ? playerId : -1;
}
