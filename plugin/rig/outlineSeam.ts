// The face's outline, split from the first ring around it. An expression that pushes the outline
// out (an open jaw, a cheek) slides the face over the neck and hair behind it, as a real chin
// covers the neck, instead of squeezing them toward the world outside the head.
import { LANDMARK_COUNT } from './landmarkPixels';
import { SHADE_STRIDE, type PortraitRigData } from './PortraitRigData';
import type { RigMeshBuilder } from './RigMeshBuilder';

/** Numbers per seam point in PortraitRigData.outlineSeam: the ring side's copy, then the outline landmark. */
export const SEAM_STRIDE = 2;
/** Floats per seam copy in placeSeamCopies' offsets: x, y, depth against its outline point. */
export const SEAM_OFFSET_STRIDE = 3;

/**
 * How far inside a moved face its seam copies keep (face heights). A copy must stay under the
 * face through a head turn, which carries the outline and the copies a little differently (the
 * outline's corners and depth vary along it). Placed on the outline, copies left gaps of up to a
 * pixel; 0.005 inside, gaps of 0.1 px in 2 of 10,080 poses (36 portraits, every blendshape and
 * four pairs, five head poses up to 0.5 rad); 0.01, none.
 */
export const SEAM_OVERLAP_FACE_HEIGHTS = 0.01;

/**
 * Gives every outline point a copy for the ring side and hands the copies the triangles in
 * [bandStart, bandEnd) (a range of mesh.indices, the strip from the outline to the first ring).
 * The copies sit where their points sit and turn with them (same depth, same head weight).
 * Returns the seam: copy, outline point, per outline point in outline order. Build time only.
 */
export function splitOutlineSeam(mesh: RigMeshBuilder, outline: readonly number[], bandStart: number, bandEnd: number): Uint32Array {
  const copyOf = new Map<number, number>();
  const seam: number[] = [];
  for (const point of outline) {
    const o = point * SHADE_STRIDE;
    const copy = mesh.add(mesh.x(point), mesh.y(point), mesh.depth(point), mesh.shade[o], mesh.shade[o + 1], mesh.shade[o + 2], mesh.shade[o + 3], mesh.headWeight[point]);
    copyOf.set(point, copy);
    seam.push(copy, point);
  }
  for (let k = bandStart; k < bandEnd; k++) mesh.indices[k] = copyOf.get(mesh.indices[k]) ?? mesh.indices[k];
  return Uint32Array.from(seam);
}

/** 1 when the outline (the seam's landmarks in order, at rest) has the face on the left of its edges, −1 on the right. */
export function seamInwardSide(rest: Float32Array, seam: Uint32Array): number {
  let twiceArea = 0;
  const n = seam.length / SEAM_STRIDE;
  for (let j = 0, i = n - 1; j < n; i = j++) {
    const a = seam[i * SEAM_STRIDE + 1] * 3, b = seam[j * SEAM_STRIDE + 1] * 3;
    twiceArea += rest[a] * rest[b + 1] - rest[b] * rest[a + 1];
  }
  return twiceArea >= 0 ? 1 : -1;
}

/** Per vertex, the landmark it stands for: itself, or for a seam copy its outline point. */
export function seamSources(data: Pick<PortraitRigData, 'vertexCount' | 'outlineSeam'>): Uint32Array {
  const sources = new Uint32Array(data.vertexCount);
  for (let v = 0; v < data.vertexCount; v++) sources[v] = v;
  const seam = data.outlineSeam;
  if (seam) for (let k = 0; k < seam.length; k += SEAM_STRIDE) sources[seam[k]] = seam[k + 1];
  return sources;
}

/** Why a serialized seam is unusable, or null when it is sound: whole pairs of a copy beyond the landmarks and a landmark, each copy once. */
export function seamProblem(seam: Uint32Array, vertexCount: number): string | null {
  if (seam.length === 0 || seam.length % SEAM_STRIDE !== 0) return 'outlineSeam must list whole pairs (copy, outline point)';
  const copies = new Set<number>();
  for (let k = 0; k < seam.length; k += SEAM_STRIDE) {
    const copy = seam[k], point = seam[k + 1];
    if (!(copy >= LANDMARK_COUNT && copy < vertexCount)) return `outlineSeam[${k}] must be a vertex beyond the ${LANDMARK_COUNT} landmarks, got ${copy}`;
    if (!(point < LANDMARK_COUNT)) return `outlineSeam[${k + 1}] must be a landmark, got ${point}`;
    if (copies.has(copy)) return `outlineSeam lists vertex ${copy} twice`;
    copies.add(copy);
  }
  return null;
}

/**
 * Where each seam copy sits against its outline point once the expressions have moved the face
 * (`work`: un-turned positions, as PortraitRig.deform holds them after its morphs), written into
 * `offsets`: at rest while the face covers that spot with room to spare (an open jaw's chin over
 * the neck), else pushed in to that room inside the face's moved outline, so the ring never shows
 * a gap and is never dragged outward. The push runs along the outline's normal, blended between
 * its points as a smooth surface's would be, so a copy glides rather than jumps as the face moves.
 * The room grows with how far the point has moved, so a still face leaves every copy on its
 * point. A copy takes the outline's depth where it lies, blended over the outline by the inverse
 * fourth power of the distance (the nearest edge's alone would jump where the nearest edge
 * changes), so a head turn carries it as it carries the outline there. `inward` is
 * seamInwardSide's. Allocates nothing.
 */
export function placeSeamCopies(
  data: Pick<PortraitRigData, 'rest' | 'frame' | 'outlineSeam'>, inward: number, work: Float32Array, offsets: Float32Array,
): void {
  const seam = data.outlineSeam!, rest = data.rest;
  const overlap = SEAM_OVERLAP_FACE_HEIGHTS * data.frame.faceHeight;
  const n = offsets.length / SEAM_OFFSET_STRIDE;
  for (let k = 0; k < n; k++) {
    const c = seam[k * SEAM_STRIDE] * 3, o = seam[k * SEAM_STRIDE + 1] * 3;
    const x = rest[c], y = rest[c + 1];
    const q = k * SEAM_OFFSET_STRIDE;
    const mx = work[o] - x, my = work[o + 1] - y;
    const moved = Math.sqrt(mx * mx + my * my);
    const room = moved < overlap ? moved : overlap;
    if (!(room > 0)) {
      // A point the expressions left alone keeps its copy on it, exactly.
      offsets[q] = offsets[q + 1] = offsets[q + 2] = 0;
      continue;
    }
    let bestSq = Infinity, bx = x, by = y, bi = 0, bt = 0, weights = 0, depth = 0;
    for (let j = 0, i = n - 1; j < n; i = j++) {
      const a = seam[i * SEAM_STRIDE + 1] * 3, b = seam[j * SEAM_STRIDE + 1] * 3;
      const ax = work[a], ay = work[a + 1], ex = work[b] - ax, ey = work[b + 1] - ay;
      const lengthSq = ex * ex + ey * ey;
      if (!(lengthSq > 0)) continue;
      let t = ((x - ax) * ex + (y - ay) * ey) / lengthSq;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      // Weighted, not a + e·t, so t = 0 or 1 lands exactly on a point: a still face leaves every copy on its point.
      const qx = ax * (1 - t) + work[b] * t, qy = ay * (1 - t) + work[b + 1] * t;
      const dSq = (qx - x) * (qx - x) + (qy - y) * (qy - y);
      const w = 1 / ((dSq + room * room) * (dSq + room * room));
      weights += w;
      depth += w * (work[a + 2] * (1 - t) + work[b + 2] * t);
      if (dSq < bestSq) {
        bestSq = dSq;
        bx = qx;
        by = qy;
        bi = i;
        bt = t;
      }
    }
    // The inward normal at the nearest point: the two ends' normals (across the chord between
    // each end's neighbours) blended along the edge.
    chordNormal(seam, work, bi, n, NORMAL_START);
    chordNormal(seam, work, (bi + 1) % n, n, NORMAL_END);
    let nx = NORMAL_START[0] * (1 - bt) + NORMAL_END[0] * bt;
    let ny = NORMAL_START[1] * (1 - bt) + NORMAL_END[1] * bt;
    const length = Math.sqrt(nx * nx + ny * ny);
    nx = length > 0 ? (nx * inward) / length : 0;
    ny = length > 0 ? (ny * inward) / length : 0;
    const deep = (x - bx) * nx + (y - by) * ny;
    const push = deep < room ? room - deep : 0;
    offsets[q] = x + nx * push - work[o];
    offsets[q + 1] = y + ny * push - work[o + 1];
    offsets[q + 2] = depth / weights - work[o + 2];
  }
}

/** Scratch for placeSeamCopies: the normals at the nearest edge's two ends (doubles, as the arithmetic around them). */
const NORMAL_START = new Float64Array(2);
const NORMAL_END = new Float64Array(2);

/** The unit normal (left of the outline's direction) at outline point `k`, across the chord between its neighbours, into `out`. */
function chordNormal(seam: Uint32Array, work: Float32Array, k: number, n: number, out: Float64Array): void {
  const a = seam[((k + n - 1) % n) * SEAM_STRIDE + 1] * 3, b = seam[((k + 1) % n) * SEAM_STRIDE + 1] * 3;
  const ex = work[b] - work[a], ey = work[b + 1] - work[a + 1];
  const length = Math.sqrt(ex * ex + ey * ey);
  out[0] = length > 0 ? -ey / length : 0;
  out[1] = length > 0 ? ex / length : 0;
}

/** Each seam copy takes its place against its outline point again after the correctives and shots have moved the point. Allocates nothing. */
export function closeOutlineSeam(seam: Uint32Array, offsets: Float32Array, work: Float32Array): void {
  for (let k = 0; k < offsets.length / SEAM_OFFSET_STRIDE; k++) {
    const c = seam[k * SEAM_STRIDE] * 3, o = seam[k * SEAM_STRIDE + 1] * 3, q = k * SEAM_OFFSET_STRIDE;
    work[c] = work[o] + offsets[q];
    work[c + 1] = work[o + 1] + offsets[q + 1];
    work[c + 2] = work[o + 2] + offsets[q + 2];
  }
}
