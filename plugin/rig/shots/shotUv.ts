// Where each rig vertex samples a shot: the shot's own landmarks, and the space between them.
import { LANDMARK_COUNT } from '../landmarkPixels';
import { SEAM_STRIDE } from '../outlineSeam';
import type { PortraitRigData } from '../PortraitRigData';
import { applyAffine, type Affine } from './fitAffine';

/** Vertices off the landmarks take the mean misfit of this many nearest landmarks. */
const NEAREST_LANDMARKS = 4;
/** Keeps the inverse-distance weights finite on a vertex that sits on a landmark (pixels²). */
const DISTANCE_FLOOR_SQ = 1;

/**
 * Shot pixel positions (x, y per vertex) for every vertex of `rig`: a landmark vertex takes the
 * shot's landmark; any other vertex the portrait-to-shot affine map plus the misfit of its
 * nearest landmarks, so eye and mouth layers land on the shot's eyes and mouth; mouth-interior
 * vertices then spread between the shot's inner lips as deform() spreads them between posed lips;
 * seam copies take their outline points'.
 * Build time only.
 */
export function shotPixelPositions(rig: PortraitRigData, shotPixels: Float32Array, toShot: Affine): Float32Array {
  const n = rig.vertexCount;
  const rest = rig.rest;
  const out = new Float32Array(n * 2);
  const misfit = new Float32Array(LANDMARK_COUNT * 2);
  const mapped = [0, 0];
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    applyAffine(toShot, rest[i * 3], rest[i * 3 + 1], mapped, 0);
    misfit[i * 2] = shotPixels[i * 2] - mapped[0];
    misfit[i * 2 + 1] = shotPixels[i * 2 + 1] - mapped[1];
    out[i * 2] = shotPixels[i * 2];
    out[i * 2 + 1] = shotPixels[i * 2 + 1];
  }
  const nearest = new Int32Array(NEAREST_LANDMARKS);
  const nearestSq = new Float64Array(NEAREST_LANDMARKS);
  for (let v = LANDMARK_COUNT; v < n; v++) {
    const x = rest[v * 3], y = rest[v * 3 + 1];
    nearestSq.fill(Infinity);
    for (let i = 0; i < LANDMARK_COUNT; i++) {
      const dx = rest[i * 3] - x, dy = rest[i * 3 + 1] - y;
      insertNearest(nearest, nearestSq, i, dx * dx + dy * dy);
    }
    let wSum = 0, mx = 0, my = 0;
    for (let k = 0; k < NEAREST_LANDMARKS; k++) {
      const w = 1 / Math.max(nearestSq[k], DISTANCE_FLOOR_SQ);
      wSum += w;
      mx += misfit[nearest[k] * 2] * w;
      my += misfit[nearest[k] * 2 + 1] * w;
    }
    applyAffine(toShot, x, y, out, v * 2);
    out[v * 2] += mx / wSum;
    out[v * 2 + 1] += my / wSum;
  }
  spreadFollowers(rig, toShot, out);
  // A seam copy samples the shot exactly where its outline point does, so the seam never shows.
  const seam = rig.outlineSeam;
  if (seam) {
    for (let k = 0; k < seam.length; k += SEAM_STRIDE) {
      out[seam[k] * 2] = out[seam[k + 1] * 2];
      out[seam[k] * 2 + 1] = out[seam[k + 1] * 2 + 1];
    }
  }
  return out;
}

/** Mouth-interior vertices: their leaders' offsets from the mapped rest, mixed as PortraitRig mixes them. */
function spreadFollowers(rig: PortraitRigData, toShot: Affine, out: Float32Array): void {
  const { followers, followerMix, rest } = rig;
  const mapped = [0, 0];
  const offset = (v: number, c: number) => {
    applyAffine(toShot, rest[v * 3], rest[v * 3 + 1], mapped, 0);
    return out[v * 2 + c] - mapped[c];
  };
  for (let k = 0; k < followerMix.length; k++) {
    const v = followers[k * 3], a = followers[k * 3 + 1], b = followers[k * 3 + 2];
    const t = followerMix[k];
    const ax = offset(a, 0), ay = offset(a, 1), bx = offset(b, 0), by = offset(b, 1);
    applyAffine(toShot, rest[v * 3], rest[v * 3 + 1], out, v * 2);
    out[v * 2] += ax + (bx - ax) * t;
    out[v * 2 + 1] += ay + (by - ay) * t;
  }
}

function insertNearest(index: Int32Array, distSq: Float64Array, candidate: number, d: number): void {
  if (d >= distSq[distSq.length - 1]) return;
  let k = distSq.length - 1;
  while (k > 0 && distSq[k - 1] > d) {
    distSq[k] = distSq[k - 1];
    index[k] = index[k - 1];
    k--;
  }
  distSq[k] = d;
  index[k] = candidate;
}
