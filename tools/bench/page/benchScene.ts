// One benchmark scene: N planes in a grid, each showing a live portrait (warp or onnx), a VideoTexture clip (video) or nothing.
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import { Camera } from '@babylonjs/core/Cameras/camera';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import type { BaseTexture } from '@babylonjs/core/Materials/Textures/baseTexture';
import { Texture } from '@babylonjs/core/Materials/Textures/texture';
import { VideoTexture } from '@babylonjs/core/Materials/Textures/videoTexture';
import { Color3, Color4 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { CreatePlane } from '@babylonjs/core/Meshes/Builders/planeBuilder';
import { Scene } from '@babylonjs/core/scene';
import { PortraitSystem } from '../../../plugin/babylon/PortraitSystem';
import { TalkingPortrait } from '../../../plugin/babylon/TalkingPortrait';
import type { PortraitRigData } from '../../../plugin/rig/PortraitRigData';
import { BenchMotion } from './benchMotion';
import type { FrameSamples } from './frameSamples';
import { OnnxProbe } from './onnxProbe';

/**
 * What fills the planes: the warp generator, the ONNX generator (WebGPU only), the VideoTexture
 * baseline, or nothing (the scene every cost is measured against).
 */
export type BenchGenerator = 'none' | 'warp' | 'onnx' | 'video';

export interface BenchSceneSpec {
  generator: BenchGenerator;
  portraits: number;
  sizePx: number;
  /** Warp and ONNX: the PortraitSystem's budget, ms. */
  budgetMs: number;
  /** Warp only: the scheduler's floor rate. Default: the scheduler's (8). */
  floorRate?: number;
  /** Video only: URL of the clip for this size. */
  clipUrl?: string;
  /** Draw on the page's texture-only WebGPU engine (benchPage's startTextureEngine) instead of its canvas engine. Default false. */
  textureOnly?: boolean;
}

/** One loaded portrait image and its rig. */
export interface BenchFace {
  canvas: HTMLCanvasElement;
  rig: PortraitRigData;
}

/** Gap between planes, in plane widths. */
const GAP = 0.05;
/** Camera distance; the camera is orthographic, so only the bounds matter. */
const CAMERA_Z = -10;
/** Clip media is ready to be drawn. */
const HAVE_CURRENT_DATA = 2;
const VIDEO_READY_TIMEOUT_MS = 30_000;

/** A scene of the spec's planes, with a per-frame observer writing into `samples`. */
export class BenchScene {
  readonly scene: Scene;
  private readonly _portraits: TalkingPortrait[] = [];
  private readonly _motions: BenchMotion[] = [];
  private readonly _videos: VideoTexture[] = [];
  private _system: PortraitSystem | null = null;
  private _onnx: OnnxProbe | null = null;

  private constructor(engine: AbstractEngine, private readonly _spec: BenchSceneSpec, private readonly _samples: FrameSamples) {
    this.scene = new Scene(engine);
    this.scene.clearColor = new Color4(0.1, 0.1, 0.12, 1);
  }

  static async CreateAsync(engine: AbstractEngine, spec: BenchSceneSpec, faces: readonly BenchFace[], samples: FrameSamples): Promise<BenchScene> {
    const bench = new BenchScene(engine, spec, samples);
    const textures = await bench._makeTextures(faces);
    bench._layOut(textures);
    await bench.scene.whenReadyAsync();
    return bench;
  }

  /** ONNX scenes: the first failed inference, or null. */
  get onnxFailure(): Error | null {
    return this._onnx?.failure ?? null;
  }

  /** The scene's PortraitSystem (warp and ONNX scenes only). */
  get system(): PortraitSystem | null {
    return this._system;
  }

  private async _makeTextures(faces: readonly BenchFace[]): Promise<BaseTexture[]> {
    const { generator, portraits, sizePx } = this._spec;
    const scene = this.scene;
    let last = performance.now();
    // Added before the PortraitSystem's observer, so the motion is written before the system draws.
    scene.onBeforeRenderObservable.add(() => this._beforeRender());
    scene.onAfterRenderObservable.add(() => {
      const now = performance.now();
      if (this._samples.recording) this._samples.frameMs.push(now - last);
      last = now;
    });
    if (generator === 'warp' || generator === 'onnx') {
      this._system = PortraitSystem.Get(scene, { budgetMs: this._spec.budgetMs, floorRate: this._spec.floorRate });
      if (generator === 'onnx') this._onnx = new OnnxProbe(this._samples);
      for (let i = 0; i < portraits; i++) {
        const face = faces[i % faces.length];
        const portrait = await TalkingPortrait.CreateAsync(scene, face.canvas, { rig: face.rig, size: sizePx, name: `portrait${i}`, generator });
        this._onnx?.attach(portrait);
        // Its first inference (which also compiles the shaders) must end before the next session opens: onnxruntime-web
        // fails to open a session ("memory access out of bounds") while another session's run is in flight.
        await this._onnx?.whenIdleAsync();
        this._portraits.push(portrait);
        this._motions.push(new BenchMotion(i + 1));
      }
      return this._portraits.map((p) => p.texture);
    }
    if (generator === 'video') {
      if (!this._spec.clipUrl) throw new TypeError('BenchScene: a video scene needs clipUrl.');
      for (let i = 0; i < portraits; i++) {
        const texture = new VideoTexture(`clip${i}`, this._spec.clipUrl, scene, false, false, Texture.BILINEAR_SAMPLINGMODE, {
          autoPlay: true, loop: true, muted: true, autoUpdateTexture: false,
        });
        texture.video.playsInline = true;
        this._videos.push(texture);
      }
      await Promise.all(this._videos.map((t) => playing(t.video)));
      return this._videos;
    }
    return [];
  }

  /** Motion and the system's update (warp), or the clips' texture uploads (video), timed as the frame's main-thread cost. */
  private _beforeRender(): void {
    const samples = this._samples;
    const started = performance.now();
    if (this._videos.length > 0) {
      for (let i = 0; i < this._videos.length; i++) this._videos[i].updateTexture(true);
      if (samples.recording) samples.mainThreadMs.push(performance.now() - started);
      return;
    }
    for (let i = 0; i < this._portraits.length; i++) this._motions[i].sample(started, this._portraits[i].controls);
    if (!samples.recording) return;
    samples.motionMs.push(performance.now() - started);
  }

  /** Reads what the PortraitSystem measured of this frame; call after the scene rendered. */
  recordSystem(): void {
    const samples = this._samples;
    const system = this._system;
    // ONNX: starting queued runs and presenting finished frames happen outside the system's update; they count in the frame they landed in.
    const onnxMs = this._onnx?.takeMainThreadMs() ?? 0;
    if (!samples.recording || !system) return;
    const motion = samples.motionMs.count > 0 ? samples.motionMs.values[samples.motionMs.count - 1] : 0;
    samples.mainThreadMs.push(system.stats.updateMs + motion + onnxMs);
    samples.systemMs.push(system.stats.updateMs);
    samples.budgetedMs.push(system.stats.mainThreadMs);
    if (system.stats.gpuMs !== null) samples.gpuMs.push(system.stats.gpuMs);
    if (system.stats.gpuFrameMs !== null) samples.gpuFrameMs.push(system.stats.gpuFrameMs);
  }

  /** A grid of planes under an orthographic camera that frames them all. */
  private _layOut(textures: readonly BaseTexture[]): void {
    const scene = this.scene;
    const camera = new FreeCamera('camera', new Vector3(0, 0, CAMERA_Z), scene);
    camera.setTarget(Vector3.Zero());
    camera.mode = Camera.ORTHOGRAPHIC_CAMERA;
    const n = Math.max(1, textures.length);
    const columns = Math.ceil(Math.sqrt(n));
    const rows = Math.ceil(n / columns);
    const step = 1 + GAP;
    const aspect = scene.getEngine().getAspectRatio(camera);
    const halfHeight = Math.max(rows, columns / aspect) * step * 0.5;
    camera.orthoTop = halfHeight;
    camera.orthoBottom = -halfHeight;
    camera.orthoLeft = -halfHeight * aspect;
    camera.orthoRight = halfHeight * aspect;
    textures.forEach((texture, i) => {
      const plane = CreatePlane(`plane${i}`, { size: 1 }, scene);
      plane.position.x = ((i % columns) - (columns - 1) / 2) * step;
      plane.position.y = ((rows - 1) / 2 - Math.floor(i / columns)) * step;
      const material = new StandardMaterial(`material${i}`, scene);
      material.disableLighting = true;
      material.diffuseColor = Color3.Black();
      material.specularColor = Color3.Black();
      material.emissiveTexture = texture;
      plane.material = material;
      const portrait = this._portraits[i];
      if (portrait) portrait.mesh = plane;
    });
  }

  /**
   * Disposes once no ONNX inference runs: releasing a session with a run in flight corrupts onnxruntime's
   * wasm heap, and the next session then fails to open. Call it after the render loop stopped drawing this scene.
   */
  async disposeAsync(): Promise<void> {
    await this._onnx?.whenIdleAsync();
    this.dispose();
  }

  dispose(): void {
    this.scene.dispose();
    for (const video of this._videos) {
      video.video.pause();
      video.video.removeAttribute('src');
      video.video.load();
    }
  }
}

/** Resolves once the clip plays and has a frame to draw. */
async function playing(video: HTMLVideoElement): Promise<void> {
  video.muted = true;
  await video.play();
  const started = performance.now();
  while (video.readyState < HAVE_CURRENT_DATA) {
    if (performance.now() - started > VIDEO_READY_TIMEOUT_MS) throw new Error(`BenchScene: the clip ${video.currentSrc} did not become playable.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
