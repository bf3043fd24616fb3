// The multiplayer room as a GameSystem: sends the local face at 30 fps, and keeps a living painting for every other player, driven by their motion.
import type { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial.js';
import type { Scene } from '@babylonjs/core/scene.js';
import {
  ColyseusMotionTransport, PortraitImageError, RemotePlayers, type ColyseusRoomLike, type RemotePlayer,
} from '../../../../plugin/index';
import type { PlayerCharacter } from '../player/PlayerCharacter';
import type { GameSystem } from '../seams';
import { LocalFace } from './localFace';
import { MotionSender } from './MotionSender';
import { portraitToSend } from './portraitToSend';
import { RemoteAvatar } from './RemoteAvatar';
import { REMOTE_SLOT_COUNT, remoteSlot } from './remoteSlots';

/** What the room tells the page around it. */
export interface RoomEvents {
  /** The connection ended (the server stopped, or removed this player); `kicked` when for breaking its limits. */
  disconnected(code: number, kicked: boolean): void;
  /** The room refused something this player sent, e.g. their portrait; the reason is for people. */
  refused(reason: string): void;
  /** Something unexpected went wrong making a remote portrait; the page shows it and the error is rethrown. */
  failed(error: unknown): void;
}

/** A joined colyseus.js room: what the transport uses, and whether its socket is open. */
export type JoinedRoom = ColyseusRoomLike & { readonly connection: { readonly isOpen: boolean } };

/** One joined room: this player's face out, everyone else's faces in. */
export class MultiplayerSystem implements GameSystem {
  readonly transport: ColyseusMotionTransport;
  readonly remote: RemotePlayers;
  private readonly _avatars = new Map<number, RemoteAvatar>();
  /** The same avatars as a plain array, walked each frame without an iterator. */
  private readonly _driven: RemoteAvatar[] = [];
  private readonly _sender: MotionSender;
  private readonly _face: LocalFace;
  private _portraitSent = false;
  private _disposed = false;

  constructor(room: JoinedRoom, private readonly _scene: Scene, private readonly _character: PlayerCharacter,
    private readonly _wood: StandardMaterial, private readonly _events: RoomEvents) {
    this.transport = new ColyseusMotionTransport(room);
    this.remote = new RemotePlayers(this.transport);
    // A socket the server is closing still counts as connected until its close event; sending then only logs browser errors.
    this._sender = new MotionSender(this.transport, () => room.connection.isOpen);
    this._face = new LocalFace(_character);
    this.remote.onPlayerAdded.add((player) => this._add(player));
    this.remote.onPlayerRemoved.add((player) => this._remove(player.playerId));
    this.remote.onPortrait.add((player) => {
      const avatar = this._avatars.get(player.playerId);
      if (avatar && player.portrait) avatar.showPortraitAsync(player.portrait).catch((error: unknown) => this._events.failed(error));
    });
    this.transport.onRefused.add((reason) => this._events.refused(reason));
    this.transport.onDisconnected.add(({ code, kicked }) => {
      this._clearAvatars();
      this._events.disconnected(code, kicked);
    });
  }

  /** Remote players' paintings, in the order they came. */
  get avatars(): IterableIterator<RemoteAvatar> {
    return this._avatars.values();
  }

  /** Frames of this player's face sent so far. */
  get framesSent(): number {
    return this._sender.framesSent;
  }

  /** Per frame: this player's face out at 30 fps, every remote face in. */
  update(timeMs: number): void {
    if (!this.transport.isConnected) return;
    if (!this._portraitSent && this.transport.localPlayerId >= 0) this._sendPortrait();
    this._sender.update(timeMs, this._face.sample(timeMs));
    const driven = this._driven;
    for (let i = 0; i < driven.length; i++) driven[i].drive(timeMs);
  }

  /** Leaves the room and removes every remote painting. Safe twice. */
  dispose(): void {
    if (this._disposed) return;
    this._disposed = true;
    this._clearAvatars();
    this.remote.dispose();
    this.transport.dispose();
  }

  private _sendPortrait(): void {
    this._portraitSent = true;
    portraitToSend(this._character.ownImage, this.transport.localPlayerId).then((choice) => {
      if (!this._disposed) this.transport.sendPortrait(choice);
    }).catch((error: unknown) => {
      if (error instanceof PortraitImageError) this._events.refused(`your portrait cannot be sent: ${error.message}`);
      else this._events.failed(error);
    });
  }

  private _add(player: RemotePlayer): void {
    const used = new Set([...this._avatars.values()].map((avatar) => avatar.slot));
    let slot = 0;
    while (used.has(slot) && slot < REMOTE_SLOT_COUNT - 1) slot++;
    const avatar = new RemoteAvatar(this._scene, player, remoteSlot(slot, `Player ${player.playerId}`), this._wood, slot);
    this._avatars.set(player.playerId, avatar);
    this._driven.push(avatar);
  }

  private _remove(playerId: number): void {
    const avatar = this._avatars.get(playerId);
    if (!avatar) return;
    avatar.dispose();
    this._avatars.delete(playerId);
    this._driven.splice(this._driven.indexOf(avatar), 1);
  }

  private _clearAvatars(): void {
    for (const avatar of this._driven) avatar.dispose();
    this._avatars.clear();
    this._driven.length = 0;
  }
}
