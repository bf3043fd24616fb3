// A rig's shots at run time: how much each shows for a pose, and a blink that ends in the eyes shot's shape.
import { measureOpenings, restLipGap } from '../measureOpenings';
import type { PortraitRigData } from '../PortraitRigData';
import type { PortraitShotData } from './PortraitShot';
import { SHOT_BLEND_EYE_LEFT, SHOT_BLEND_EYE_RIGHT, SHOT_BLEND_LENGTH, SHOT_OPENINGS_LENGTH, SHOT_REST_GAP_AT, shotBlendWeights } from './shotBlend';
import { SHOT_MASK_STRIDE } from './shotMasks';

/**
 * The shots a rig poses with. apply() runs on un-turned positions (after morphs, before the head
 * turn), so how shut an eye is reads the same whatever the head does, and pulling the eyes
 * toward the shot's shape cannot feed back into its own weight. Allocation-free per frame.
 */
export class RigShots {
  /** The weights apply() found last, laid out as rig/shots/shotBlend's SHOT_BLEND_*: what the generator blends by. */
  readonly weights = new Float32Array(SHOT_BLEND_LENGTH);
  private _eyes: PortraitShotData | null = null;
  private _mouth: PortraitShotData | null = null;
  /** measureOpenings' figures, then the portrait's own lip gap (what shotBlendWeights reads). */
  private readonly _openings = new Float32Array(SHOT_OPENINGS_LENGTH);

  constructor(private readonly _data: PortraitRigData) {
    this._openings[SHOT_REST_GAP_AT] = restLipGap(_data);
  }

  get eyes(): PortraitShotData | null {
    return this._eyes;
  }

  get mouth(): PortraitShotData | null {
    return this._mouth;
  }

  /** The eyes shot and the mouth shot (null: none), each mapped onto this rig by buildPortraitShot. */
  set(eyes: PortraitShotData | null, mouth: PortraitShotData | null): void {
    for (const shot of [eyes, mouth]) {
      if (shot && shot.shape.length !== this._data.vertexCount * 2) {
        throw new RangeError(`PortraitRig.setShots: the shot was mapped onto a rig of ${shot.shape.length / 2} vertices, this rig has ${this._data.vertexCount}; map it with buildPortraitShot on this rig.`);
      }
    }
    this._eyes = eyes;
    this._mouth = mouth;
    this.weights.fill(0);
  }

  /** Weighs the shots for `work` (un-turned pixels, x, y, depth per vertex) and moves shutting eyes toward the eyes shot's shape. */
  apply(work: Float32Array): void {
    const d = this._data;
    const weights = this.weights;
    if (this._eyes === null && this._mouth === null) {
      weights.fill(0);
      return;
    }
    measureOpenings(d, work, d.rest, this._openings, true);
    shotBlendWeights(this._eyes, this._mouth, this._openings, weights);
    const eyes = this._eyes;
    const right = weights[SHOT_BLEND_EYE_RIGHT], left = weights[SHOT_BLEND_EYE_LEFT];
    if (eyes === null || right + left === 0) return;
    const { mask, shape } = eyes;
    const rest = d.rest;
    for (let v = 0; v < d.vertexCount; v++) {
      const m = mask[v * SHOT_MASK_STRIDE];
      if (m === 0) continue;
      const t = m > 0 ? m * left : -m * right;
      if (t === 0) continue;
      const o = v * 3, s = v * 2;
      work[o] += (rest[o] + shape[s] - work[o]) * t;
      work[o + 1] += (rest[o + 1] + shape[s + 1] - work[o + 1]) * t;
    }
  }
}
