// One remote player in the courtyard: a framed painting with their portrait, its face driven by their motion through the jitter buffer.
import type { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial.js';
import type { Scene } from '@babylonjs/core/scene.js';
import { NoFaceError, TalkingPortrait, type RemotePlayer, type RemotePortrait } from '../../../../plugin/index';
import { knownPortrait } from '../../knownPortraits';
import { PORTRAITS } from '../../portraits';
import { CANVAS_BACKGROUND, NPC_PORTRAIT_SIZE, createGamePortraitAsync } from '../npc/npcPortraits';
import { Painting, type PaintingPlacement } from '../world/painting';

/**
 * What a remote player's painting shows: 'waiting' (no portrait yet), 'making', 'alive', 'still' (no face
 * found: the image as it is), 'unknown' (an id this game lacks) or 'broken' (an image the browser cannot decode).
 */
export type AvatarState = 'waiting' | 'making' | 'alive' | 'still' | 'unknown' | 'broken';

/** A remote player's painting and living portrait. */
export class RemoteAvatar {
  readonly painting: Painting;
  /** The living portrait, once made. */
  portrait: TalkingPortrait | null = null;
  state: AvatarState = 'waiting';
  private _stillUrl: string | null = null;
  private _disposed = false;

  /** `slot` is the place it stands in (remoteSlots), kept so a newcomer takes a free one. */
  constructor(private readonly _scene: Scene, readonly player: RemotePlayer, placement: PaintingPlacement, wood: StandardMaterial, readonly slot: number) {
    this.painting = new Painting(_scene, placement, null, wood);
  }

  /** Makes the portrait the player sent (an image, checked by the transport, or an id of the game's set). Never rejects for bad data. */
  async showPortraitAsync(sent: RemotePortrait): Promise<void> {
    this.state = 'making';
    const options = { name: `remote:${this.player.playerId}`, size: NPC_PORTRAIT_SIZE, matte: CANVAS_BACKGROUND, mesh: this.painting.canvas };
    try {
      let made: TalkingPortrait;
      if (sent.kind === 'preset') {
        const portrait = PORTRAITS.find((p) => p.name === `${sent.id}.png`);
        if (!portrait) {
          this.state = 'unknown';
          console.info(`demo: player ${this.player.playerId} chose portrait "${sent.id}", which this game does not have; their painting stays bare.`);
          return;
        }
        made = (await createGamePortraitAsync(this._scene, portrait, options)).portrait;
      } else {
        const known = await knownPortrait(sent.bytes);
        if (known) {
          made = (await createGamePortraitAsync(this._scene, known, options)).portrait;
        } else {
          const bitmap = await decodeImage(sent.bytes, sent.header.mimeType);
          if (!bitmap) {
            this.state = 'broken';
            console.info(`demo: player ${this.player.playerId}'s portrait image could not be decoded; their painting stays bare.`);
            return;
          }
          try {
            made = await TalkingPortrait.CreateAsync(this._scene, bitmap, options);
          } finally {
            bitmap.close();
          }
        }
      }
      if (this._disposed) {
        made.dispose();
        return;
      }
      this.portrait = made;
      this.painting.show(made.texture);
      this.state = 'alive';
    } catch (error) {
      if (this._disposed) return;
      if (!(error instanceof NoFaceError) || sent.kind !== 'image') throw error;
      this._stillUrl = URL.createObjectURL(new Blob([sent.bytes as Uint8Array<ArrayBuffer>], { type: sent.header.mimeType }));
      this.painting.showStill(this._stillUrl);
      this.state = 'still';
    }
  }

  /** Per frame: the player's face at `timeMs` (the clock RemotePlayers stamps arrivals with) into the portrait. Allocates nothing. */
  drive(timeMs: number): void {
    if (this.portrait) this.player.motion.sample(timeMs, this.portrait.controls);
  }

  /** Removes the painting and the portrait. Safe twice. */
  dispose(): void {
    if (this._disposed) return;
    this._disposed = true;
    this.portrait?.dispose();
    this.portrait = null;
    this.painting.dispose();
    if (this._stillUrl) URL.revokeObjectURL(this._stillUrl);
  }
}

/** Decodes image bytes, or null when the browser cannot (a header that checks out over a corrupt body). */
async function decodeImage(bytes: Uint8Array, type: string): Promise<ImageBitmap | null> {
  try {
    return await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  } catch (error) {
    if (!(error instanceof DOMException)) throw error;
    return null;
  }
}
