import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine.js';
import type { ThinEngine } from '@babylonjs/core/Engines/thinEngine.js';
import { Constants } from '@babylonjs/core/Engines/constants.js';
import { EffectWrapper } from '@babylonjs/core/Materials/effectRenderer.js';
import { ShaderLanguage } from '@babylonjs/core/Materials/shaderLanguage.js';
import type { BaseTexture } from '@babylonjs/core/Materials/Textures/baseTexture.js';
import type { RenderTargetTexture } from '@babylonjs/core/Materials/Textures/renderTargetTexture.js';
import { VertexBuffer } from '@babylonjs/core/Buffers/buffer.js';
import { Color3, Color4 } from '@babylonjs/core/Maths/math.color.js';
import { Vector4 } from '@babylonjs/core/Maths/math.vector.js';
import { Viewport } from '@babylonjs/core/Maths/math.viewport.js';
import type { DataBuffer } from '@babylonjs/core/Buffers/dataBuffer.js';
import { LID_LEFT, LID_RIGHT, LOOK_LEFT, LOOK_RIGHT, type PortraitRig } from '../rig/PortraitRig';
import { shadeWithLashes } from '../rig/lashLine';
import {
  OPENINGS_LENGTH, OPENING_GAZE_RIGHT, OPENING_LID_LEFT, OPENING_LID_RIGHT, OPENING_MOUTH, measureOpenings,
} from '../rig/measureOpenings';
import { SHADE_STRIDE, type PortraitRigData } from '../rig/PortraitRigData';
import type { PortraitShotData } from '../rig/shots/PortraitShot';
import { SHOT_MASK_STRIDE } from '../rig/shots/shotMasks';
import type { Rgb } from '../rig/rigColors';
import { LASH_DARKNESS } from './lashLineStyle';
import { WARP_FRAGMENT_GLSL, WARP_VERTEX_GLSL } from './warpShaderGlsl';
import { WARP_FRAGMENT_WGSL, WARP_VERTEX_WGSL } from './warpShaderWgsl';
import { TEETH_HEIGHT, writeTeethHeight } from './teethShow';

/** Where the shader's `eyes` (gaze right, left, lid shut right, left) and `mouth` (open, gap, teeth height, aspect) start in the openings array. */
const UNIFORM_EYES_AT = OPENING_GAZE_RIGHT;
const UNIFORM_MOUTH_AT = OPENING_MOUTH;
/** Teeth height and image aspect follow measureOpenings' figures, so `mouth` is four floats in a row. */
const MOUTH_FIXED_FIGURES = 2;
const UNIFORMS = ['irisRight', 'irisLeft', 'eyes', 'mouth', 'sclera', 'cavity', 'teeth', 'tongue', 'matte', 'lash', 'lid', 'shotBlend'];
/** Floats per vertex of the shot UVs: the eyes shot's u, v, then the mouth shot's. */
const SHOT_UV_STRIDE = 4;

/** A shot the generator draws from: its image on the GPU and its mapping onto the rig (rig/shots). */
export interface GeneratorShot {
  readonly texture: BaseTexture;
  readonly data: PortraitShotData;
}

/** Uniforms that hold for the generator's life. */
interface FixedUniforms {
  readonly sclera: Color3;
  readonly cavity: Color3;
  readonly teeth: Color3;
  readonly tongue: Color3;
  readonly lash: Color3;
  readonly lid: Color3;
}

function fixedUniforms(d: PortraitRigData): FixedUniforms {
  const c = d.colors;
  const color = (rgb: Rgb, k = 1) => new Color3(rgb[0] * k, rgb[1] * k, rgb[2] * k);
  return {
    sclera: color(c.sclera),
    cavity: color(c.cavity),
    teeth: color(c.teeth),
    tongue: color(c.tongue),
    lash: color(c.lid, LASH_DARKNESS),
    lid: color(c.lid),
  };
}
const FULL_VIEWPORT = new Viewport(0, 0, 1, 1);
/** Floats per eye in PortraitRigData.irises: u, v, radius. */
const RIG_IRIS_FLOATS = 3;
/** Floats per eye in the shader's iris vectors: the rig's three, then the look. */
const IRIS_UNIFORM_FLOATS = 4;
const IRIS_LOOK = 3;

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
  private _indexBuffer: DataBuffer;
  private readonly _indexCount: number;
  private readonly _rest: Float32Array;
  /** measureOpenings' figures (the lids' replaced by PortraitRig.lidFigures), then the teeth height and image aspect: laid out as the shader's `eyes` and `mouth` vectors. */
  private readonly _openings = new Float32Array(OPENINGS_LENGTH + MOUTH_FIXED_FIGURES);
  private readonly _clear = new Color4(0, 0, 0, 0);
  private readonly _matte: Color4;
  private readonly _fixedUniforms: FixedUniforms;
  /**
   * Per eye (subject right, then left) the resting iris's u, v and radius (a share of the image
   * width), then how far the expressions alone moved it (PortraitRig.lookFigures): laid out as
   * the shader's `irisRight` and `irisLeft` vectors.
   */
  private readonly _irises = new Float32Array(2 * IRIS_UNIFORM_FLOATS);
  private readonly _irisRightUniform = new Vector4(0, 0, 0, 0);
  private readonly _irisLeftUniform = new Vector4(0, 0, 0, 0);
  /** Gaze right, left (iris moved, 0..1, a head turn's parallax included), then how shut the expressions made each eye (0..1, PortraitRig.lidFigures). */
  private readonly _eyesUniform = new Vector4(0, 0, 0, 0);
  /** Mouth opened past rest (0..1), lip gap (face heights), teeth height (face heights), image height / width. */
  private readonly _mouthUniform = new Vector4(0, 0, 0, 0);
  private readonly _shotUv: VertexBuffer;
  private readonly _shotMask: VertexBuffer;
  private _eyesShot: GeneratorShot | null = null;
  private _mouthShot: GeneratorShot | null = null;
  /** Eyes shot's weight for the subject's right and left eye, then the mouth shot's. */
  private readonly _shotBlendUniform = new Vector4(0, 0, 0, 0);
  private _disposed = false;
  /** WebGL: the vertex array render() records on its first draw, and the position buffer it was recorded for. */
  private _vao: WebGLVertexArrayObject | null = null;
  private _vaoBuffer: DataBuffer | null = null;

  constructor(engine: AbstractEngine, rig: PortraitRig, source: BaseTexture, target: RenderTargetTexture, matte: Color4 | null) {
    this._engine = engine;
    this._rig = rig;
    this._source = source;
    this._target = target;
    this._matte = matte ? matte.clone() : new Color4(0, 0, 0, 0);
    const d = rig.data;
    this._fixedUniforms = fixedUniforms(d);
    this._openings[OPENINGS_LENGTH] = TEETH_HEIGHT;
    this._openings[OPENINGS_LENGTH + 1] = d.imageHeight / d.imageWidth;
    for (let eye = 0; eye < 2; eye++) {
      for (let k = 0; k < RIG_IRIS_FLOATS; k++) this._irises[eye * IRIS_UNIFORM_FLOATS + k] = d.irises[eye * RIG_IRIS_FLOATS + k];
    }
    this._rest = new Float32Array(rig.positionsLength);
    for (let v = 0; v < d.vertexCount; v++) {
      this._rest[v * 3] = d.uv[v * 2];
      this._rest[v * 3 + 1] = d.uv[v * 2 + 1];
    }
    rig.deform(NEUTRAL_CONTROLS, this._rest);
    this._positions = new VertexBuffer(engine, this._rest.slice(), VertexBuffer.PositionKind, { updatable: true, stride: 3 });
    this._shotUv = new VertexBuffer(engine, shotUvs(d, null, null), 'shotUV', { updatable: true, stride: SHOT_UV_STRIDE });
    this._shotMask = new VertexBuffer(engine, new Float32Array(d.vertexCount * SHOT_MASK_STRIDE), 'shotMask', { updatable: true, stride: SHOT_MASK_STRIDE });
    this._vertexBuffers = {
      [VertexBuffer.PositionKind]: this._positions,
      [VertexBuffer.UVKind]: new VertexBuffer(engine, d.uv, VertexBuffer.UVKind, { updatable: false, stride: 2 }),
      shade: new VertexBuffer(engine, shadeWithLashes(d), 'shade', { updatable: false, stride: SHADE_STRIDE }),
      shotUV: this._shotUv,
      shotMask: this._shotMask,
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
      attributeNames: [VertexBuffer.PositionKind, VertexBuffer.UVKind, 'shade', 'shotUV', 'shotMask'],
      uniformNames: UNIFORMS,
      samplerNames: ['sourceSampler', 'eyesShotSampler', 'mouthShotSampler'],
      shaderLanguage: webgpu ? ShaderLanguage.WGSL : ShaderLanguage.GLSL,
    });
  }

  /** True once the shaders compiled and the portrait image (and any shot) is on the GPU. */
  isReady(): boolean {
    return !this._disposed && this._wrapper.isReady() && this._source.isReady()
      && (this._eyesShot?.texture.isReady() ?? true) && (this._mouthShot?.texture.isReady() ?? true);
  }

  /**
   * Draws shut eyes from `eyes` and an open mouth from `mouth` (other shots of the same
   * character; null: the warp alone), by the weights the rig finds for them (give the rig the
   * same shots with PortraitRig.setShots). Rewrites two vertex buffers: call it when the shots
   * change, not per frame.
   */
  setShots(eyes: GeneratorShot | null, mouth: GeneratorShot | null): void {
    if (this._disposed) return;
    const d = this._rig.data;
    for (const shot of [eyes, mouth]) {
      if (shot && shot.data.uv.length !== d.vertexCount * 2) {
        throw new RangeError(`WarpGenerator.setShots: the shot was mapped onto a rig of ${shot.data.uv.length / 2} vertices, this rig has ${d.vertexCount}; map it with buildPortraitShot on this rig.`);
      }
    }
    this._eyesShot = eyes;
    this._mouthShot = mouth;
    this._shotUv.update(shotUvs(d, eyes?.data ?? null, mouth?.data ?? null));
    const mask = new Float32Array(d.vertexCount * SHOT_MASK_STRIDE);
    for (let v = 0; v < d.vertexCount; v++) {
      const at = v * SHOT_MASK_STRIDE;
      if (eyes) mask[at] = eyes.data.mask[at];
      if (mouth) mask[at + 1] = mouth.data.mask[at + 1];
    }
    this._shotMask.update(mask);
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
    // How shut the eyes are comes from the expressions alone: a head turn narrows the lid gap on screen without a blink.
    const lids = this._rig.lidFigures;
    this._openings[OPENING_LID_RIGHT] = lids[LID_RIGHT];
    this._openings[OPENING_LID_LEFT] = lids[LID_LEFT];
    writeTeethHeight(this._rig.mouthFigures, this._openings, OPENINGS_LENGTH);
    const look = this._rig.lookFigures;
    this._irises[IRIS_LOOK] = look[LOOK_RIGHT];
    this._irises[IRIS_UNIFORM_FLOATS + IRIS_LOOK] = look[LOOK_LEFT];
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
    const buffer = this._positions.getBuffer();
    if (engine.getCaps().vertexArrayObject && buffer) {
      // One recorded vertex array per generator: a single bind per draw instead of re-pointing every attribute.
      const gl = engine as ThinEngine;
      let vao = this._vao;
      if (vao === null || this._vaoBuffer !== buffer) {
        if (vao) gl.releaseVertexArrayObject(vao);
        vao = gl.recordVertexArrayObject(this._vertexBuffers, this._indexBuffer, effect);
        this._vao = vao;
        this._vaoBuffer = buffer;
      }
      gl.bindVertexArrayObject(vao, this._indexBuffer);
    } else {
      engine.bindBuffers(this._vertexBuffers, this._indexBuffer, effect);
    }
    this._bindUniforms();
    engine.drawElementsType(Constants.MATERIAL_TriangleFillMode, 0, this._indexCount);
    engine.unBindFramebuffer(renderTarget);
    return true;
  }

  /**
   * Every uniform goes through a vector or colour made at construction: loose numbers handed to
   * Babylon's setters would be boxed by V8, an allocation per draw. The uniforms are set on every
   * draw because portraits share the compiled effect.
   */
  private _bindUniforms(): void {
    const effect = this._wrapper.effect;
    const eyes = this._eyesUniform;
    const mouth = this._mouthUniform;
    // Copied from the array by Babylon: figures read here and handed over would be boxed.
    Vector4.FromArrayToRef(this._openings, UNIFORM_EYES_AT, eyes);
    Vector4.FromArrayToRef(this._openings, UNIFORM_MOUTH_AT, mouth);
    Vector4.FromArrayToRef(this._irises, 0, this._irisRightUniform);
    Vector4.FromArrayToRef(this._irises, IRIS_UNIFORM_FLOATS, this._irisLeftUniform);
    // The rig weighs its shots as it poses (PortraitRig.setShots); the generator draws by those weights.
    Vector4.FromArrayToRef(this._rig.shotWeights, 0, this._shotBlendUniform);
    const u = this._fixedUniforms;
    effect.setTexture('sourceSampler', this._source);
    // Without a shot the slot samples the portrait, at weight 0: one shader serves every portrait.
    effect.setTexture('eyesShotSampler', this._eyesShot?.texture ?? this._source);
    effect.setTexture('mouthShotSampler', this._mouthShot?.texture ?? this._source);
    effect.setVector4('shotBlend', this._shotBlendUniform);
    effect.setVector4('irisRight', this._irisRightUniform);
    effect.setVector4('irisLeft', this._irisLeftUniform);
    effect.setVector4('eyes', eyes);
    effect.setVector4('mouth', mouth);
    effect.setColor3('sclera', u.sclera);
    effect.setColor3('cavity', u.cavity);
    effect.setColor3('teeth', u.teeth);
    effect.setColor3('tongue', u.tongue);
    effect.setColor3('lash', u.lash);
    effect.setColor3('lid', u.lid);
    effect.setDirectColor4('matte', this._matte);
  }

  /**
   * After the engine restored a lost GPU device: its vertex buffers are made again from the data
   * they last held, the index buffer anew, and the vertex array recorded again on the next draw
   * (the old ones belonged to the lost device and are not released).
   */
  rebuild(): void {
    if (this._disposed) return;
    for (const key in this._vertexBuffers) this._vertexBuffers[key]._rebuild();
    this._indexBuffer = this._engine.createIndexBuffer(this._rig.data.indices);
    this._vao = null;
    this._vaoBuffer = null;
  }

  /** Releases buffers and shaders (not the source or target textures, which the portrait owns). Safe twice. */
  dispose(): void {
    if (this._disposed) return;
    this._disposed = true;
    if (this._vao) (this._engine as ThinEngine).releaseVertexArrayObject(this._vao);
    this._vao = null;
    this._vaoBuffer = null;
    for (const key in this._vertexBuffers) this._vertexBuffers[key].dispose();
    this._engine._releaseBuffer(this._indexBuffer);
    this._wrapper.dispose();
  }
}

/** Per vertex, where the eyes shot and the mouth shot are sampled (the portrait's own UVs where there is none). */
function shotUvs(d: PortraitRigData, eyes: PortraitShotData | null, mouth: PortraitShotData | null): Float32Array {
  const out = new Float32Array(d.vertexCount * SHOT_UV_STRIDE);
  for (let v = 0; v < d.vertexCount; v++) {
    const e = eyes ? eyes.uv : d.uv, m = mouth ? mouth.uv : d.uv;
    out[v * SHOT_UV_STRIDE] = e[v * 2];
    out[v * SHOT_UV_STRIDE + 1] = e[v * 2 + 1];
    out[v * SHOT_UV_STRIDE + 2] = m[v * 2];
    out[v * SHOT_UV_STRIDE + 3] = m[v * 2 + 1];
  }
  return out;
}

const NEUTRAL_CONTROLS = { yaw: 0, pitch: 0, roll: 0, x: 0, y: 0, z: 0, weights: new Float32Array(52) };
