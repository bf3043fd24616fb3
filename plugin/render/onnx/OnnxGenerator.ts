// The ONNX generator: a learned (or built) model run by onnxruntime-web's native WebGPU EP
// on Babylon's own GPUDevice, fed and read in GPU buffers, at most one inference in flight.
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine.js';
import type { WebGPUEngine } from '@babylonjs/core/Engines/webgpuEngine.js';
import type { BaseTexture } from '@babylonjs/core/Materials/Textures/baseTexture.js';
import type { RenderTargetTexture } from '@babylonjs/core/Materials/Textures/renderTargetTexture.js';
import { StorageBuffer } from '@babylonjs/core/Buffers/storageBuffer.js';
import { Constants } from '@babylonjs/core/Engines/constants.js';
import type { Color4 } from '@babylonjs/core/Maths/math.color.js';
import type { InferenceSession, Tensor } from 'onnxruntime-web/webgpu';
import { CallbackList } from '../../core/CallbackList';
import { UnsupportedEngineError } from '../../core/errors/gpuErrors';
import type { PortraitRig } from '../../rig/PortraitRig';
import { checkOnnxContract } from './checkOnnxContract';
import { createWebGpuSession } from './createWebGpuSession';
import { FramePresenter } from './FramePresenter';
import { defaultOrtWasmUrl, loadOrtWebGpu } from './loadOrtWebGpu';
import { loadModelBytes, defaultOnnxModelUrl } from './loadModelBytes';
import { IMAGE_CHANNELS, ONNX_INPUT, ONNX_OUTPUT_IMAGE, type OnnxModelPlan } from './onnxContract';
import { readOnnxModel } from './readOnnxModel';
import { giveOrtTurnBack, stopWaitingForOrtTurn, takeOrtTurnAsync, tryTakeOrtTurn, waitForOrtTurn } from './ortTurn';

export interface OnnxGeneratorOptions {
  /** The model: a URL, or its bytes. Default: the shipped dense-motion model, models/dense-motion-256.onnx. */
  model?: string | Uint8Array | ArrayBuffer;
  /** Folder URL holding onnxruntime-web's wasm files. Default: the package's dist/ as served beside the plugin. */
  wasmPaths?: string;
  /** Colour to lay a transparent portrait on; null keeps its transparency. Default null. */
  matte?: Color4 | null;
}

/** Per inference, only warnings and worse: the session logs verbosely (node placement is read from it), which per run would print every shader. */
const QUIET_RUN = { logSeverityLevel: 2 } as const;

const NEUTRAL_CONTROLS = { yaw: 0, pitch: 0, roll: 0, x: 0, y: 0, z: 0, weights: new Float32Array(52) };
const FLOAT_BYTES = 4;

/** The GPUDevice of a WebGPU engine (Babylon keeps it in `_device`), or null on WebGL. */
function engineDevice(engine: AbstractEngine): GPUDevice | null {
  return engine.isWebGPU ? ((engine as unknown as { _device?: GPUDevice })._device ?? null) : null;
}

/**
 * Renders a portrait with an ONNX model on the GPU. `render(positions)` only hands the posed
 * rig to the model: if no inference is in flight one starts, else the newest pose waits for
 * the running one to finish. The texture always shows the latest finished frame (the still
 * portrait before the first), drawn without any readback to the CPU.
 */
export class OnnxGenerator {
  /** Called with the inference time in ms (start until the GPU finished it and the frame was drawn) each time a frame is shown. */
  readonly onFrameShown = new CallbackList<number>();
  /** Called when an inference fails; the generator then stops and keeps its last frame. */
  readonly onError = new CallbackList<Error>();
  private readonly _session: InferenceSession;
  private readonly _device: GPUDevice;
  private readonly _plan: OnnxModelPlan;
  private readonly _presenter: FramePresenter;
  private readonly _sourcePoints: StorageBuffer | null;
  private readonly _targetPoints: StorageBuffer | null;
  private readonly _pending: Float32Array;
  private readonly _feeds: Record<string, Tensor>;
  private readonly _fetches: Record<string, Tensor>;
  private _inFlight = false;
  private _hasPending = false;
  private _startedAt = 0;
  /** Inside render(): a run started there is already on the caller's clock. */
  private _rendering = false;
  private _outsideRenderMs = 0;
  private _failed: Error | null = null;
  private _disposed = false;
  private _idle: (() => void)[] = [];

  /** True where the ONNX generator can run: a WebGPU engine with compute shaders. On WebGL2 a portrait keeps the warp generator. */
  static IsSupported(engine: AbstractEngine): boolean {
    return engineDevice(engine) !== null && engine.getCaps().supportComputeShaders === true;
  }

  /**
   * Loads and checks the model (OnnxContractError names what does not fit, including nodes that
   * would run on the CPU), opens a session on the engine's device and shows the still portrait.
   */
  static async CreateAsync(engine: AbstractEngine, rig: PortraitRig, source: BaseTexture, target: RenderTargetTexture, options: OnnxGeneratorOptions = {}): Promise<OnnxGenerator> {
    const device = engineDevice(engine);
    if (!device || !OnnxGenerator.IsSupported(engine)) {
      throw new UnsupportedEngineError('the ONNX generator needs a WebGPU engine (onnxruntime-web runs on its GPUDevice); keep the warp generator here');
    }
    const { bytes, name } = await loadModelBytes(options.model ?? defaultOnnxModelUrl());
    const plan = checkOnnxContract(readOnnxModel(bytes, name), rig.vertexCount, name);
    const ort = await loadOrtWebGpu(options.wasmPaths ?? defaultOrtWasmUrl());
    const opening = {};
    await takeOrtTurnAsync(opening);
    let session: InferenceSession;
    try {
      session = await createWebGpuSession(ort, device, bytes, name);
    } finally {
      giveOrtTurnBack(opening);
    }
    const generator = new OnnxGenerator(ort, session, plan, engine as WebGPUEngine, rig, source, target, options.matte ?? null);
    await generator._showSourceAsync();
    return generator;
  }

  private constructor(ort: typeof import('onnxruntime-web/webgpu'), session: InferenceSession, plan: OnnxModelPlan, engine: WebGPUEngine, rig: PortraitRig, source: BaseTexture, target: RenderTargetTexture, matte: Color4 | null) {
    this._session = session;
    this._device = engine._device;
    this._plan = plan;
    this._presenter = new FramePresenter(engine, plan.size, source, target, matte);
    const count = plan.controlVertices.length;
    this._pending = new Float32Array(count * 2);
    const gpu = (b: StorageBuffer) => b.getBuffer().underlyingResource as GPUBuffer;
    const points = (label: string) => new StorageBuffer(engine, Math.max(1, count) * 2 * FLOAT_BYTES, Constants.BUFFER_CREATIONFLAG_READWRITE, label);
    const image = [1, IMAGE_CHANNELS, plan.size, plan.size];
    this._feeds = {};
    this._sourcePoints = plan.usesSourcePoints ? points('talkingPortraitOnnx.sourcePoints') : null;
    this._targetPoints = plan.usesTargetPoints ? points('talkingPortraitOnnx.targetPoints') : null;
    const rest = new Float32Array(rig.positionsLength);
    rig.deform(NEUTRAL_CONTROLS, rest);
    this._gather(rest);
    if (plan.usesSourceImage) this._feeds[ONNX_INPUT.sourceImage] = ort.Tensor.fromGpuBuffer(gpu(this._presenter.sourceTensor), { dataType: 'float32', dims: image });
    if (this._sourcePoints) {
      this._sourcePoints.update(this._pending);
      this._feeds[ONNX_INPUT.sourcePoints] = ort.Tensor.fromGpuBuffer(gpu(this._sourcePoints), { dataType: 'float32', dims: [1, count, 2] });
    }
    if (this._targetPoints) {
      this._targetPoints.update(this._pending);
      this._feeds[ONNX_INPUT.targetPoints] = ort.Tensor.fromGpuBuffer(gpu(this._targetPoints), { dataType: 'float32', dims: [1, count, 2] });
    }
    this._fetches = { [ONNX_OUTPUT_IMAGE]: ort.Tensor.fromGpuBuffer(gpu(this._presenter.outputTensor), { dataType: 'float32', dims: image }) };
  }

  /** The model's output side in pixels. */
  get modelSize(): number {
    return this._plan.size;
  }

  /** True once the shaders compiled and the session is open, until it fails or is disposed. */
  isReady(): boolean {
    return !this._disposed && !this._failed && this._presenter.isReady();
  }

  /** True while an inference runs. */
  get busy(): boolean {
    return this._inFlight;
  }

  /** Hands a posed rig (PortraitRig.deform's output) to the model. Returns false if not ready; the frame appears when its inference finishes. */
  render(positions: Float32Array): boolean {
    if (!this.isReady()) return false;
    this._gather(positions);
    this._hasPending = true;
    this._rendering = true;
    if (!this._inFlight) this._tryStart();
    this._rendering = false;
    return true;
  }

  /**
   * Main-thread ms spent since the last call on work that runs outside render(), where no frame's
   * update sees it: starting a waiting pose once onnxruntime comes free, and presenting finished
   * frames. Only the synchronous part of a run's start counts; onnxruntime's own callbacks are not seen.
   */
  takeOutsideRenderMs(): number {
    const ms = this._outsideRenderMs;
    this._outsideRenderMs = 0;
    return ms;
  }

  /** Resolves once no inference runs and none waits (for tools and tests; never await it in a frame). */
  whenIdleAsync(): Promise<void> {
    if (!this._inFlight && !this._hasPending) return Promise.resolve();
    return new Promise((resolve) => this._idle.push(resolve));
  }

  private _gather(positions: Float32Array): void {
    const vertices = this._plan.controlVertices;
    for (let i = 0; i < vertices.length; i++) {
      const o = vertices[i] * 3;
      this._pending[i * 2] = positions[o];
      this._pending[i * 2 + 1] = positions[o + 1];
    }
  }

  /** Starts the pending pose if onnxruntime is free, else waits in line for it. Allocates nothing. */
  private readonly _tryStart = (): void => {
    if (this._disposed || this._inFlight || !this._hasPending) return;
    if (tryTakeOrtTurn(this)) this._start();
    else waitForOrtTurn(this._tryStart);
  };

  private _start(): void {
    this._hasPending = false;
    this._inFlight = true;
    this._targetPoints?.update(this._pending);
    const began = performance.now();
    this._startedAt = began;
    this._session.run(this._feeds, this._fetches, QUIET_RUN).then(this._finished, this._failedRun);
    if (!this._rendering) this._outsideRenderMs += performance.now() - began;
  }

  private readonly _finished = (): void => {
    if (this._disposed) return this._gpuDone();
    const began = performance.now();
    this._presenter.present(this._presenter.outputTensor);
    this._outsideRenderMs += performance.now() - began;
    // In flight until the GPU has done the inference and the copy, so slow devices never queue up frames.
    this._device.queue.onSubmittedWorkDone().then(this._gpuDone, this._failedRun);
  };

  private readonly _gpuDone = (): void => {
    this._inFlight = false;
    giveOrtTurnBack(this);
    if (this._disposed) return this._settle();
    this.onFrameShown.notify(performance.now() - this._startedAt);
    if (this._hasPending) this._tryStart();
    else this._settle();
  };

  private readonly _failedRun = (error: unknown): void => {
    this._inFlight = false;
    giveOrtTurnBack(this);
    this._hasPending = false;
    this._failed = error instanceof Error ? error : new Error(String(error));
    this.onError.notify(this._failed);
    this._settle();
  };

  private _settle(): void {
    const waiting = this._idle;
    this._idle = [];
    for (const resolve of waiting) resolve();
  }

  private async _showSourceAsync(): Promise<void> {
    while (!this._presenter.isReady()) await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
    if (!this._presenter.fillSourceTensor() || !this._presenter.present(this._presenter.sourceTensor)) {
      throw new Error('OnnxGenerator: the source image could not be converted on the GPU.');
    }
  }

  /** Releases the session, buffers and shaders (not the source or target textures). Safe twice; a running inference finishes unseen. */
  dispose(): void {
    if (this._disposed) return;
    this._disposed = true;
    stopWaitingForOrtTurn(this._tryStart);
    void this._session.release();
    this._presenter.dispose();
    this._sourcePoints?.dispose();
    this._targetPoints?.dispose();
    this.onFrameShown.clear();
    this.onError.clear();
  }
}

const READY_POLL_MS = 16;
