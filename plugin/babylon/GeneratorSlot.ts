// Which generator draws a portrait, and the hand-overs between them: to ONNX when asked, back to the warp when a lost device takes the ONNX session.
import type { HtmlElementTexture } from '@babylonjs/core/Materials/Textures/htmlElementTexture.js';
import type { RenderTargetTexture } from '@babylonjs/core/Materials/Textures/renderTargetTexture.js';
import type { Color4 } from '@babylonjs/core/Maths/math.color.js';
import { Logger } from '@babylonjs/core/Misc/logger.js';
import type { Scene } from '@babylonjs/core/scene.js';
import type { PortraitGenerator, PortraitGeneratorKind } from '../render/PortraitGenerator';
import { OnnxGenerator } from '../render/onnx/OnnxGenerator';
import { WarpGenerator } from '../render/WarpGenerator';
import type { PortraitRig } from '../rig/PortraitRig';
import type { PortraitShots } from './portraitShots';
import type { TalkingPortraitOptions } from './TalkingPortraitOptions';

/** What a portrait's generators draw from and into. */
export interface GeneratorInputs {
  readonly scene: Scene;
  readonly rig: PortraitRig;
  readonly source: HtmlElementTexture;
  readonly target: RenderTargetTexture;
  readonly matte: Color4 | null;
  readonly shots: PortraitShots;
}

/** Holds the generator drawing a portrait (the warp generator first) and owns it. */
export class GeneratorSlot {
  private _generator: PortraitGenerator;
  private _kind: PortraitGeneratorKind = 'warp';

  constructor(private readonly _in: GeneratorInputs) {
    this._generator = this._newWarp();
  }

  get generator(): PortraitGenerator {
    return this._generator;
  }

  get kind(): PortraitGeneratorKind {
    return this._kind;
  }

  /**
   * Swaps the warp generator for the ONNX one where the engine has WebGPU; says so and keeps the
   * warp elsewhere. True when the ONNX generator now draws. `isDisposed` tells whether the owner
   * went away while the session loaded.
   */
  async useOnnxAsync(options: TalkingPortraitOptions, isDisposed: () => boolean): Promise<boolean> {
    const engine = this._in.scene.getEngine();
    if (!OnnxGenerator.IsSupported(engine)) {
      Logger.Warn(`TalkingPortrait: the ONNX generator needs WebGPU; this engine is ${engine.isWebGPU ? 'WebGPU without compute shaders' : 'WebGL'}, so the portrait keeps the warp generator.`);
      return false;
    }
    const onnx = await OnnxGenerator.CreateAsync(engine, this._in.rig, this._in.source, this._in.target, {
      model: options.onnxModel, wasmPaths: options.onnxWasmPaths, matte: this._in.matte,
    });
    if (isDisposed()) {
      onnx.dispose();
      return false;
    }
    this._generator.dispose();
    this._generator = onnx;
    this._kind = 'onnx';
    return true;
  }

  /**
   * Gives the shots to the rig (a blink ends in the eyes shot's shape) and to the generator, if
   * it draws shots: only then may the rig pose into them. False when the generator draws from the
   * portrait alone (the shots are kept for a generator that can).
   */
  drawShots(): boolean {
    if (!this._generator.setShots) return false;
    this._drawShotsWith(this._generator);
    return true;
  }

  /** After Babylon restored a lost device: the generator remakes what it made itself, or, if it cannot (ONNX), the warp generator takes over. */
  restore(): void {
    if (this._generator.rebuild) {
      this._generator.rebuild();
      return;
    }
    // The ONNX session belonged to the lost device.
    Logger.Warn(`TalkingPortrait '${this._in.target.name}': the ${this._kind} generator cannot move to the engine's new device; the portrait draws with the warp generator from now on.`);
    this._generator.dispose();
    const warp = this._newWarp();
    // The shots the ONNX generator kept but could not draw are drawn from now on.
    this._drawShotsWith(warp);
    this._generator = warp;
    this._kind = 'warp';
  }

  /** Resolves once the generator can draw its first frame; rejects if the owner is disposed first or the shaders take too long. */
  async whenReadyAsync(isDisposed: () => boolean): Promise<void> {
    const started = performance.now();
    while (!this._generator.isReady()) {
      if (isDisposed()) throw new Error('TalkingPortrait: disposed before it was ready.');
      if (performance.now() - started > READY_TIMEOUT_MS) throw new Error('TalkingPortrait: the warp shaders did not compile in time.');
      await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
    }
  }

  dispose(): void {
    this._generator.dispose();
  }

  private _newWarp(): WarpGenerator {
    const { scene, rig, source, target, matte } = this._in;
    return new WarpGenerator(scene.getEngine(), rig, source, target, matte);
  }

  private _drawShotsWith(generator: PortraitGenerator): void {
    const { rig, shots } = this._in;
    rig.setShots(shots.eyes?.data ?? null, shots.mouth?.data ?? null);
    generator.setShots?.(shots.eyes, shots.mouth);
  }
}

const READY_POLL_MS = 16;
const READY_TIMEOUT_MS = 30_000;
