import { describe, expect, it } from 'vitest';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { LIPS, SUBJECT_LEFT_EYE, SUBJECT_RIGHT_EYE } from '../../../plugin/core/landmarkIndices';
import { insidePolygon } from '../../../plugin/core/polygon';
import { PortraitRig, buildPortraitRig } from '../../../plugin/rig';
import { RigLayer, SHADE_STRIDE } from '../../../plugin/rig/PortraitRigData';
import { MeshTearingCheck } from '../../../tools/eval/meshTearing';
import { faceFixtures, flatLandmarks } from '../rig/rigFixtures';

const fixture = faceFixtures().find((f) => f.portrait.includes('flare-female01'))!;
const rig = new PortraitRig(buildPortraitRig({ landmarks: flatLandmarks(fixture), imageWidth: fixture.width, imageHeight: fixture.height }));
const { rest: restPx, indices, shade } = rig.data;
const loops = new Set([...SUBJECT_LEFT_EYE.loop, ...SUBJECT_RIGHT_EYE.loop, ...LIPS.outer.loop, ...LIPS.inner.loop]);
const lips = LIPS.outer.loop.map((v) => [restPx[v * 3], restPx[v * 3 + 1]] as const);
const FACE_POINTS = 468;

function findTriangle(wanted: (inLips: boolean) => boolean): number[] {
  for (let t = 0; t < indices.length; t += 3) {
    const tri = [indices[t], indices[t + 1], indices[t + 2]];
    if (tri.some((v) => v >= FACE_POINTS || loops.has(v) || shade[v * SHADE_STRIDE] !== RigLayer.Skin)) continue;
    const x = (restPx[tri[0] * 3] + restPx[tri[1] * 3] + restPx[tri[2] * 3]) / 3;
    const y = (restPx[tri[0] * 3 + 1] + restPx[tri[1] * 3 + 1] + restPx[tri[2] * 3 + 1]) / 3;
    if (wanted(insidePolygon(x, y, lips))) return tri;
  }
  throw new Error('no such triangle');
}

/** Pulls a triangle's corners toward its centroid, leaving 0.16 of its area: beyond the limit of a third. */
function shrunk(rest: Float32Array, tri: number[]): Float32Array {
  const posed = rest.slice();
  const cx = (rest[tri[0] * 3] + rest[tri[1] * 3] + rest[tri[2] * 3]) / 3;
  const cy = (rest[tri[0] * 3 + 1] + rest[tri[1] * 3 + 1] + rest[tri[2] * 3 + 1]) / 3;
  for (const v of tri) {
    posed[v * 3] = cx + (rest[v * 3] - cx) * 0.4;
    posed[v * 3 + 1] = cy + (rest[v * 3 + 1] - cy) * 0.4;
  }
  return posed;
}

describe('MeshTearingCheck', () => {
  const rest = new Float32Array(rig.positionsLength);
  rig.deform(new FaceControls(), rest);
  const check = new MeshTearingCheck(rig.data);

  it('counts nothing on the rest pose', () => {
    expect(check.measure(rest, rest)).toMatchObject({ foldOvers: 0, overStretched: 0 });
  });

  it('lets the red of the lips stretch, between the lip contours, as lips do', () => {
    const posed = shrunk(rest, findTriangle((inLips) => inLips));
    // Folds still count everywhere: squeezing one lip triangle may flip a sliver beside it.
    expect(check.measure(rest, posed).overStretched).toBe(0);
  });

  it('names the corners of a triangle that folds over', () => {
    const tri = findTriangle((inLips) => !inLips);
    const posed = rest.slice();
    // The first corner mirrored through the opposite edge's midpoint: the triangle flips.
    const mx = (rest[tri[1] * 3] + rest[tri[2] * 3]) / 2, my = (rest[tri[1] * 3 + 1] + rest[tri[2] * 3 + 1]) / 2;
    posed[tri[0] * 3] = 2 * mx - rest[tri[0] * 3];
    posed[tri[0] * 3 + 1] = 2 * my - rest[tri[0] * 3 + 1];
    const torn = check.measure(rest, posed);
    expect(torn.foldOvers).toBeGreaterThan(0);
    expect(torn.folded).toHaveLength(torn.foldOvers * 3);
    const named = Array.from({ length: torn.foldOvers }, (_, k) => torn.folded.slice(k * 3, k * 3 + 3).sort((a, b) => a - b).join('-'));
    expect(named).toContain([...tri].sort((a, b) => a - b).join('-'));
    expect(check.measure(rest, rest).folded).toEqual([]);
  });

  it('counts the same squeeze on the cheek', () => {
    const posed = shrunk(rest, findTriangle((inLips) => !inLips));
    expect(check.measure(rest, posed).overStretched).toBeGreaterThan(0);
  });
});
