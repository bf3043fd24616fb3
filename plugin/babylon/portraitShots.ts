// A portrait's extra shots (few-shot): found, mapped onto its rig, and kept per region.
import type { Scene } from '@babylonjs/core/scene.js';
import { Logger } from '@babylonjs/core/Misc/logger.js';
import type { HtmlElementTexture } from '@babylonjs/core/Materials/Textures/htmlElementTexture.js';
import type { BakedShot, PortraitRigData } from '../rig/PortraitRigData';
import type { PortraitImageSource } from './portraitImage';
import { createImageTexture } from './portraitTextures';
import type { PortraitShotSource } from './TalkingPortraitOptions';
import { buildPortraitShot, type PortraitShotData, type ShotContent } from '../rig/shots/PortraitShot';
import type { GeneratorShot } from '../render/WarpGenerator';

/** What a shot was found to show, and what the portrait takes from it. */
export interface PortraitShotInfo {
  /** How shut each eye is against the portrait, 0..1: subject right, then left. */
  readonly eyeClosure: readonly [number, number];
  /** How much further the lips are apart than the portrait's, in face heights. */
  readonly mouthOpening: number;
  /** The regions this shot now draws: 'eyes' (blinks), 'mouth' (an open jaw); empty when another shot shows them better or it shows neither. */
  readonly usedFor: readonly ('eyes' | 'mouth')[];
}

/** One shot on the GPU. */
interface HeldShot extends GeneratorShot {
  readonly texture: HtmlElementTexture;
}

/**
 * The shots a portrait draws from: for each region the shot that shows it most (the most shut
 * eyes, the widest mouth). Owns their textures.
 */
export class PortraitShots {
  private _eyes: HeldShot | null = null;
  private _mouth: HeldShot | null = null;
  private _count = 0;

  constructor(private readonly _scene: Scene, private readonly _name: string) {}

  get eyes(): GeneratorShot | null {
    return this._eyes;
  }

  get mouth(): GeneratorShot | null {
    return this._mouth;
  }

  /**
   * Maps the shot in `canvas`, whose face has `landmarks` (normalized, as the detector gives
   * them), onto `rig` and keeps it where it shows a region best (`content`: what the game says it shows).
   */
  add(rig: PortraitRigData, canvas: HTMLCanvasElement, landmarks: ArrayLike<number>, content: ShotContent): PortraitShotInfo {
    const data = buildPortraitShot(rig, landmarks, canvas.width, canvas.height, content);
    const usedFor: ('eyes' | 'mouth')[] = [];
    if (data.eyesClosed && (!this._eyes || closure(data) > closure(this._eyes.data))) usedFor.push('eyes');
    if (data.mouthOpen && (!this._mouth || data.mouthOpening > this._mouth.data.mouthOpening)) usedFor.push('mouth');
    if (usedFor.length > 0) {
      const shot: HeldShot = { texture: this._texture(canvas), data };
      const replaced = [usedFor.includes('eyes') ? this._eyes : null, usedFor.includes('mouth') ? this._mouth : null];
      if (usedFor.includes('eyes')) this._eyes = shot;
      if (usedFor.includes('mouth')) this._mouth = shot;
      for (const old of replaced) if (old && old !== this._eyes && old !== this._mouth) old.texture.dispose();
    }
    return { eyeClosure: data.eyeClosure, mouthOpening: data.mouthOpening, usedFor };
  }

  /** Uploads the shots' images again: a restored GPU device starts with empty textures. */
  reupload(): void {
    this._eyes?.texture.update(false);
    if (this._mouth !== this._eyes) this._mouth?.texture.update(false);
  }

  dispose(): void {
    this._eyes?.texture.dispose();
    if (this._mouth !== this._eyes) this._mouth?.texture.dispose();
    this._eyes = null;
    this._mouth = null;
  }

  private _texture(canvas: HTMLCanvasElement): HtmlElementTexture {
    return createImageTexture(`${this._name}.shot${this._count++}`, canvas, this._scene);
  }
}

const closure = (d: PortraitShotData) => d.eyeClosure[0] + d.eyeClosure[1];

/** One shot of the `shots` option: its image, what the game says it shows, and its landmarks when the rig baked them. */
export interface OptionShot {
  readonly image: PortraitImageSource;
  readonly content: ShotContent;
  readonly baked: BakedShot | null;
}

/**
 * Pairs the `shots` option with the rig's baked shots by place in the list: a baked one keeps its
 * landmarks, any other is detected. Says so when the rig baked shots the game gave no images for.
 */
export function pairOptionShots(shots: readonly (PortraitImageSource | PortraitShotSource)[], baked: readonly BakedShot[]): OptionShot[] {
  if (baked.length > 0 && shots.length === 0) {
    Logger.Warn(`TalkingPortrait: the rig carries ${baked.length} baked shot(s); give their images as the \`shots\` option, in the order they were baked, to draw them.`);
  }
  return shots.map((shot, i) => {
    const content = typeof shot === 'object' && 'image' in shot ? shot : { image: shot };
    return { image: content.image, content, baked: baked[i] ?? null };
  });
}
