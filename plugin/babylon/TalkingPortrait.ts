// The public portrait: one image in, a living face texture out, drawn by the scene's PortraitSystem at the level the budget allows.
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine.js';
import type { HtmlElementTexture } from '@babylonjs/core/Materials/Textures/htmlElementTexture.js';
import type { RenderTargetTexture } from '@babylonjs/core/Materials/Textures/renderTargetTexture.js';
import type { RenderTargetWrapper } from '@babylonjs/core/Engines/renderTargetWrapper.js';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh.js';
import { Color4 } from '@babylonjs/core/Maths/math.color.js';
import { Logger } from '@babylonjs/core/Misc/logger.js';
import { Observable, type Observer } from '@babylonjs/core/Misc/observable.js';
import type { Scene } from '@babylonjs/core/scene.js';
import type { PriorityHint } from '../budget/priority';
import type { ScheduledPortrait } from '../budget/ScheduledPortrait';
import type { FaceTracker } from '../capture/FaceTracker';
import { FaceControls } from '../core/FaceControls';
import { PortraitRig, type HeadPoseLike } from '../rig/PortraitRig';
import { LandmarkDrivenRig } from '../rig/LandmarkDrivenRig';
import type { BakedShot } from '../rig/PortraitRigData';
import type { PortraitGenerator, PortraitGeneratorKind } from '../render/PortraitGenerator';
import { GpuDeviceLostError } from '../core/errors';
import { DeviceLossWatch } from './DeviceLossWatch';
import { GeneratorSlot } from './GeneratorSlot';
import { calibrateHeadTurns } from './calibrateHeadTurns';
import { calibrateJaw } from './calibrateJaw';
import { calibrateSmile } from './calibrateSmile';
import { calibrateGaze } from './calibrateGaze';
import { calibrateTeeth } from './calibrateTeeth';
import { portraitCanvas, type PortraitImageSource } from './portraitImage';
import { portraitRigData } from './portraitRigData';
import { PortraitShots, pairOptionShots, type PortraitShotInfo } from './portraitShots';
import { createImageTexture, createPortraitTarget } from './portraitTextures';
import type { ShotContent } from '../rig/shots/PortraitShot';
import { PortraitStats } from './PortraitStats';
import { readTargetPixels } from './readTargetPixels';
import { PortraitSystem, type SystemPortrait } from './PortraitSystem';
import { checkedOptions, type TalkingPortraitOptions } from './TalkingPortraitOptions';

/**
 * A living portrait: one image in, a texture out that any material or GUI can show. Write
 * `controls` (or attach motion sources) and the scene's PortraitSystem draws a new frame
 * before each render in which they changed, at the level (render size, update rate) the frame
 * budget allows: `stats` tells the level and the cost, `focus`, `priorityHint` and `mesh` steer it.
 */
export class TalkingPortrait implements SystemPortrait {
  /** The animated portrait; a still portrait until the first frame is drawn. */
  readonly texture: RenderTargetTexture;
  /** What the face does now: head angles and the 52 ARKit weights. Write into it; never replace it. */
  readonly controls = new FaceControls();
  readonly rig: PortraitRig;
  /** Fires once when the portrait is disposed. */
  readonly onDisposeObservable = new Observable<TalkingPortrait>();
  /**
   * Fires when the engine loses its GPU device. The portrait keeps its rig, controls and shots,
   * draws nothing meanwhile (`isReady()` is false, `readPixelsAsync` rejects with this error) and
   * redraws itself once Babylon restores the engine.
   */
  readonly onDeviceLostObservable = new Observable<GpuDeviceLostError>();
  /** Fires once the portrait has drawn again on the engine's new device. */
  readonly onDeviceRestoredObservable = new Observable<TalkingPortrait>();
  /** What it costs and the level it is held at, rewritten each frame by the PortraitSystem. */
  readonly stats = new PortraitStats();
  /** Its place in the frame budget: `visible`, `screenShare` (set by `mesh` when there is one), level, size, rate. */
  readonly schedule: ScheduledPortrait;
  /** Largest render size in pixels (the `size` option). */
  readonly maxSize: number;
  /** A mesh showing the portrait, whose on-screen size and visibility drive `schedule`; null leaves them to the game. */
  mesh: AbstractMesh | null;

  private readonly _scene: Scene;
  private readonly _system: PortraitSystem;
  private readonly _source: HtmlElementTexture;
  private readonly _generators: GeneratorSlot;
  private readonly _positions: Float32Array;
  private readonly _lastDrawn = new FaceControls();
  private _drawnOnce = false;
  private _landmarkRig: LandmarkDrivenRig | null = null;
  private _landmarkOffsets: Float32Array | null = null;
  private _landmarkHead: HeadPoseLike | null = null;
  private readonly _shots: PortraitShots;
  private readonly _tracker: FaceTracker | null;
  private _sceneDisposeObserver: Observer<Scene> | null;
  private readonly _device: DeviceLossWatch;
  private _disposed = false;

  /** True where the warp generator can run: WebGPU or WebGL2. */
  static IsSupported(engine: AbstractEngine): boolean {
    return engine.isWebGPU || (engine as AbstractEngine & { webGLVersion?: number }).webGLVersion === 2;
  }

  /**
   * Makes a portrait from an image: finds the face (NoFaceError if there is none), rigs it,
   * and draws its first frame before resolving.
   */
  static async CreateAsync(scene: Scene, image: PortraitImageSource, options: TalkingPortraitOptions = {}): Promise<TalkingPortrait> {
    const engine = scene.getEngine();
    if (!TalkingPortrait.IsSupported(engine)) {
      throw new TypeError('TalkingPortrait: the engine supports neither WebGPU nor WebGL2; check TalkingPortrait.IsSupported(engine) first.');
    }
    const { size, generator } = checkedOptions(options);
    const canvas = await portraitCanvas(image, 'TalkingPortrait.CreateAsync');
    const system = PortraitSystem.Get(scene);
    const { data, tracker } = await portraitRigData(canvas, options, system);
    const portrait = new TalkingPortrait(scene, system, canvas, new PortraitRig(data), size, options);
    await portrait._whenReadyAsync();
    if (generator === 'onnx') {
      try {
        // GeneratorSlot keeps the warp, and says so, where the engine has no WebGPU.
        if (await portrait._generators.useOnnxAsync(options, () => portrait._disposed)) portrait.renderNow();
      } catch (error) {
        portrait.dispose();
        throw error;
      }
    }
    try {
      if (tracker && (options.calibrateHeadTurns ?? true)) await calibrateHeadTurns(portrait, tracker);
      if (tracker && (options.calibrateJaw ?? true)) {
        await calibrateJaw(portrait, tracker);
        await calibrateTeeth(portrait, tracker);
      }
      if (tracker && (options.calibrateSmile ?? true)) await calibrateSmile(portrait, tracker);
      if (tracker && (options.calibrateGaze ?? true)) await calibrateGaze(portrait, tracker);
      for (const shot of pairOptionShots(options.shots ?? [], options.rig?.shots ?? [])) await portrait._addShotAsync(shot.image, shot.content, shot.baked);
    } catch (error) {
      portrait.dispose();
      throw error;
    }
    return portrait;
  }

  private constructor(scene: Scene, system: PortraitSystem, canvas: HTMLCanvasElement, rig: PortraitRig, size: number, options: TalkingPortraitOptions) {
    this._scene = scene;
    this._system = system;
    this.rig = rig;
    const name = options.name ?? 'talkingPortrait';
    this._source = createImageTexture(`${name}.source`, canvas, scene);
    this.texture = createPortraitTarget(name, size, scene);
    this._shots = new PortraitShots(scene, name);
    const matte = options.matte ? new Color4(options.matte.r, options.matte.g, options.matte.b, 1) : null;
    this._generators = new GeneratorSlot({ scene, rig, source: this._source, target: this.texture, matte, shots: this._shots });
    this._positions = new Float32Array(rig.positionsLength);
    this._tracker = options.tracker ?? null;
    this.maxSize = size;
    this.stats.size = size;
    this.mesh = options.mesh ?? null;
    this._sceneDisposeObserver = scene.onDisposeObservable.add(() => this.dispose());
    this._device = new DeviceLossWatch(scene.getEngine(), () => this._deviceLost(), () => this._deviceRestored());
    this.schedule = system.add(this, { maxSize: size, refreshRate: options.refreshRate ?? 1, priority: options.priority ?? 'normal' });
  }

  /** The generator drawing the portrait now (see `generatorKind`); it changes if the ONNX generator hands over to the warp. For tools and diagnostics: draw through the portrait. */
  get generator(): PortraitGenerator {
    return this._generators.generator;
  }

  /** Speaking, or the one the player talks to: served before every unfocused portrait. Default false. */
  get focus(): boolean {
    return this.schedule.focused;
  }
  set focus(value: boolean) {
    this.schedule.focused = value;
  }

  /** The game's hint: 'high' | 'normal' | 'low' or a positive weight (1 = normal). Default 'normal'. */
  get priorityHint(): PriorityHint {
    return this.schedule.priority;
  }
  set priorityHint(value: PriorityHint) {
    this.schedule.priority = value;
  }

  /** Which generator draws this portrait: 'onnx' only when asked for and the engine has WebGPU. */
  get generatorKind(): PortraitGeneratorKind {
    return this._generators.kind;
  }

  /** The render target the system times on the GPU. */
  get gpuTarget(): RenderTargetWrapper | null {
    return this.texture.renderTarget;
  }

  /**
   * Draws a frame at `size` pixels (one of the levels the PortraitSystem picks) if the controls changed
   * or the size did; resizing re-creates the texture's storage, which happens only on a level change.
   */
  drawScheduled(size: number): boolean {
    // Nothing may touch the GPU between a device loss and Babylon's restore, a resize included.
    if (this._disposed || this._device.isLost) return false;
    if (size !== this.stats.size) {
      this.texture.resize(size);
      this.stats.size = size;
    } else if (this._drawnOnce && this._landmarkOffsets === null && this.controls.equals(this._lastDrawn)) {
      return false;
    }
    return this.renderNow();
  }

  /**
   * Drives the face by captured landmarks instead of `controls`: `offsets` (pixels per landmark,
   * as LandmarkTransfer.transfer writes them) and `head` (the head channels, e.g. the FaceControls
   * transfer wrote). Keep both and rewrite them each frame; the portrait redraws every frame it is
   * scheduled while driven this way. null hands the face back to `controls`.
   */
  setLandmarkDrive(offsets: Float32Array | null, head: HeadPoseLike | null = null): void {
    if (offsets === null) {
      this._landmarkOffsets = null;
      this._landmarkHead = null;
      return;
    }
    if (!(offsets instanceof Float32Array)) throw new TypeError('TalkingPortrait.setLandmarkDrive: offsets must be a Float32Array (LandmarkTransfer writes one), or null.');
    this._landmarkRig ??= new LandmarkDrivenRig(this.rig);
    this._landmarkOffsets = offsets;
    this._landmarkHead = head ?? this.controls;
  }

  /** True once the first frame has been drawn. */
  isReady(): boolean {
    return this._drawnOnce && !this._disposed && !this._device.isLost;
  }

  /** Draws a frame now, at the current size, if the controls changed since the last one (the PortraitSystem draws through its schedule instead). */
  update(_deltaMs: number): void {
    this.drawScheduled(this.stats.size);
  }

  /** Draws the current controls now, whether or not they changed. */
  renderNow(): boolean {
    if (this._disposed || this._device.isLost) return false;
    if (this._landmarkOffsets && this._landmarkRig) this._landmarkRig.deform(this._landmarkOffsets, this._landmarkHead ?? this.controls, this._positions);
    else this.rig.deform(this.controls, this._positions);
    const drawn = this._generators.generator.render(this._positions);
    if (drawn) {
      this._lastDrawn.copyFrom(this.controls);
      this._drawnOnce = true;
    }
    return drawn;
  }

  /**
   * Reads the current frame back from the GPU as RGBA8, rows top first, at the size last drawn. For tools, tests and
   * thumbnails; never call it per frame (it waits for the GPU).
   */
  async readPixelsAsync(): Promise<Uint8Array> {
    if (this._device.isLost) throw new GpuDeviceLostError('there is no frame to read until the engine has a new device (onDeviceRestoredObservable).');
    // The ONNX generator finishes a frame after render() returns; wait for the one in flight.
    await this._generators.generator.whenIdleAsync?.();
    return readTargetPixels(this.texture, 'TalkingPortrait.readPixelsAsync');
  }

  /**
   * Adds another image of the same character, framed and lit like the portrait (few-shot). Its
   * face is found (NoFaceError when there is none) and mapped onto this portrait's rig: a shot
   * with the eyes closed gives blinks its real shut lids, one with the mouth open gives an open
   * jaw its real lips, teeth and mouth. For each region the portrait keeps the shot that shows
   * it most; a shot that shows neither is reported and left unused. `content` says what it shows
   * where the detector cannot tell (it often reads painted shut eyes as half open). The ONNX
   * generator draws from the portrait alone. Resolves once the next frame is drawn with it.
   */
  async addShotAsync(image: PortraitImageSource, content: ShotContent = {}): Promise<PortraitShotInfo> {
    return this._addShotAsync(image, content, null);
  }

  private async _addShotAsync(image: PortraitImageSource, content: ShotContent, baked: BakedShot | null): Promise<PortraitShotInfo> {
    const caller = 'TalkingPortrait.addShotAsync';
    if (this._disposed) throw new Error(`${caller}: the portrait is disposed.`);
    const canvas = await portraitCanvas(image, caller);
    if (baked && (baked.imageWidth !== canvas.width || baked.imageHeight !== canvas.height)) {
      throw new RangeError(`TalkingPortrait: the rig's baked shot is for a ${baked.imageWidth}×${baked.imageHeight} image, this shot is ${canvas.width}×${canvas.height}; give the shots in the order they were baked.`);
    }
    let landmarks = baked?.landmarks ?? null;
    if (!landmarks) {
      const tracker = this._tracker ?? (await this._system.getTrackerAsync());
      if (this._disposed) throw new Error(`${caller}: the portrait was disposed while the shot was read.`);
      landmarks = (await tracker.detectImage(canvas)).landmarks;
    }
    if (this._disposed) throw new Error(`${caller}: the portrait was disposed while its face was found.`);
    // What the game says now wins over what the baker said.
    const info = this._shots.add(this.rig.data, canvas, landmarks, {
      eyesClosed: content.eyesClosed ?? baked?.eyesClosed,
      mouthOpen: content.mouthOpen ?? baked?.mouthOpen,
    });
    if (info.usedFor.length > 0) {
      if (!this._generators.drawShots()) {
        Logger.Warn(`TalkingPortrait.addShotAsync: the ${this._generators.kind} generator draws from the portrait alone; the shot is kept but not drawn.`);
      }
      await this._whenReadyAsync();
    }
    return info;
  }

  private _deviceLost(): void {
    if (this._disposed) return;
    this.onDeviceLostObservable.notifyObservers(new GpuDeviceLostError(`the engine lost its device; portrait '${this.texture.name}' redraws once Babylon restores it.`));
  }

  /** Babylon rebuilt its own objects on a new device: uploads the images again and remakes what the generator made itself. */
  private _deviceRestored(): void {
    if (this._disposed) return;
    this._source.update(false);
    this._shots.reupload();
    this._generators.restore();
    this._whenReadyAsync().then(
      () => this.onDeviceRestoredObservable.notifyObservers(this),
      (error: unknown) => Logger.Error(`TalkingPortrait '${this.texture.name}': could not draw on the restored device: ${String(error)}`),
    );
  }

  private async _whenReadyAsync(): Promise<void> {
    await this._generators.whenReadyAsync(() => this._disposed);
    this.renderNow();
  }

  /** Frees the textures, buffers and shaders, and leaves the scene's update. Safe to call twice. */
  dispose(): void {
    if (this._disposed) return;
    this._disposed = true;
    this._system.remove(this);
    if (this._sceneDisposeObserver) this._scene.onDisposeObservable.remove(this._sceneDisposeObserver);
    this._sceneDisposeObserver = null;
    this._device.dispose();
    this._generators.dispose();
    this._shots.dispose();
    this._source.dispose();
    this.texture.dispose();
    this.onDisposeObservable.notifyObservers(this);
    this.onDisposeObservable.clear();
    this.onDeviceLostObservable.clear();
    this.onDeviceRestoredObservable.clear();
  }
}
