import { ARKIT_BLENDSHAPE_NAMES, BLENDSHAPE_COUNT, blendshapeIndex, type BlendshapeName } from './arkitBlendshapes';
import { applyFaceControlsJSON, faceControlsToJSON, type FaceControlsJSON } from './faceControlsJson';
import { clamp, clamp01, DEG_TO_RAD } from './mathUtils';
import { notFiniteError } from './validation';

/** Largest head rotation either way, in radians. Beyond these a single portrait cannot be turned convincingly. */
export const HEAD_ROTATION_LIMITS = {
  yaw: 45 * DEG_TO_RAD,
  pitch: 30 * DEG_TO_RAD,
  roll: 45 * DEG_TO_RAD,
} as const;

/** Largest head translation either way, in face heights (forehead top to chin). */
export const HEAD_TRANSLATION_LIMIT = 0.5;

export type HeadChannel = 'yaw' | 'pitch' | 'roll' | 'x' | 'y' | 'z';

/** Anything that reads like face controls: a FaceControls, a decoded network frame, a clip sample. */
export interface FaceControlsLike {
  readonly yaw: number;
  readonly pitch: number;
  readonly roll: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  /** 52 weights in ARKIT_BLENDSHAPE_NAMES order. */
  readonly weights: ArrayLike<number>;
}

/**
 * The pose of one face: head rotation and translation plus the 52 ARKit blendshape weights.
 * One instance per portrait, written every frame; nothing here allocates after construction.
 *
 * Signs, as the viewer sees the portrait (axes +x right, +y up, +z toward the viewer):
 * - yaw > 0: the face turns toward the viewer's right (the subject's own left); right-handed about +y.
 * - pitch > 0: chin up; right-handed about −x.
 * - roll > 0: the head tilts counter-clockwise, its top toward the viewer's left; right-handed about +z.
 * - x > 0 right, y > 0 up, z > 0 toward the viewer, in face heights.
 *
 * Every setter clamps (weights to [0, 1], head to HEAD_ROTATION_LIMITS and HEAD_TRANSLATION_LIMIT)
 * and throws a RangeError naming the channel for NaN or ±Infinity. Writing `weights[i]` directly
 * skips both: only for sources whose values are already valid.
 */
export class FaceControls implements FaceControlsLike {
  readonly weights = new Float32Array(BLENDSHAPE_COUNT);
  private _yaw = 0;
  private _pitch = 0;
  private _roll = 0;
  private _x = 0;
  private _y = 0;
  private _z = 0;

  /** Builds controls from toJSON()'s shape; unknown names throw RangeError, non-numbers TypeError. */
  static fromJSON(json: unknown): FaceControls {
    const controls = new FaceControls();
    applyFaceControlsJSON(controls, json);
    return controls;
  }

  get yaw(): number { return this._yaw; }
  set yaw(value: number) { this._yaw = headValue(value, 'yaw', HEAD_ROTATION_LIMITS.yaw); }
  get pitch(): number { return this._pitch; }
  set pitch(value: number) { this._pitch = headValue(value, 'pitch', HEAD_ROTATION_LIMITS.pitch); }
  get roll(): number { return this._roll; }
  set roll(value: number) { this._roll = headValue(value, 'roll', HEAD_ROTATION_LIMITS.roll); }
  get x(): number { return this._x; }
  set x(value: number) { this._x = headValue(value, 'x', HEAD_TRANSLATION_LIMIT); }
  get y(): number { return this._y; }
  set y(value: number) { this._y = headValue(value, 'y', HEAD_TRANSLATION_LIMIT); }
  get z(): number { return this._z; }
  set z(value: number) { this._z = headValue(value, 'z', HEAD_TRANSLATION_LIMIT); }

  set(name: BlendshapeName, value: number): this {
    return this.setAt(blendshapeIndex(name), value);
  }

  /** Sets a weight by index (`Blendshape.jawOpen`), clamped to [0, 1]. */
  setAt(index: number, value: number): this {
    if (!(index >= 0 && index < BLENDSHAPE_COUNT && Number.isInteger(index))) {
      throw new RangeError(`FaceControls.setAt: index ${index} is not a blendshape index (0..${BLENDSHAPE_COUNT - 1}); use Blendshape.<name>.`);
    }
    if (!Number.isFinite(value)) throw notFiniteError(value, `FaceControls.weights.${ARKIT_BLENDSHAPE_NAMES[index]}`);
    this.weights[index] = clamp01(value);
    return this;
  }

  get(name: BlendshapeName): number {
    return this.weights[blendshapeIndex(name)];
  }

  /** Sets all three angles, or none when one is invalid. */
  setHead(yaw: number, pitch: number, roll: number): this {
    const checkedYaw = headValue(yaw, 'yaw', HEAD_ROTATION_LIMITS.yaw);
    const checkedPitch = headValue(pitch, 'pitch', HEAD_ROTATION_LIMITS.pitch);
    this._roll = headValue(roll, 'roll', HEAD_ROTATION_LIMITS.roll);
    this._yaw = checkedYaw;
    this._pitch = checkedPitch;
    return this;
  }

  /** Sets all three offsets, or none when one is invalid. */
  setHeadPosition(x: number, y: number, z: number): this {
    const checkedX = headValue(x, 'x', HEAD_TRANSLATION_LIMIT);
    const checkedY = headValue(y, 'y', HEAD_TRANSLATION_LIMIT);
    this._z = headValue(z, 'z', HEAD_TRANSLATION_LIMIT);
    this._x = checkedX;
    this._y = checkedY;
    return this;
  }

  /** Neutral face: head straight and centred, all weights 0. */
  reset(): this {
    this._yaw = this._pitch = this._roll = 0;
    this._x = this._y = this._z = 0;
    this.weights.fill(0);
    return this;
  }

  copyFrom(other: FaceControlsLike): this {
    return this.blendFrom(other, 1);
  }

  /** Moves this a fraction `t` (clamped to [0, 1]) of the way toward `other`; changes nothing if `other` is invalid. */
  blendFrom(other: FaceControlsLike, t: number): this {
    if (!Number.isFinite(t)) throw notFiniteError(t, 'FaceControls.blendFrom: t');
    assertFinite(other);
    const k = clamp01(t);
    this._yaw = clamp(this._yaw + (other.yaw - this._yaw) * k, -HEAD_ROTATION_LIMITS.yaw, HEAD_ROTATION_LIMITS.yaw);
    this._pitch = clamp(this._pitch + (other.pitch - this._pitch) * k, -HEAD_ROTATION_LIMITS.pitch, HEAD_ROTATION_LIMITS.pitch);
    this._roll = clamp(this._roll + (other.roll - this._roll) * k, -HEAD_ROTATION_LIMITS.roll, HEAD_ROTATION_LIMITS.roll);
    this._x = clamp(this._x + (other.x - this._x) * k, -HEAD_TRANSLATION_LIMIT, HEAD_TRANSLATION_LIMIT);
    this._y = clamp(this._y + (other.y - this._y) * k, -HEAD_TRANSLATION_LIMIT, HEAD_TRANSLATION_LIMIT);
    this._z = clamp(this._z + (other.z - this._z) * k, -HEAD_TRANSLATION_LIMIT, HEAD_TRANSLATION_LIMIT);
    const weights = this.weights;
    for (let i = 0; i < BLENDSHAPE_COUNT; i++) {
      weights[i] = clamp01(weights[i] + (other.weights[i] - weights[i]) * k);
    }
    return this;
  }

  /** True when every channel differs by at most `tolerance`. */
  equals(other: FaceControlsLike, tolerance = 0): boolean {
    if (other.weights.length !== BLENDSHAPE_COUNT) return false;
    if (!(Math.abs(this._yaw - other.yaw) <= tolerance && Math.abs(this._pitch - other.pitch) <= tolerance &&
      Math.abs(this._roll - other.roll) <= tolerance && Math.abs(this._x - other.x) <= tolerance &&
      Math.abs(this._y - other.y) <= tolerance && Math.abs(this._z - other.z) <= tolerance)) {
      return false;
    }
    for (let i = 0; i < BLENDSHAPE_COUNT; i++) {
      if (!(Math.abs(this.weights[i] - other.weights[i]) <= tolerance)) return false;
    }
    return true;
  }

  /** Plain data: the six head channels and only the non-zero weights. */
  toJSON(): FaceControlsJSON {
    return faceControlsToJSON(this);
  }
}

/** Throws for a wrong weight count or any non-finite channel, naming it. */
function assertFinite(other: FaceControlsLike): void {
  if (other.weights.length !== BLENDSHAPE_COUNT) {
    throw new RangeError(`FaceControls: expected ${BLENDSHAPE_COUNT} weights, got ${other.weights.length}.`);
  }
  if (!Number.isFinite(other.yaw)) throw notFiniteError(other.yaw, 'FaceControls.yaw');
  if (!Number.isFinite(other.pitch)) throw notFiniteError(other.pitch, 'FaceControls.pitch');
  if (!Number.isFinite(other.roll)) throw notFiniteError(other.roll, 'FaceControls.roll');
  if (!Number.isFinite(other.x)) throw notFiniteError(other.x, 'FaceControls.x');
  if (!Number.isFinite(other.y)) throw notFiniteError(other.y, 'FaceControls.y');
  if (!Number.isFinite(other.z)) throw notFiniteError(other.z, 'FaceControls.z');
  for (let i = 0; i < BLENDSHAPE_COUNT; i++) {
    const weight = other.weights[i];
    if (!Number.isFinite(weight)) throw notFiniteError(weight, `FaceControls.weights.${ARKIT_BLENDSHAPE_NAMES[i]}`);
  }
}

function headValue(value: number, channel: HeadChannel, limit: number): number {
  if (!Number.isFinite(value)) throw notFiniteError(value, `FaceControls.${channel}`);
  return clamp(value, -limit, limit);
}
