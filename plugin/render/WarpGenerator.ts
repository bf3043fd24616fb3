import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine.js';
import { Constants } from '@babylonjs/core/Engines/constants.js';
import { EffectWrapper } from '@babylonjs/core/Materials/effectRenderer.js';
import { ShaderLanguage } from '@babylonjs/core/Materials/shaderLanguage.js';
import type { BaseTexture } from '@babylonjs/core/Materials/Textures/baseTexture.js';
import type { RenderTargetTexture } from '@babylonjs/core/Materials/Textures/renderTargetTexture.js';
import { VertexBuffer } from '@babylonjs/core/Buffers/buffer.js';
import { Color4 } from '@babylonjs/core/Maths/math.color.js';
import { Viewport } from '@babylonjs/core/Maths/math.viewport.js';
import type { DataBuffer } from '@babylonjs/core/Buffers/dataBuffer.js';
import type { PortraitRig } from '../rig/PortraitRig';
import { OPENING_GAZE_LEFT, OPENING_GAZE_RIGHT, OPENING_MOUTH, OPENING_MOUTH_GAP, measureOpenings } from '../rig/measureOpenings';
import { SHADE_STRIDE } from '../rig/PortraitRigData';
import { WARP_FRAGMENT_GLSL, WARP_VERTEX_GLSL } from './warpShaderGlsl';
import { WARP_FRAGMENT_WGSL, WARP_VERTEX_WGSL } from './warpShaderWgsl';

/** Teeth show this far (face heights) below the upper lip. */
const TEETH_HEIGHT = 0.03;
const UNIFORMS = ['irisRight', 'irisLeft', 'gaze', 'mouth', 'sclera', 'cavity', 'teeth', 'tongue', 'matte', 'aspect'];
const FULL_VIEWPORT = new Viewport(0, 0, 1, 1);

/**
 * The default generator: draws the portrait through its posed rig mesh into a render
 * target, with the depth test sorting lids over eyes and lips over the mouth. One draw of
 * about 1,300 triangles per portrait, the same on WebGPU and WebGL2.
 */
export class WarpGenerator {
  private readonly _engine: AbstractEngine;
  private readonly _rig: PortraitRig;
  private readonly _source: BaseTexture;
  private readonly _target: RenderTargetTexture;
  private readonly _wrapper: EffectWrapper;
  private readonly _positions: VertexBuffer;
  private readonly _vertexBuffers: { [kind: string]: VertexBuffer };
  private readonly _indexBuffer: DataBuffer;
  private readonly _indexCount: number;
  private readonly _rest: Float32Array;
  private readonly _openings = new Float32Array(4);
  private readonly _clear = new Color4(0, 0, 0, 0);
  private readonly _matte: Color4;
  private _disposed = false;

  constructor(engine: AbstractEngine, rig: PortraitRig, source: BaseTexture, target: RenderTargetTexture, matte: Color4 | null) {
    this._engine = engine;
    this._rig = rig;
    this._source = source;
    this._target = target;
    this._matte = matte ? matte.clone() : new Color4(0, 0, 0, 0);
    const d = rig.data;
    this._rest = new Float32Array(rig.positionsLength);
    for (let v = 0; v < d.vertexCount; v++) {
      this._rest[v * 3] = d.uv[v * 2];
      this._rest[v * 3 + 1] = d.uv[v * 2 + 1];
    }
    rig.deform(NEUTRAL_CONTROLS, this._rest);
    this._positions = new VertexBuffer(engine, this._rest.slice(), VertexBuffer.PositionKind, { updatable: true, stride: 3 });
    this._vertexBuffers = {
      [VertexBuffer.PositionKind]: this._positions,
      [VertexBuffer.UVKind]: new VertexBuffer(engine, d.uv, VertexBuffer.UVKind, { updatable: false, stride: 2 }),
      shade: new VertexBuffer(engine, d.shade, 'shade', { updatable: false, stride: SHADE_STRIDE }),
    };
    this._indexBuffer = engine.createIndexBuffer(d.indices);
    this._indexCount = d.indices.length;
    const webgpu = engine.isWebGPU;
    this._wrapper = new EffectWrapper({
      engine,
      name: 'talkingPortraitWarp',
      vertexShader: webgpu ? WARP_VERTEX_WGSL : WARP_VERTEX_GLSL,
      fragmentShader: webgpu ? WARP_FRAGMENT_WGSL : WARP_FRAGMENT_GLSL,
      useShaderStore: false,
      attributeNames: [VertexBuffer.PositionKind, VertexBuffer.UVKind, 'shade'],
      uniformNames: UNIFORMS,
      samplerNames: ['sourceSampler'],
      shaderLanguage: webgpu ? ShaderLanguage.WGSL : ShaderLanguage.GLSL,
    });
  }

  /** True once the shaders compiled and the portrait image is on the GPU. */
  isReady(): boolean {
    return !this._disposed && this._wrapper.isReady() && this._source.isReady();
  }

  /** The posed vertices of a neutral face (what the rig gives for all-zero controls). */
  get restPositions(): Float32Array {
    return this._rest;
  }

  /** Draws one frame from posed vertex positions (PortraitRig.deform's output). Returns false if not ready yet. */
  render(positions: Float32Array): boolean {
    if (!this.isReady()) return false;
    const engine = this._engine;
    const d = this._rig.data;
    this._positions.update(positions);
    measureOpenings(d, positions, this._rest, this._openings);
    const renderTarget = this._target.renderTarget;
    if (!renderTarget) return false;

    engine.bindFramebuffer(renderTarget);
    engine.setViewport(FULL_VIEWPORT);
    engine.clear(this._clear, true, true, false);
    engine.setState(false);
    engine.setDepthBuffer(true);
    engine.setDepthWrite(true);
    engine.setDepthFunction(Constants.LEQUAL);
    engine.setAlphaMode(Constants.ALPHA_DISABLE);
    engine.enableEffect(this._wrapper.drawWrapper);
    const effect = this._wrapper.effect;
    engine.bindBuffers(this._vertexBuffers, this._indexBuffer, effect);
    this._bindUniforms();
    engine.drawElementsType(Constants.MATERIAL_TriangleFillMode, 0, this._indexCount);
    engine.unBindFramebuffer(renderTarget);
    return true;
  }

  private _bindUniforms(): void {
    const effect = this._wrapper.effect;
    const d = this._rig.data;
    const c = d.colors;
    const o = this._openings;
    effect.setTexture('sourceSampler', this._source);
    effect.setFloat3('irisRight', d.irises[0], d.irises[1], d.irises[2]);
    effect.setFloat3('irisLeft', d.irises[3], d.irises[4], d.irises[5]);
    effect.setFloat2('gaze', o[OPENING_GAZE_RIGHT], o[OPENING_GAZE_LEFT]);
    effect.setFloat4('mouth', o[OPENING_MOUTH], o[OPENING_MOUTH_GAP], TEETH_HEIGHT, 0);
    effect.setFloat3('sclera', c.sclera[0], c.sclera[1], c.sclera[2]);
    effect.setFloat3('cavity', c.cavity[0], c.cavity[1], c.cavity[2]);
    effect.setFloat3('teeth', c.teeth[0], c.teeth[1], c.teeth[2]);
    effect.setFloat3('tongue', c.tongue[0], c.tongue[1], c.tongue[2]);
    effect.setDirectColor4('matte', this._matte);
    effect.setFloat('aspect', d.imageHeight / d.imageWidth);
  }

  /** Releases buffers and shaders (not the source or target textures, which the portrait owns). Safe twice. */
  dispose(): void {
    if (this._disposed) return;
    this._disposed = true;
    for (const key in this._vertexBuffers) this._vertexBuffers[key].dispose();
    this._engine._releaseBuffer(this._indexBuffer);
    this._wrapper.dispose();
  }
}

const NEUTRAL_CONTROLS = { yaw: 0, pitch: 0, roll: 0, x: 0, y: 0, z: 0, weights: new Float32Array(52) };
