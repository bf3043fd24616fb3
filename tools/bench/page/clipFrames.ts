// Frames of the pre-rendered baseline clip, drawn by the warp generator itself from the benchmark's motion.
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import { Scene } from '@babylonjs/core/scene';
import { TalkingPortrait } from '../../../plugin/babylon/TalkingPortrait';
import { BenchMotion } from './benchMotion';
import type { BenchFace } from './benchScene';

/** The seed of the first live portrait, so the clip moves as portrait 0 does. */
const CLIP_SEED = 1;
const MS_PER_S = 1000;

/** Renders clip frames one by one, each a PNG data URL, at one size. */
export class ClipFrames {
  private readonly _motion = new BenchMotion(CLIP_SEED);
  private readonly _canvas = document.createElement('canvas');

  private constructor(private readonly _portrait: TalkingPortrait, private readonly _scene: Scene) {}

  static async CreateAsync(engine: AbstractEngine, face: BenchFace, sizePx: number): Promise<ClipFrames> {
    const scene = new Scene(engine);
    const portrait = await TalkingPortrait.CreateAsync(scene, face.canvas, { rig: face.rig, size: sizePx, name: 'clip' });
    portrait.schedule.visible = false; // drawn by hand, never by the system
    return new ClipFrames(portrait, scene);
  }

  /** Frame `index` of a clip at `fps`, as a PNG data URL. */
  async frameAsync(index: number, fps: number): Promise<string> {
    this._motion.sample((index * MS_PER_S) / fps, this._portrait.controls);
    this._portrait.renderNow();
    const pixels = await this._portrait.readPixelsAsync();
    const size = this._portrait.texture.getSize().width;
    this._canvas.width = size;
    this._canvas.height = size;
    const context = this._canvas.getContext('2d');
    if (!context) throw new Error('ClipFrames: no 2D canvas context.');
    const image = context.createImageData(size, size);
    image.data.set(pixels);
    context.putImageData(image, 0, 0);
    return this._canvas.toDataURL('image/png');
  }

  dispose(): void {
    this._scene.dispose();
  }
}
