import type { FaceControlsLike } from '../core/FaceControls';
import { rightX, rightY } from './faceFrame';
import { Blendshape, BLENDSHAPE_COUNT } from '../core/arkitBlendshapes';
import { GAZE_GAIN_KEYS, MAX_GAZE_GAIN, MAX_HEAD_GAIN, MAX_JAW_GAIN, MAX_OPEN_TEETH_SHARE, MAX_SMILE_GAIN, MIN_GAZE_GAIN, MIN_HEAD_GAIN, MIN_JAW_GAIN, MIN_OPEN_TEETH_SHARE, MIN_SMILE_GAIN, type GazeGains, type PortraitRigData, type RigMorph } from './PortraitRigData';
import type { PortraitShotData } from './shots/PortraitShot';
import { RigShots } from './shots/RigShots';
import { closeOutlineSeam, placeSeamCopies, SEAM_OFFSET_STRIDE, SEAM_STRIDE, seamInwardSide } from './outlineSeam';
import { rollWeights } from './rollWeights';
import { measureLids, measureLipParting, measureLook } from './measureOpenings';
import { CORRECTIVE_COUNT, correctiveWeights } from './turnCorrectives';

/** The head channels of FaceControls: what turnHead() reads. */
export type HeadPoseLike = Pick<FaceControlsLike, 'yaw' | 'pitch' | 'roll' | 'x' | 'y' | 'z'>;

/** Where PortraitRig.mouthFigures holds the last pose's lip parting and the rig's open-teeth share. */
export const MOUTH_LIP_PARTING = 0;
export const MOUTH_OPEN_TEETH_SHARE = 1;
const MOUTH_FIGURES_LENGTH = 2;
/** Where PortraitRig.lookFigures holds how far the expressions moved each iris (subject right, left). */
export const LOOK_RIGHT = 0;
export const LOOK_LEFT = 1;
const LOOK_FIGURES_LENGTH = 2;
/** Where PortraitRig.lidFigures holds how shut the expressions made each eye (subject right, left). */
export const LID_RIGHT = 0;
export const LID_LEFT = 1;
const LID_FIGURES_LENGTH = 2;

/** Depth written for the generator's depth test spans this many face heights around the pivot. */
const DEPTH_SPAN_FACE_HEIGHTS = 4;

/**
 * A portrait's rig at run time: controls in, vertex positions out. Pure arithmetic on
 * preallocated arrays; deform() allocates nothing.
 */
export class PortraitRig {
  private _data: PortraitRigData;
  private readonly _work: Float32Array;
  private readonly _shots: RigShots;
  private readonly _correctiveWeights = new Float32Array(CORRECTIVE_COUNT);
  /** How much of a roll each vertex follows (rig/rollWeights): the rings spread it more evenly than a yaw or pitch. */
  private readonly _rollWeight: Float32Array;
  /** The controls' weights with the jaw, smile and gaze gains applied: what the morphs read. */
  private readonly _weights = new Float32Array(BLENDSHAPE_COUNT);
  /** The last pose's lip parting and the open-teeth share: what `mouthFigures` reads. */
  private readonly _mouthFigures = new Float32Array(MOUTH_FIGURES_LENGTH);
  /** How far the last pose's expressions moved each iris: what `lookFigures` reads. */
  private readonly _lookFigures = new Float32Array(LOOK_FIGURES_LENGTH);
  /** How shut the last pose's expressions made each eye: what `lidFigures` reads. */
  private readonly _lidFigures = new Float32Array(LID_FIGURES_LENGTH);
  /** Where each seam copy sits against its outline point under the current expressions, x, y, depth each (rig/outlineSeam). */
  private readonly _seamOffsets: Float32Array;
  /** Which side of the outline's edges the face lies on: 1 left, −1 right (rig/outlineSeam). */
  private readonly _seamInward: number;

  constructor(data: PortraitRigData) {
    this._data = data;
    this._rollWeight = rollWeights(data);
    this._seamOffsets = new Float32Array(data.outlineSeam ? (data.outlineSeam.length / SEAM_STRIDE) * SEAM_OFFSET_STRIDE : 0);
    this._seamInward = data.outlineSeam ? seamInwardSide(data.rest, data.outlineSeam) : 1;
    this._work = new Float32Array(data.vertexCount * 3);
    this._shots = new RigShots(data);
    this._mouthFigures[MOUTH_OPEN_TEETH_SHARE] = data.openTeethShare ?? 1;
  }

  /**
   * Poses with other shots of the character (few-shot, rig/shots): a blink ends in the eyes
   * shot's own shape; `shotWeights` then says how much of each shot the last pose shows.
   */
  setShots(eyes: PortraitShotData | null, mouth: PortraitShotData | null): void {
    this._shots.set(eyes, mouth);
  }

  /** How much of the eyes shot (subject right, left eye) and the mouth shot the last pose shows, 0..1 (rig/shots/shotBlend layout). */
  get shotWeights(): Float32Array {
    return this._shots.weights;
  }

  /**
   * What the generator needs to show the teeth (render/teethShow): at MOUTH_LIP_PARTING, how far
   * the last pose's expressions parted the lips beyond the portrait's own gap (face heights),
   * measured before the head-turn correctives, whose slight parting is not an expression; at
   * MOUTH_OPEN_TEETH_SHARE, the rig's open-teeth share (1 when not calibrated).
   */
  get mouthFigures(): Float32Array {
    return this._mouthFigures;
  }

  /**
   * How far the last pose's expressions moved each iris against its eye corners, in iris radii
   * (0..1), at LOOK_RIGHT and LOOK_LEFT: measured before the head turn, whose parallax also moves
   * the iris a little against the corners but is not a look (render/eyeWhiteStyle).
   */
  get lookFigures(): Float32Array {
    return this._lookFigures;
  }

  /**
   * How shut the last pose's expressions made each eye (0 as at rest .. 1 lids meet), at LID_RIGHT
   * and LID_LEFT: measured before the head turn and its correctives, which narrow the lid gap on
   * screen without a blink; the generator fades its lash line and rim cover in by it.
   */
  get lidFigures(): Float32Array {
    return this._lidFigures;
  }

  /** The rig as plain data, with its current head-turn gains: what serializeRig saves. */
  get data(): PortraitRigData {
    return this._data;
  }

  /** Sets the gains that make a commanded head turn read as commanded (found at bake time). */
  setHeadGains(yawGain: number, pitchGain: number): void {
    for (const [name, gain] of [['yawGain', yawGain], ['pitchGain', pitchGain]] as const) {
      if (!(gain >= MIN_HEAD_GAIN && gain <= MAX_HEAD_GAIN)) {
        throw new RangeError(`PortraitRig.setHeadGains: ${name} must be from ${MIN_HEAD_GAIN} to ${MAX_HEAD_GAIN}, got ${gain}.`);
      }
    }
    this._data = { ...this._data, yawGain, pitchGain };
  }

  /** Sets the share of the authored chin drop that jawOpen = 1 makes (found at bake time; 1 is the authored drop). */
  setJawGain(jawGain: number): void {
    if (!(jawGain >= MIN_JAW_GAIN && jawGain <= MAX_JAW_GAIN)) {
      throw new RangeError(`PortraitRig.setJawGain: the gain must be from ${MIN_JAW_GAIN} to ${MAX_JAW_GAIN}, got ${jawGain}.`);
    }
    this._data = { ...this._data, jawGain };
  }

  /** Sets the share of the teeth a fully open mouth still shows (found at bake time; 1 shows them all). */
  setOpenTeethShare(share: number): void {
    if (!(share >= MIN_OPEN_TEETH_SHARE && share <= MAX_OPEN_TEETH_SHARE)) {
      throw new RangeError(`PortraitRig.setOpenTeethShare: the share must be from ${MIN_OPEN_TEETH_SHARE} to ${MAX_OPEN_TEETH_SHARE}, got ${share}.`);
    }
    this._data = { ...this._data, openTeethShare: share };
    this._mouthFigures[MOUTH_OPEN_TEETH_SHARE] = share;
  }

  /** Sets the shares of the authored smile that mouthSmileLeft and mouthSmileRight = 1 make, per side (found at bake time). */
  setSmileGains(left: number, right: number): void {
    for (const [side, gain] of [['left', left], ['right', right]] as const) {
      if (!(gain >= MIN_SMILE_GAIN && gain <= MAX_SMILE_GAIN)) {
        throw new RangeError(`PortraitRig.setSmileGains: the ${side} gain must be from ${MIN_SMILE_GAIN} to ${MAX_SMILE_GAIN}, got ${gain}.`);
      }
    }
    this._data = { ...this._data, smileGains: { left, right } };
  }

  /** Sets the shares of the authored sideways looks that eyeLookOut/In = 1 make, per eye and direction (found at bake time). */
  setGazeGains(gains: GazeGains): void {
    for (const key of GAZE_GAIN_KEYS) {
      const gain = gains[key];
      if (!(gain >= MIN_GAZE_GAIN && gain <= MAX_GAZE_GAIN)) {
        throw new RangeError(`PortraitRig.setGazeGains: the ${key} gain must be from ${MIN_GAZE_GAIN} to ${MAX_GAZE_GAIN}, got ${gain}.`);
      }
    }
    this._data = { ...this._data, gazeGains: { outLeft: gains.outLeft, inLeft: gains.inLeft, outRight: gains.outRight, inRight: gains.inRight } };
  }

  /** Sets the head-turn correctives (rig/turnCorrectives, one per CORRECTIVE_TURNS entry) found at bake time; null removes them. */
  setTurnCorrectives(correctives: readonly RigMorph[] | null): void {
    if (correctives && correctives.length !== CORRECTIVE_COUNT) {
      throw new RangeError(`PortraitRig.setTurnCorrectives: expected ${CORRECTIVE_COUNT} correctives (yaw +, yaw −, pitch +, pitch −), got ${correctives.length}.`);
    }
    const { turnCorrectives: _, ...rest } = this._data;
    this._data = correctives ? { ...rest, turnCorrectives: correctives } : rest;
  }

  get vertexCount(): number {
    return this.data.vertexCount;
  }

  /** Floats deform() writes: u, v (0..1, v down) and depth (0 near .. 1 far) per vertex. */
  get positionsLength(): number {
    return this.data.vertexCount * 3;
  }

  /** Writes the posed vertices for these controls into `out` (length positionsLength). */
  deform(controls: FaceControlsLike, out: Float32Array): void {
    const d = this._data;
    const work = this._work;
    const rest = d.rest;
    work.set(rest);
    // An uncalibrated rig reads the controls as they are: no copy on the per-frame path.
    const calibrated = d.jawGain !== undefined || d.smileGains !== undefined || d.gazeGains !== undefined;
    this._applyMorphs(calibrated ? this._gainedWeights(controls.weights) : controls.weights, work);
    if (d.outlineSeam) placeSeamCopies(d, this._seamInward, work, this._seamOffsets);
    this.measureExpressions(work);
    this.applyTurnCorrectives(work, controls);
    this._applyFollowers(work);
    this._shots.apply(work);
    if (d.outlineSeam) closeOutlineSeam(d.outlineSeam, this._seamOffsets, work);
    this.turnHead(work, controls, out);
  }

  /**
   * Writes `positions` (x, y image pixels and depth per vertex, as in data.rest: an un-turned
   * pose) turned and moved by the head channels of `head` into `out` (length positionsLength),
   * as deform() does after its morphs. Allocates nothing.
   */
  turnHead(positions: Float32Array, head: HeadPoseLike, out: Float32Array): void {
    const d = this._data;
    const f = d.frame;
    const rx = rightX(f), ry = rightY(f), ux = f.upX, uy = f.upY;
    const cx = f.centerX, cy = f.centerY, pivot = f.pivotDepth;
    const h = f.faceHeight;
    const yaw = head.yaw * d.yawGain, pitch = head.pitch * d.pitchGain, roll = head.roll;
    const tx = head.x * h, ty = head.y * h, scale = 1 + head.z;
    const invW = 1 / d.imageWidth, invH = 1 / d.imageHeight, depthScale = 1 / (DEPTH_SPAN_FACE_HEIGHTS * h);
    const weights = d.headWeight, rollShares = this._rollWeight;
    const t = TURN;
    setTurn(t, yaw, pitch, roll);
    // The whole turn in locals: most vertices follow it fully, and reading locals beats reading the scratch array.
    const hxx = t[XX], hxy = t[XY], hxz = t[XZ], hyx = t[YX], hyy = t[YY], hyz = t[YZ], hzx = t[ZX], hzy = t[ZY], hzz = t[ZZ];
    const n = d.vertexCount;
    for (let i = 0; i < n; i++) {
      const o = i * 3;
      const px = positions[o] - cx, py = positions[o + 1] - cy;
      const X = px * rx + py * ry;
      const Y = px * ux + py * uy;
      const Z = positions[o + 2] - pivot;
      const w = weights[i];
      // Hair and neck follow a turn by a share of its angle: a twist keeps their bands from
      // folding, where sliding part of the way along the chord would squash them.
      let xx = hxx, xy = hxy, xz = hxz, yx = hyx, yy = hyy, yz = hyz, zx = hzx, zy = hzy, zz = hzz;
      if (w === 0) {
        xx = 1; xy = 0; xz = 0; yx = 0; yy = 1; yz = 0; zx = 0; zy = 0; zz = 1;
      } else if (w !== 1) {
        setTurn(t, yaw * w, pitch * w, roll * rollShares[i]);
        xx = t[XX]; xy = t[XY]; xz = t[XZ]; yx = t[YX]; yy = t[YY]; yz = t[YZ]; zx = t[ZX]; zy = t[ZY]; zz = t[ZZ];
      }
      const s = 1 + (scale - 1) * w;
      const Xf = (xx * X + xy * Y + xz * Z) * s + tx * w;
      const Yf = (yx * X + yy * Y + yz * Z) * s + ty * w;
      const Zf = zx * X + zy * Y + zz * Z;
      out[o] = (cx + Xf * rx + Yf * ux) * invW;
      out[o + 1] = (cy + Xf * ry + Yf * uy) * invH;
      out[o + 2] = 0.5 - Zf * depthScale;
    }
  }

  /**
   * Notes what the expressions alone did to un-turned `positions`, before any head-turn
   * corrective (as deform() does after its morphs): how far they part the lips (`mouthFigures` at
   * MOUTH_LIP_PARTING), move the irises (`lookFigures`) and shut the eyes (`lidFigures`).
   */
  measureExpressions(positions: Float32Array): void {
    measureLipParting(this._data, positions, this._mouthFigures, MOUTH_LIP_PARTING);
    measureLook(this._data, positions, this._lookFigures, LOOK_RIGHT, LOOK_LEFT);
    measureLids(this._data, positions, this._lidFigures, LID_RIGHT, LID_LEFT);
  }

  /** Nudges un-turned `positions` by the head-turn correctives `head` calls for (as deform() does after morphs). */
  applyTurnCorrectives(positions: Float32Array, head: HeadPoseLike): void {
    const correctives = this._data.turnCorrectives;
    if (!correctives) return;
    const weights = this._correctiveWeights;
    correctiveWeights(head, weights);
    for (let c = 0; c < correctives.length; c++) addMorph(correctives[c], weights, c, positions);
  }

  /** Mouth-interior vertices of `positions` take their place between the inner lips there (as deform() does after morphs). */
  applyFollowers(positions: Float32Array): void {
    this._applyFollowers(positions);
  }

  /** Weighs the shots for un-turned `positions` and moves shutting eyes toward the eyes shot's shape (as deform() does before the turn). */
  applyShots(positions: Float32Array): void {
    this._shots.apply(positions);
  }

  /** The controls' weights, with jawOpen and mouthClose (which closes the lips over an open jaw) scaled by the jaw gain, each smile by its side's gain and each sideways look by its own. */
  private _gainedWeights(weights: ArrayLike<number>): Float32Array {
    const out = this._weights;
    for (let i = 0; i < BLENDSHAPE_COUNT; i++) out[i] = weights[i];
    const { jawGain = 1, smileGains, gazeGains } = this._data;
    out[Blendshape.jawOpen] *= jawGain;
    out[Blendshape.mouthClose] *= jawGain;
    if (smileGains) {
      out[Blendshape.mouthSmileLeft] *= smileGains.left;
      out[Blendshape.mouthSmileRight] *= smileGains.right;
    }
    if (gazeGains) {
      out[Blendshape.eyeLookOutLeft] *= gazeGains.outLeft;
      out[Blendshape.eyeLookInLeft] *= gazeGains.inLeft;
      out[Blendshape.eyeLookOutRight] *= gazeGains.outRight;
      out[Blendshape.eyeLookInRight] *= gazeGains.inRight;
    }
    return out;
  }

  private _applyMorphs(weights: ArrayLike<number>, work: Float32Array): void {
    const morphs = this._data.morphs;
    for (let m = 0; m < morphs.length; m++) {
      const morph = morphs[m];
      if (morph !== null) addMorph(morph, weights, m, work);
    }
  }

  /** Mouth-interior vertices keep their place between the inner lips as the lips move. */
  private _applyFollowers(work: Float32Array): void {
    const { followers, followerMix, rest } = this._data;
    for (let k = 0; k < followerMix.length; k++) {
      const v = followers[k * 3] * 3, a = followers[k * 3 + 1] * 3, b = followers[k * 3 + 2] * 3;
      const t = followerMix[k];
      for (let c = 0; c < 2; c++) {
        const da = work[a + c] - rest[a + c], db = work[b + c] - rest[b + c];
        work[v + c] = rest[v + c] + da + (db - da) * t;
      }
    }
  }
}

/**
 * Adds `weights[index]` of `morph` to `work`. The weight is read here, not passed in: a double
 * handed to a call V8 does not inline is boxed, a heap number per morph per frame.
 */
function addMorph(morph: RigMorph, weights: ArrayLike<number>, index: number, work: Float32Array): void {
  const weight = weights[index];
  if (weight === 0) return;
  const vertices = morph.vertices, deltas = morph.deltas;
  for (let k = 0; k < vertices.length; k++) {
    const o = vertices[k] * 3, q = k * 3;
    work[o] += deltas[q] * weight;
    work[o + 1] += deltas[q + 1] * weight;
    work[o + 2] += deltas[q + 2] * weight;
  }
}

/** A head turn as a 3×3 matrix over the face frame (X right, Y up, Z toward the viewer), row by row. */
const XX = 0, XY = 1, XZ = 2, YX = 3, YY = 4, YZ = 5, ZX = 6, ZY = 7, ZZ = 8;
const TURN_LENGTH = 9;
/** Scratch for turnHead(), which is synchronous: one rig at a time uses it. */
const TURN = new Float64Array(TURN_LENGTH);

/** Yaw about up, then pitch about right, then roll about the view axis, written into `m`. */
function setTurn(m: Float64Array, yaw: number, pitch: number, roll: number): void {
  const cy = Math.cos(yaw), sy = Math.sin(yaw), cp = Math.cos(pitch), sp = Math.sin(pitch), cr = Math.cos(roll), sr = Math.sin(roll);
  // Rows of Rroll · Rpitch · Ryaw with x1 = X cy + Z sy, z1 = −X sy + Z cy; y2 = Y cp + z1 sp, z2 = −Y sp + z1 cp.
  const ax = cy, az = sy; // x1
  const by = cp, bx = -sy * sp, bz = cy * sp; // y2
  m[XX] = ax * cr - bx * sr; m[XY] = -by * sr; m[XZ] = az * cr - bz * sr;
  m[YX] = ax * sr + bx * cr; m[YY] = by * cr; m[YZ] = az * sr + bz * cr;
  m[ZX] = -sy * cp; m[ZY] = -sp; m[ZZ] = cy * cp;
}
