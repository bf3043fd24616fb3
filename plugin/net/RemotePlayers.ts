// Keeps one MotionJitterBuffer per remote player of a MotionTransport and feeds it that player's frames as they arrive.
import { CallbackList } from '../core/CallbackList';
import { FaceControls } from '../core/FaceControls';
import { MotionCodecError } from '../core/errors';
import { decodeMotionFrameInto, type MotionFrameHeader } from './decodeMotionFrame';
import { describeValue } from './describeValue';
import { resolveJitterBufferOptions, type MotionJitterBufferOptions } from './jitterBufferOptions';
import { MotionJitterBuffer } from './MotionJitterBuffer';
import type { MotionTransport, RemoteMotionFrame, RemotePlayerEvent, RemotePortrait } from './MotionTransport';

/** Options of RemotePlayers; every field optional. */
export interface RemotePlayersOptions {
  /** Options of each player's jitter buffer. Default: MotionJitterBuffer's defaults. */
  jitterBuffer?: MotionJitterBufferOptions;
  /** The local clock in ms, read when a frame arrives; sample the players' motion on the same clock. Default performance.now. */
  now?: () => number;
}

/** A remote player: their motion, to layer in a mixer or sample directly, and their portrait once it came. */
export class RemotePlayer {
  /** The player's latest portrait, undefined until it arrives. */
  portrait: RemotePortrait | undefined = undefined;

  constructor(
    /** The player's id in the room. */
    readonly playerId: number,
    /** The player's face over time: sample it on the clock given as RemotePlayersOptions.now. */
    readonly motion: MotionJitterBuffer,
  ) {}
}

/**
 * Follows a transport's players: adds a RemotePlayer with its own jitter buffer when one joins, removes it
 * when they leave, and decodes each frame into that buffer (into one preallocated FaceControls: nothing is
 * allocated per frame). Frames that fail to decode, or come from a player not announced, are dropped and counted.
 */
export class RemotePlayers {
  /** A player joined; their motion is waiting for frames. */
  readonly onPlayerAdded = new CallbackList<RemotePlayer>();
  /** A player left; their jitter buffer is no longer fed. */
  readonly onPlayerRemoved = new CallbackList<RemotePlayer>();
  /** A player's portrait arrived (also kept on RemotePlayer.portrait). */
  readonly onPortrait = new CallbackList<RemotePlayer>();
  private readonly players = new Map<number, RemotePlayer>();
  private readonly controls = new FaceControls();
  private readonly header: MotionFrameHeader = { sequence: 0, timeMs: 0 };
  private readonly now: () => number;
  private readonly jitterOptions: MotionJitterBufferOptions;
  private readonly frameListener = (frame: RemoteMotionFrame): void => this.handleFrame(frame);
  private readonly joinListener = (event: RemotePlayerEvent): void => this.handleJoin(event.playerId);
  private readonly leaveListener = (event: RemotePlayerEvent): void => this.handleLeave(event.playerId);
  private readonly portraitListener = (portrait: RemotePortrait): void => this.handlePortrait(portrait);
  private _malformedFrames = 0;
  private _unknownSenderFrames = 0;
  private disposed = false;

  constructor(private readonly transport: MotionTransport, options: RemotePlayersOptions = {}) {
    if (transport === null || typeof transport !== 'object' || !transport.onRemoteFrame) {
      throw new TypeError(`RemotePlayers: transport must be a MotionTransport (e.g. a ColyseusMotionTransport), got ${describeValue(transport)}.`);
    }
    const now = options.now ?? (() => performance.now());
    if (typeof now !== 'function') throw new TypeError(`RemotePlayers: options.now must be a function returning ms, got ${describeValue(now)}.`);
    this.now = now;
    this.jitterOptions = options.jitterBuffer ?? {};
    resolveJitterBufferOptions(this.jitterOptions); // throws now for a bad option, not at the first join
    transport.onRemoteFrame.add(this.frameListener);
    transport.onPlayerJoined.add(this.joinListener);
    transport.onPlayerLeft.add(this.leaveListener);
    transport.onRemotePortrait.add(this.portraitListener);
  }

  /** Players present now. */
  get count(): number { return this.players.size; }
  /** Frames dropped because they did not decode. */
  get malformedFrames(): number { return this._malformedFrames; }
  /** Frames dropped because their sender had not joined. */
  get unknownSenderFrames(): number { return this._unknownSenderFrames; }

  /** The player with this id, or undefined. */
  get(playerId: number): RemotePlayer | undefined {
    return this.players.get(playerId);
  }

  /** The players present, in the order they joined. */
  values(): IterableIterator<RemotePlayer> {
    return this.players.values();
  }

  /** Stops following the transport and forgets every player. Safe to call twice; the transport is not disposed. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.transport.onRemoteFrame.remove(this.frameListener);
    this.transport.onPlayerJoined.remove(this.joinListener);
    this.transport.onPlayerLeft.remove(this.leaveListener);
    this.transport.onRemotePortrait.remove(this.portraitListener);
    this.players.clear();
    this.onPlayerAdded.clear();
    this.onPlayerRemoved.clear();
    this.onPortrait.clear();
  }

  private handleFrame(frame: RemoteMotionFrame): void {
    const player = this.players.get(frame.playerId);
    if (player === undefined) {
      this._unknownSenderFrames++;
      return;
    }
    try {
      decodeMotionFrameInto(frame.bytes, this.controls, this.header);
    } catch (error) {
      if (!(error instanceof MotionCodecError)) throw error;
      this._malformedFrames++;
      return;
    }
    player.motion.push(this.header.sequence, this.header.timeMs, this.controls, this.now());
  }

  private handleJoin(playerId: number): void {
    if (this.players.has(playerId)) return;
    const player = new RemotePlayer(playerId, new MotionJitterBuffer(this.jitterOptions));
    this.players.set(playerId, player);
    this.onPlayerAdded.notify(player);
  }

  private handleLeave(playerId: number): void {
    const player = this.players.get(playerId);
    if (player === undefined) return;
    this.players.delete(playerId);
    this.onPlayerRemoved.notify(player);
  }

  private handlePortrait(portrait: RemotePortrait): void {
    const player = this.players.get(portrait.playerId);
    if (player === undefined) return;
    player.portrait = portrait;
    this.onPortrait.notify(player);
  }
}
