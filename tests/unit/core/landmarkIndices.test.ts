import { describe, expect, it } from 'vitest';
import {
  CHIN,
  FACE_MESH_POINT_COUNT,
  FACE_OVAL,
  FOREHEAD_TOP,
  LIPS,
  NOSE_TIP,
  SUBJECT_LEFT_EYE,
  SUBJECT_LEFT_EYEBROW,
  SUBJECT_LEFT_IRIS,
  SUBJECT_RIGHT_EYE,
  SUBJECT_RIGHT_EYEBROW,
  SUBJECT_RIGHT_IRIS,
  type EyeOutline,
  type LipContour,
} from '../../../plugin/core/landmarkIndices';
import { CANONICAL_FACE_POSITIONS } from '../../../plugin/rig/topology/canonicalFace';
import { FACE_MESH_TRIANGLES, MOUTH_CAP_TRIANGLES } from '../../../plugin/rig/topology/faceMeshTriangles';

/** Canonical face: +x is the viewer's right, +y up, +z toward the viewer (centimetres). */
const x = (i: number) => CANONICAL_FACE_POSITIONS[i * 3];
const y = (i: number) => CANONICAL_FACE_POSITIONS[i * 3 + 1];
const z = (i: number) => CANONICAL_FACE_POSITIONS[i * 3 + 2];
const mean = (list: readonly number[], f: (i: number) => number) => list.reduce((s, i) => s + f(i), 0) / list.length;
/** How far off the midline a midline landmark may sit in the canonical face, cm. */
const MIDLINE_TOLERANCE_CM = 1e-3;
/** How far behind the most forward point the nose tip may be, cm. */
const NOSE_TIP_DEPTH_TOLERANCE_CM = 0.2;

const key = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
const meshEdges = new Set<string>();
for (const triangles of [FACE_MESH_TRIANGLES, MOUTH_CAP_TRIANGLES]) {
  for (let t = 0; t < triangles.length; t += 3) {
    const [a, b, c] = triangles.subarray(t, t + 3);
    meshEdges.add(key(a, b)).add(key(b, c)).add(key(c, a));
  }
}
/** Every step of a chain (and its closing step for a loop) is an edge of the face mesh. */
function followsMesh(chain: readonly number[], closed: boolean): boolean {
  const steps = closed ? chain.length : chain.length - 1;
  for (let i = 0; i < steps; i++) if (!meshEdges.has(key(chain[i], chain[(i + 1) % chain.length]))) return false;
  return true;
}
/** Twice the signed area with +y up: negative is clockwise as the viewer sees it. */
function signedArea(loop: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < loop.length; i++) {
    const a = loop[i];
    const b = loop[(i + 1) % loop.length];
    sum += x(a) * y(b) - x(b) * y(a);
  }
  return sum;
}
const disjoint = (a: readonly number[], b: readonly number[]) => a.every((i) => !b.includes(i));

describe('face oval', () => {
  it('is a closed loop over the mesh from the forehead top, clockwise as the viewer sees it', () => {
    expect(FACE_OVAL[0]).toBe(FOREHEAD_TOP);
    expect(FACE_OVAL).toContain(CHIN);
    expect(new Set(FACE_OVAL).size).toBe(FACE_OVAL.length);
    expect(followsMesh(FACE_OVAL, true)).toBe(true);
    expect(signedArea(FACE_OVAL)).toBeLessThan(0);
    // Clockwise from the top means the second point is on the viewer's right.
    expect(x(FACE_OVAL[1])).toBeGreaterThan(0);
  });
});

describe.each([
  ['subject-left eye', SUBJECT_LEFT_EYE, 1],
  ['subject-right eye', SUBJECT_RIGHT_EYE, -1],
] as Array<[string, EyeOutline, number]>)('%s', (_, eye, viewerSide) => {
  it('lies on its own side: the subject-left eye on the viewer\'s right', () => {
    expect(Math.sign(mean(eye.loop, x))).toBe(viewerSide);
  });

  it('has lids from outer to inner corner, upper above lower', () => {
    for (const lid of [eye.upperLid, eye.lowerLid]) {
      expect(lid[0]).toBe(eye.outerCorner);
      expect(lid.at(-1)).toBe(eye.innerCorner);
      expect(followsMesh(lid, false)).toBe(true);
    }
    expect(Math.abs(x(eye.outerCorner))).toBeGreaterThan(Math.abs(x(eye.innerCorner)));
    expect(mean(eye.upperLid.slice(1, -1), y)).toBeGreaterThan(mean(eye.lowerLid.slice(1, -1), y));
  });

  it('has a closed loop of upper lid then lower lid back', () => {
    expect(eye.loop).toEqual([...eye.upperLid, ...eye.lowerLid.slice(1, -1).reverse()]);
    expect(new Set(eye.loop).size).toBe(eye.loop.length);
    expect(followsMesh(eye.loop, true)).toBe(true);
  });
});

describe('irises', () => {
  it('follow MediaPipe: the subject-left iris is 473..477, the subject-right 468..472', () => {
    expect(SUBJECT_LEFT_IRIS).toEqual({ centre: 473, ring: [474, 475, 476, 477] });
    expect(SUBJECT_RIGHT_IRIS).toEqual({ centre: 468, ring: [469, 470, 471, 472] });
    expect(SUBJECT_RIGHT_IRIS.centre).toBe(FACE_MESH_POINT_COUNT);
  });
});

describe.each([
  ['outer', LIPS.outer],
  ['inner', LIPS.inner],
] as Array<[string, LipContour]>)('%s lips', (_, lips) => {
  it('run from the subject-right corner (viewer\'s left) to the subject-left corner', () => {
    expect(x(lips.subjectRightCorner)).toBeLessThan(0);
    expect(x(lips.subjectLeftCorner)).toBeGreaterThan(0);
    for (const half of [lips.upper, lips.lower]) {
      expect(half[0]).toBe(lips.subjectRightCorner);
      expect(half.at(-1)).toBe(lips.subjectLeftCorner);
      expect(followsMesh(half, false)).toBe(true);
    }
    expect(mean(lips.upper.slice(1, -1), y)).toBeGreaterThan(mean(lips.lower.slice(1, -1), y));
  });

  it('close into a loop', () => {
    expect(lips.loop).toEqual([...lips.upper, ...lips.lower.slice(1, -1).reverse()]);
    expect(new Set(lips.loop).size).toBe(lips.loop.length);
    expect(followsMesh(lips.loop, true)).toBe(true);
  });
});

describe('eyebrows', () => {
  it('lie on their own sides with the upper row above, each from outer to inner', () => {
    for (const [brow, side] of [[SUBJECT_LEFT_EYEBROW, 1], [SUBJECT_RIGHT_EYEBROW, -1]] as const) {
      expect(Math.sign(mean(brow.upper, x))).toBe(side);
      expect(mean(brow.upper, y)).toBeGreaterThan(mean(brow.lower, y));
      for (const row of [brow.upper, brow.lower]) {
        expect(Math.abs(x(row[0]))).toBeGreaterThan(Math.abs(x(row.at(-1)!)));
        expect(followsMesh(row, false)).toBe(true);
      }
    }
  });
});

describe('index sets', () => {
  it('do not overlap where they should not', () => {
    const sets = [
      FACE_OVAL, SUBJECT_LEFT_EYE.loop, SUBJECT_RIGHT_EYE.loop, LIPS.outer.loop, LIPS.inner.loop,
      [...SUBJECT_LEFT_EYEBROW.upper, ...SUBJECT_LEFT_EYEBROW.lower],
      [...SUBJECT_RIGHT_EYEBROW.upper, ...SUBJECT_RIGHT_EYEBROW.lower],
    ];
    for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) expect(disjoint(sets[i], sets[j])).toBe(true);
  });

  it('name midline points that sit where their names say', () => {
    for (const i of [FOREHEAD_TOP, CHIN, NOSE_TIP]) expect(Math.abs(x(i))).toBeLessThan(MIDLINE_TOLERANCE_CM);
    expect(y(FOREHEAD_TOP)).toBeGreaterThan(y(NOSE_TIP));
    expect(y(NOSE_TIP)).toBeGreaterThan(y(CHIN));
    let forward = -Infinity;
    for (let i = 0; i < FACE_MESH_POINT_COUNT; i++) forward = Math.max(forward, z(i));
    expect(z(NOSE_TIP)).toBeGreaterThan(forward - NOSE_TIP_DEPTH_TOLERANCE_CM);
  });
});
