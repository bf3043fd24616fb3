import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FACE_OVAL, LIPS, SUBJECT_LEFT_EYE, SUBJECT_LEFT_EYEBROW, SUBJECT_LEFT_IRIS, SUBJECT_RIGHT_EYE, SUBJECT_RIGHT_EYEBROW, SUBJECT_RIGHT_IRIS,
} from '../../../plugin/core/landmarkIndices';
import { MIRRORED_LANDMARK } from '../../../plugin/core/landmarkMirror.generated';
import { CANONICAL_FACE_POSITIONS, CANONICAL_FACE_UVS, CANONICAL_FACE_VERTEX_COUNT } from '../../../plugin/rig/topology/canonicalFace';
import {
  FACE_MESH_TRIANGLE_COUNT,
  FACE_MESH_TRIANGLES,
  MOUTH_CAP_TRIANGLES,
  SUBJECT_LEFT_EYE_CAP_TRIANGLES,
  SUBJECT_RIGHT_EYE_CAP_TRIANGLES,
} from '../../../plugin/rig/topology/faceMeshTriangles';

/** Triangles in MediaPipe's canonical face mesh, caps included. */
const CANONICAL_MESH_TRIANGLES = 898;
/** Share of triangles that may fold over in a frontal projection (beside the nose). */
const MAX_FOLDED_SHARE = 0.02;

const triangles = (list: Uint16Array) => Array.from({ length: list.length / 3 }, (_, t) => [...list.subarray(t * 3, t * 3 + 3)]);
const key = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
const x = (i: number) => CANONICAL_FACE_POSITIONS[i * 3];
const y = (i: number) => CANONICAL_FACE_POSITIONS[i * 3 + 1];
const openMesh = triangles(FACE_MESH_TRIANGLES);

describe('face mesh triangles', () => {
  it('are 852 valid triangles over the 468 mesh points, using each point', () => {
    expect(FACE_MESH_TRIANGLES.length).toBe(FACE_MESH_TRIANGLE_COUNT * 3);
    expect(FACE_MESH_TRIANGLE_COUNT).toBe(852);
    expect(Math.max(...FACE_MESH_TRIANGLES)).toBeLessThan(CANONICAL_FACE_VERTEX_COUNT);
    expect(new Set(FACE_MESH_TRIANGLES).size).toBe(CANONICAL_FACE_VERTEX_COUNT);
    expect(openMesh.every(([a, b, c]) => a !== b && b !== c && c !== a)).toBe(true);
    expect(new Set(openMesh.map((t) => [...t].sort((p, q) => p - q).join())).size).toBe(openMesh.length);
  });

  it('leave the eyes and the mouth open', () => {
    for (const loop of [LIPS.inner.loop, SUBJECT_LEFT_EYE.loop, SUBJECT_RIGHT_EYE.loop]) {
      const on = new Set(loop);
      expect(openMesh.some((t) => t.every((v) => on.has(v)))).toBe(false);
    }
  });

  it('are bounded by exactly the face oval, the eye loops and the inner lips', () => {
    const uses = new Map<string, number>();
    for (const [a, b, c] of openMesh) for (const k of [key(a, b), key(b, c), key(c, a)]) uses.set(k, (uses.get(k) ?? 0) + 1);
    expect(Math.max(...uses.values())).toBe(2);
    const boundary = [...uses].filter(([, n]) => n === 1).map(([k]) => k).sort();
    const loops = [FACE_OVAL, LIPS.inner.loop, SUBJECT_LEFT_EYE.loop, SUBJECT_RIGHT_EYE.loop];
    const expected = loops.flatMap((loop) => loop.map((v, i) => key(v, loop[(i + 1) % loop.length]))).sort();
    expect(boundary).toEqual(expected);
  });

  it('have caps that fill each opening and only it', () => {
    const caps = [
      [MOUTH_CAP_TRIANGLES, LIPS.inner.loop],
      [SUBJECT_LEFT_EYE_CAP_TRIANGLES, SUBJECT_LEFT_EYE.loop],
      [SUBJECT_RIGHT_EYE_CAP_TRIANGLES, SUBJECT_RIGHT_EYE.loop],
    ] as const;
    let total = FACE_MESH_TRIANGLE_COUNT;
    for (const [cap, loop] of caps) {
      const on = new Set(loop);
      expect(cap.length / 3).toBe(loop.length - 2);
      expect([...cap].every((v) => on.has(v))).toBe(true);
      total += cap.length / 3;
    }
    expect(total).toBe(CANONICAL_MESH_TRIANGLES);
  });

  it('wind counter-clockwise as seen from the front, but for a few folds', () => {
    const area = ([a, b, c]: number[]) => (x(b) - x(a)) * (y(c) - y(a)) - (x(c) - x(a)) * (y(b) - y(a));
    const folded = openMesh.filter((t) => area(t) <= 0).length;
    expect(folded / openMesh.length).toBeLessThan(MAX_FOLDED_SHARE);
  });
});

describe('canonical face', () => {
  it('has 468 positions and texture coordinates inside [0, 1]', () => {
    expect(CANONICAL_FACE_POSITIONS.length).toBe(CANONICAL_FACE_VERTEX_COUNT * 3);
    expect(CANONICAL_FACE_UVS.length).toBe(CANONICAL_FACE_VERTEX_COUNT * 2);
    expect(CANONICAL_FACE_UVS.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('puts the subject\'s left on +x, the viewer\'s right, and the forehead up', () => {
    expect(x(SUBJECT_LEFT_EYE.outerCorner)).toBeGreaterThan(0);
    expect(x(SUBJECT_RIGHT_EYE.outerCorner)).toBeLessThan(0);
    expect(y(FACE_OVAL[0])).toBeGreaterThan(y(LIPS.outer.upper[5]));
    // Texture u grows to the viewer's right as well, so the canonical face is not mirrored.
    expect(CANONICAL_FACE_UVS[SUBJECT_LEFT_EYE.outerCorner * 2]).toBeGreaterThan(0.5);
  });
});

describe('generated topology files', () => {
  it('are what tools/rig/extract-face-topology.mjs makes from the installed package', () => {
    expect(() => execFileSync(process.execPath, ['tools/rig/extract-face-topology.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});

describe('MIRRORED_LANDMARK', () => {
  const twin = (i: number) => MIRRORED_LANDMARK[i];

  it('pairs every landmark with one twin, and the twin back with it', () => {
    expect(MIRRORED_LANDMARK).toHaveLength(478);
    for (let i = 0; i < 478; i++) expect(twin(twin(i)), `landmark ${i}`).toBe(i);
  });

  it('maps each eye, brow and iris onto the other, point for point, and the lips and face outline onto themselves', () => {
    expect(SUBJECT_LEFT_EYE.loop.map(twin)).toEqual(SUBJECT_RIGHT_EYE.loop);
    expect(SUBJECT_LEFT_EYEBROW.upper.map(twin)).toEqual(SUBJECT_RIGHT_EYEBROW.upper);
    expect(SUBJECT_LEFT_EYEBROW.lower.map(twin)).toEqual(SUBJECT_RIGHT_EYEBROW.lower);
    expect(twin(SUBJECT_LEFT_IRIS.centre)).toBe(SUBJECT_RIGHT_IRIS.centre);
    // Lip halves run from the subject's right corner to the left one: mirrored, they run back.
    for (const half of [LIPS.outer.upper, LIPS.outer.lower, LIPS.inner.upper, LIPS.inner.lower]) expect(half.map(twin)).toEqual([...half].reverse());
    // The outline starts at the forehead's top, on the midline, and goes round: mirrored, it goes round the other way.
    expect(FACE_OVAL.map(twin)).toEqual([FACE_OVAL[0], ...FACE_OVAL.slice(1).reverse()]);
  });

  it('pairs the iris rings side for side: each ring point sits across its centre from its twin’s place, as seen in a recorded face', () => {
    const f = JSON.parse(readFileSync(join(__dirname, '../../fixtures/landmarks/astronaut.json'), 'utf8')) as { landmarks: number[][] };
    const offset = (point: number, centre: number) => [f.landmarks[point][0] - f.landmarks[centre][0], f.landmarks[point][1] - f.landmarks[centre][1]];
    for (const r of SUBJECT_RIGHT_IRIS.ring) {
      const [ax, ay] = offset(r, SUBJECT_RIGHT_IRIS.centre);
      const [bx, by] = offset(twin(r), SUBJECT_LEFT_IRIS.centre);
      // Reflected: horizontal offsets flip sign, vertical ones keep it.
      expect(Math.sign(ax) === -Math.sign(bx) || Math.abs(ax) < Math.abs(ay)).toBe(true);
      expect(Math.sign(ay) === Math.sign(by) || Math.abs(ay) < Math.abs(ax)).toBe(true);
    }
  });
});
