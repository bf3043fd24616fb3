// Drives a portrait's rig straight from landmark offsets (LandmarkTransfer's output) instead of
// controls: landmark vertices take the offsets, the layers and the first ring follow them, then
// the head turns as PortraitRig.deform turns it.
import { findLandmarkLeaders, LEADERS_PER_VERTEX as LEADERS } from './landmarkLeaders';
import { LANDMARK_COUNT } from './landmarkPixels';
import { type HeadPoseLike, PortraitRig } from './PortraitRig';
import { RigLayer, SHADE_STRIDE } from './PortraitRigData';

/** Floats per landmark in the offsets deform() reads: x, y in image pixels. */
export const LANDMARK_OFFSET_STRIDE = 2;

/**
 * Share of its outline point's motion the first ring outside the face takes. It was the same as
 * buildPortraitRig's FIRST_RING_MOBILITY until session 7 lowered that one to 0.6 for morphs, by the
 * eval's jaw probe; landmark drive was not measured again, so it keeps 0.9.
 */
const FIRST_RING_SHARE = 0.9;

/**
 * A face triangle squeezed below this share of its rest area (or flipped) is eased: another face's
 * motion lands on this face's thin slivers at the lip corners and jaw, where it would fold them.
 */
const MIN_AREA_SHARE = 0.2;
/** How much of its spread about their mean a squeezed triangle's corners keep, per easing pass (a quarter: few passes). */
const EASE_KEEP = 0.25;
/** Easing passes per frame at most: easing one triangle may squeeze its neighbour, so it takes a few (64 cleared every fixture). */
const MAX_EASE_PASSES = 64;

/**
 * A PortraitRig driven by landmark offsets. Every vertex beyond the landmarks follows up to two
 * landmarks by fixed shares found once here: an iris disk moves with its iris centre, an eye's
 * back with the middle of its corners (the lids slide over it), the first ring with its outline
 * point, the mouth interior between the inner lips as the rig's followers place it, and the rest
 * of the rings and the border stay. Face triangles the offsets would fold are eased back toward
 * their corners' mean motion first. deform() allocates nothing.
 */
export class LandmarkDrivenRig {
  /** The rig this drives. */
  readonly rig: PortraitRig;
  private readonly _work: Float32Array;
  private readonly _leaders: Int32Array;
  private readonly _shares: Float32Array;
  private readonly _triangles: Uint32Array;
  private readonly _restAreas: Float64Array;

  constructor(rig: PortraitRig) {
    if (!(rig instanceof PortraitRig)) throw new TypeError('LandmarkDrivenRig: expected a PortraitRig (new PortraitRig(buildPortraitRig(...))).');
    this.rig = rig;
    this._work = new Float32Array(rig.vertexCount * 3);
    ({ leaders: this._leaders, shares: this._shares } = findLandmarkLeaders(rig.data, FIRST_RING_SHARE));
    this._triangles = landmarkSkinTriangles(rig);
    this._restAreas = new Float64Array(this._triangles.length / 3);
    for (let t = 0; t < this._restAreas.length; t++) this._restAreas[t] = this._area(rig.data.rest, t);
  }

  /** Floats deform() writes, as PortraitRig.positionsLength. */
  get positionsLength(): number {
    return this.rig.positionsLength;
  }

  /**
   * Writes the posed vertices into `out` (length positionsLength): landmark i at its rest plus
   * offsets[2i], offsets[2i + 1] (image pixels), followers after it, then the head channels of
   * `head` (turn and position) applied as deform() applies them. Allocates nothing.
   */
  deform(offsets: Float32Array, head: HeadPoseLike, out: Float32Array): void {
    if (offsets.length !== LANDMARK_COUNT * LANDMARK_OFFSET_STRIDE) {
      throw new RangeError(`LandmarkDrivenRig.deform: offsets must hold ${LANDMARK_COUNT * LANDMARK_OFFSET_STRIDE} floats (x, y per landmark), got ${offsets.length}.`);
    }
    const work = this._work, leaders = this._leaders, shares = this._shares;
    work.set(this.rig.data.rest);
    for (let i = 0; i < LANDMARK_COUNT; i++) {
      work[i * 3] += offsets[i * 2];
      work[i * 3 + 1] += offsets[i * 2 + 1];
    }
    this._easeFolds();
    const rest = this.rig.data.rest;
    const n = this.rig.vertexCount;
    for (let v = LANDMARK_COUNT; v < n; v++) {
      for (let k = 0; k < LEADERS; k++) {
        const leader = leaders[v * LEADERS + k];
        if (leader < 0) break;
        const share = shares[v * LEADERS + k];
        work[v * 3] += (work[leader * 3] - rest[leader * 3]) * share;
        work[v * 3 + 1] += (work[leader * 3 + 1] - rest[leader * 3 + 1]) * share;
      }
    }
    this.rig.measureExpressions(work);
    this.rig.applyTurnCorrectives(work, head);
    this.rig.applyFollowers(work);
    this.rig.applyShots(work);
    this.rig.turnHead(work, head, out);
  }

  /** Pulls the corners of every squeezed or flipped face triangle toward their mean motion, a few passes. */
  private _easeFolds(): void {
    const work = this._work, rest = this.rig.data.rest, tri = this._triangles, restAreas = this._restAreas;
    for (let pass = 0; pass < MAX_EASE_PASSES; pass++) {
      let eased = 0;
      for (let t = 0; t < restAreas.length; t++) {
        const before = restAreas[t];
        if (before === 0 || this._area(work, t) / before >= MIN_AREA_SHARE) continue;
        eased++;
        const a = tri[t * 3] * 3, b = tri[t * 3 + 1] * 3, c = tri[t * 3 + 2] * 3;
        for (let axis = 0; axis < 2; axis++) {
          const da = work[a + axis] - rest[a + axis], db = work[b + axis] - rest[b + axis], dc = work[c + axis] - rest[c + axis];
          const mean = (da + db + dc) / 3;
          work[a + axis] = rest[a + axis] + mean + (da - mean) * EASE_KEEP;
          work[b + axis] = rest[b + axis] + mean + (db - mean) * EASE_KEEP;
          work[c + axis] = rest[c + axis] + mean + (dc - mean) * EASE_KEEP;
        }
      }
      if (eased === 0) return;
    }
  }

  /** Twice the signed area of face triangle t over x, y of `positions` (stride 3). */
  private _area(positions: Float32Array, t: number): number {
    const a = this._triangles[t * 3] * 3, b = this._triangles[t * 3 + 1] * 3, c = this._triangles[t * 3 + 2] * 3;
    return (positions[b] - positions[a]) * (positions[c + 1] - positions[a + 1]) - (positions[b + 1] - positions[a + 1]) * (positions[c] - positions[a]);
  }
}

/** The rig's skin triangles whose corners are all landmarks: the ones offsets can fold. */
function landmarkSkinTriangles(rig: PortraitRig): Uint32Array {
  const { indices, shade } = rig.data;
  const kept: number[] = [];
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t], b = indices[t + 1], c = indices[t + 2];
    if (a >= LANDMARK_COUNT || b >= LANDMARK_COUNT || c >= LANDMARK_COUNT) continue;
    if (shade[a * SHADE_STRIDE] !== RigLayer.Skin || shade[b * SHADE_STRIDE] !== RigLayer.Skin || shade[c * SHADE_STRIDE] !== RigLayer.Skin) continue;
    kept.push(a, b, c);
  }
  return Uint32Array.from(kept);
}
