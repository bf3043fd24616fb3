// The GPU side of the ONNX generator around the model: the portrait texture into the model's
// source tensor, and a finished output tensor into the portrait's render target. No readback.
import type { WebGPUEngine } from '@babylonjs/core/Engines/webgpuEngine.js';
import { Constants } from '@babylonjs/core/Engines/constants.js';
import { VertexBuffer } from '@babylonjs/core/Buffers/buffer.js';
import type { DataBuffer } from '@babylonjs/core/Buffers/dataBuffer.js';
import { StorageBuffer } from '@babylonjs/core/Buffers/storageBuffer.js';
import { ComputeShader } from '@babylonjs/core/Compute/computeShader.js';
import { UniformBuffer } from '@babylonjs/core/Materials/uniformBuffer.js';
import { EffectWrapper } from '@babylonjs/core/Materials/effectRenderer.js';
import { ShaderLanguage } from '@babylonjs/core/Materials/shaderLanguage.js';
import type { BaseTexture } from '@babylonjs/core/Materials/Textures/baseTexture.js';
import { RawTexture } from '@babylonjs/core/Materials/Textures/rawTexture.js';
import type { RenderTargetTexture } from '@babylonjs/core/Materials/Textures/renderTargetTexture.js';
import { Texture } from '@babylonjs/core/Materials/Textures/texture.js';
import { Color4 } from '@babylonjs/core/Maths/math.color.js';
import { Viewport } from '@babylonjs/core/Maths/math.viewport.js';
import { RegisterEnginesWebGPUExtensionsEngineComputeShader } from '@babylonjs/core/Engines/WebGPU/Extensions/engine.computeShader.pure.js';
import { RegisterEnginesWebGPUExtensionsEngineRawTexture } from '@babylonjs/core/Engines/WebGPU/Extensions/engine.rawTexture.pure.js';
import { IMAGE_CHANNELS } from './onnxContract';
import { PRESENT_FRAGMENT_WGSL, PRESENT_VERTEX_WGSL, TENSOR_TO_TEXTURE_WGSL, TENSOR_WORKGROUP, TEXTURE_TO_TENSOR_WGSL } from './onnxShadersWgsl';

const FULL_VIEWPORT = new Viewport(0, 0, 1, 1);
const FLOAT_BYTES = 4;
const QUAD = new Float32Array([0, 0, 1, 0, 1, 1, 0, 1]);
const QUAD_INDICES = new Uint32Array([0, 1, 2, 0, 2, 3]);

/** Converts between the portrait's textures and the model's [1, 4, S, S] float tensors on Babylon's WebGPU device. */
export class FramePresenter {
  /** The model's source_image tensor, filled once from the portrait texture. */
  readonly sourceTensor: StorageBuffer;
  /** Where the model writes its output; the latest finished frame is copied out of it. */
  readonly outputTensor: StorageBuffer;
  private readonly _engine: WebGPUEngine;
  private readonly _target: RenderTargetTexture;
  private readonly _params: UniformBuffer;
  private readonly _toTensor: ComputeShader;
  private readonly _toTexture: ComputeShader;
  private readonly _frame: RawTexture;
  private readonly _present: EffectWrapper;
  private readonly _quad: { [kind: string]: VertexBuffer };
  private readonly _quadIndices: DataBuffer;
  private readonly _matte: Color4;
  private readonly _clear = new Color4(0, 0, 0, 0);
  private readonly _groups: number;

  constructor(engine: WebGPUEngine, size: number, source: BaseTexture, target: RenderTargetTexture, matte: Color4 | null) {
    // Babylon's compute and raw-texture support for WebGPU, registered on first use rather than on import.
    RegisterEnginesWebGPUExtensionsEngineComputeShader();
    RegisterEnginesWebGPUExtensionsEngineRawTexture();
    this._engine = engine;
    this._target = target;
    this._matte = matte ? matte.clone() : new Color4(0, 0, 0, 0);
    const bytes = IMAGE_CHANNELS * size * size * FLOAT_BYTES;
    this.sourceTensor = new StorageBuffer(engine, bytes, Constants.BUFFER_CREATIONFLAG_READWRITE, 'talkingPortraitOnnx.source');
    this.outputTensor = new StorageBuffer(engine, bytes, Constants.BUFFER_CREATIONFLAG_READWRITE, 'talkingPortraitOnnx.output');
    this._params = new UniformBuffer(engine, undefined, false, 'talkingPortraitOnnx.params');
    this._params.addUniform('params', 4);
    this._params.updateFloat4('params', size, 0, 0, 0);
    this._params.update();
    this._frame = new RawTexture(null, size, size, Constants.TEXTUREFORMAT_RGBA, engine, false, false, Texture.BILINEAR_SAMPLINGMODE, Constants.TEXTURETYPE_UNSIGNED_BYTE, Constants.TEXTURE_CREATIONFLAG_STORAGE);
    this._frame.wrapU = this._frame.wrapV = Texture.CLAMP_ADDRESSMODE;
    this._toTensor = new ComputeShader('talkingPortraitOnnx.toTensor', engine, { computeSource: TEXTURE_TO_TENSOR_WGSL }, {
      bindingsMapping: { source: { group: 0, binding: 1 }, tensor: { group: 0, binding: 2 }, params: { group: 0, binding: 3 } },
    });
    this._toTensor.setTexture('source', source, true);
    this._toTensor.setStorageBuffer('tensor', this.sourceTensor);
    this._toTensor.setUniformBuffer('params', this._params);
    this._toTexture = new ComputeShader('talkingPortraitOnnx.toTexture', engine, { computeSource: TENSOR_TO_TEXTURE_WGSL }, {
      bindingsMapping: { tensor: { group: 0, binding: 0 }, frame: { group: 0, binding: 1 }, params: { group: 0, binding: 2 } },
    });
    this._toTexture.setStorageTexture('frame', this._frame);
    this._toTexture.setUniformBuffer('params', this._params);
    this._present = new EffectWrapper({
      engine,
      name: 'talkingPortraitOnnxPresent',
      vertexShader: PRESENT_VERTEX_WGSL,
      fragmentShader: PRESENT_FRAGMENT_WGSL,
      useShaderStore: false,
      attributeNames: [VertexBuffer.PositionKind],
      uniformNames: ['matte'],
      samplerNames: ['frameSampler'],
      shaderLanguage: ShaderLanguage.WGSL,
    });
    this._quad = { [VertexBuffer.PositionKind]: new VertexBuffer(engine, QUAD, VertexBuffer.PositionKind, { updatable: false, stride: 2, size: 2 }) };
    this._quadIndices = engine.createIndexBuffer(QUAD_INDICES);
    this._groups = Math.ceil(size / TENSOR_WORKGROUP);
  }

  /** True once the shaders compiled and the source texture is on the GPU. */
  isReady(): boolean {
    return this._toTensor.isReady() && this._toTexture.isReady() && this._present.isReady();
  }

  /** Fills sourceTensor from the portrait texture and submits it, so a model run started next reads it. */
  fillSourceTensor(): boolean {
    if (!this._toTensor.dispatch(this._groups, this._groups, 1)) return false;
    this._engine.flushFramebuffer();
    return true;
  }

  /** Draws a [1, 4, S, S] tensor into the portrait's render target and submits the work. */
  present(tensor: StorageBuffer): boolean {
    this._toTexture.setStorageBuffer('tensor', tensor);
    if (!this._toTexture.dispatch(this._groups, this._groups, 1)) return false;
    const renderTarget = this._target.renderTarget;
    if (!renderTarget) return false;
    const engine = this._engine;
    engine.bindFramebuffer(renderTarget);
    engine.setViewport(FULL_VIEWPORT);
    engine.clear(this._clear, true, true, false);
    engine.setState(false);
    engine.setDepthBuffer(false);
    engine.setDepthWrite(false);
    engine.setAlphaMode(Constants.ALPHA_DISABLE);
    engine.enableEffect(this._present.drawWrapper);
    const effect = this._present.effect;
    engine.bindBuffers(this._quad, this._quadIndices, effect);
    effect.setTexture('frameSampler', this._frame);
    effect.setDirectColor4('matte', this._matte);
    engine.drawElementsType(Constants.MATERIAL_TriangleFillMode, 0, QUAD_INDICES.length);
    engine.unBindFramebuffer(renderTarget);
    // Submitted now, before the next model run may write the output tensor again.
    engine.flushFramebuffer();
    return true;
  }

  /** Frees the buffers, textures and shaders it made (not the portrait's). */
  dispose(): void {
    this.sourceTensor.dispose();
    this.outputTensor.dispose();
    this._params.dispose();
    this._frame.dispose();
    this._present.dispose();
    this._quad[VertexBuffer.PositionKind].dispose();
    this._engine._releaseBuffer(this._quadIndices);
  }
}
