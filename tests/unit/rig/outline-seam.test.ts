import { describe, expect, it } from 'vitest';
import { ARKIT_BLENDSHAPE_NAMES, type BlendshapeName } from '../../../plugin/core/arkitBlendshapes';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { insidePolygon } from '../../../plugin/core/polygon';
import { buildPortraitRig, PortraitRig } from '../../../plugin/rig';
import { LANDMARK_COUNT } from '../../../plugin/rig/landmarkPixels';
import { LandmarkDrivenRig } from '../../../plugin/rig/LandmarkDrivenRig';
import { parseRig, serializeRig } from '../../../plugin/rig/rigSerialization';
import { RigFormatError } from '../../../plugin/core/errors';
import { faceFixtures, flatLandmarks } from './rigFixtures';

/** A frontal face, a three-quarter profile, a tilted one and a photo. */
const PORTRAITS = ['flare-female03.png', 'flare-female07.png', 'flare-male04.png', 'astronaut.png'];
const rigs = faceFixtures()
  .filter((f) => PORTRAITS.includes(f.portrait))
  .map((f) => ({ name: f.portrait, data: buildPortraitRig({ landmarks: flatLandmarks(f), imageWidth: f.width, imageHeight: f.height }) }));

const HEADS = [[0, 0, 0], [0.5, 0, 0], [-0.5, 0.2, 0], [0, -0.35, 0.5], [0.3, 0.3, -0.5]] as const;
const COMBOS: BlendshapeName[][] = [
  ...ARKIT_BLENDSHAPE_NAMES.map((name) => [name]),
  ['jawOpen', 'mouthSmileLeft', 'mouthSmileRight'],
  ['jawOpen', 'mouthPucker'],
  ['jawLeft', 'mouthPucker', 'mouthFunnel'],
];

function pose(rig: PortraitRig, weights: readonly BlendshapeName[], head: readonly number[]): Float32Array {
  const controls = new FaceControls();
  for (const name of weights) controls.set(name, 1);
  controls.setHead(head[0], head[1], head[2]);
  const out = new Float32Array(rig.positionsLength);
  rig.deform(controls, out);
  return out;
}

/** Pixel distance from (x, y) to the closed polygon's edges. */
function distanceToEdges(x: number, y: number, polygon: readonly (readonly [number, number])[]): number {
  let best = Infinity;
  for (let j = 0, i = polygon.length - 1; j < polygon.length; i = j++) {
    const [ax, ay] = polygon[i], ex = polygon[j][0] - ax, ey = polygon[j][1] - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey)));
    best = Math.min(best, Math.hypot(ax + ex * t - x, ay + ey * t - y));
  }
  return best;
}

describe('the outline seam', () => {
  it('gives every outline point one copy, beyond the landmarks, sitting where its point sits', () => {
    for (const { data } of rigs) {
      const seam = data.outlineSeam!;
      expect(seam.length).toBe(2 * 36);
      for (let k = 0; k < seam.length; k += 2) {
        expect(seam[k]).toBeGreaterThanOrEqual(LANDMARK_COUNT);
        expect(seam[k + 1]).toBeLessThan(LANDMARK_COUNT);
        for (let c = 0; c < 3; c++) expect(data.rest[seam[k] * 3 + c]).toBe(data.rest[seam[k + 1] * 3 + c]);
        expect(data.headWeight[seam[k]]).toBe(data.headWeight[seam[k + 1]]);
      }
    }
  });

  it('leaves every copy exactly on its point at rest and in any head turn alone, so turns render as before it', () => {
    for (const { data } of rigs) {
      const rig = new PortraitRig(data);
      const seam = data.outlineSeam!;
      for (const head of HEADS) {
        const posed = pose(rig, [], head);
        for (let k = 0; k < seam.length; k += 2) {
          for (let c = 0; c < 3; c++) expect(posed[seam[k] * 3 + c]).toBe(posed[seam[k + 1] * 3 + c]);
        }
      }
    }
  });

  it('keeps the rings and the image border still under every expression: an open jaw slides the chin over the neck', () => {
    for (const { name, data } of rigs) {
      const rig = new PortraitRig(data);
      const rest = pose(rig, [], HEADS[0]);
      const copies = new Set(Array.from(data.outlineSeam!).filter((_, k) => k % 2 === 0));
      const rings: number[] = [];
      for (let v = LANDMARK_COUNT; v < data.vertexCount; v++) if (data.shade[v * 4] === 0 && !copies.has(v)) rings.push(v);
      for (const weights of COMBOS) {
        const posed = pose(rig, weights, HEADS[0]);
        for (const v of rings) {
          if (posed[v * 3] !== rest[v * 3] || posed[v * 3 + 1] !== rest[v * 3 + 1]) throw new Error(`${name} ${weights.join('+')}: ring vertex ${v} moved`);
        }
      }
      const open = pose(rig, ['jawOpen'], HEADS[0]);
      const chin = 152, chinCopy = data.outlineSeam![data.outlineSeam!.indexOf(chin) - 1];
      expect(open[chin * 3 + 1] - rest[chin * 3 + 1]).toBeGreaterThan(0.02);
      expect(open[chinCopy * 3 + 1]).toBe(rest[chinCopy * 3 + 1]);
    }
  });

  it('never opens a gap between the face and the ring: the copies stay inside the posed outline, expressions and turns together', () => {
    for (const { name, data } of rigs) {
      const rig = new PortraitRig(data);
      const seam = data.outlineSeam!;
      const n = seam.length / 2;
      const { imageWidth: w, imageHeight: h } = data;
      for (const weights of COMBOS) {
        for (const head of HEADS) {
          const posed = pose(rig, weights, head);
          const at = (v: number) => [posed[v * 3] * w, posed[v * 3 + 1] * h] as const;
          const face = Array.from({ length: n }, (_, k) => at(seam[k * 2 + 1]));
          const ring = Array.from({ length: n }, (_, k) => at(seam[k * 2]));
          for (let k = 0; k < n; k++) {
            const [a, b] = [ring[k], ring[(k + 1) % n]];
            for (let s = 0; s < 16; s++) {
              const x = a[0] + ((b[0] - a[0]) * s) / 16, y = a[1] + ((b[1] - a[1]) * s) / 16;
              if (insidePolygon(x, y, face)) continue;
              const gap = distanceToEdges(x, y, face);
              if (gap > 0.01) throw new Error(`${name} ${weights.join('+')} at ${head.join(', ')}: a gap of ${gap.toFixed(3)} px by copy ${k}`);
            }
          }
        }
      }
    }
  });

  it('glides: as an expression plays, no copy steps much further than the face moves (flare-female07 jumped 0.93 px in one of 400 steps)', () => {
    for (const { name, data } of rigs) {
      const rig = new PortraitRig(data);
      const seam = data.outlineSeam!;
      const { imageWidth: w, imageHeight: h } = data;
      for (const weight of ['jawOpen', 'jawLeft', 'mouthPucker', 'mouthSmileLeft'] as const) {
        let previous = pose(rig, [], [0.2, -0.1, 0.05]);
        const steps = 200;
        for (let s = 1; s <= steps; s++) {
          const controls = new FaceControls().set(weight, s / steps);
          controls.setHead(0.2, -0.1, 0.05);
          const posed = new Float32Array(rig.positionsLength);
          rig.deform(controls, posed);
          const step = (v: number) => Math.hypot((posed[v * 3] - previous[v * 3]) * w, (posed[v * 3 + 1] - previous[v * 3 + 1]) * h);
          let face = 0, copies = 0;
          for (let v = 0; v < LANDMARK_COUNT; v++) face = Math.max(face, step(v));
          for (let k = 0; k < seam.length; k += 2) copies = Math.max(copies, step(seam[k]));
          if (copies > 2 * face + 1e-3) throw new Error(`${name} ${weight} step ${s}: a copy moved ${copies.toFixed(3)} px, the face at most ${face.toFixed(3)} px`);
          previous = posed;
        }
      }
    }
  });

  it('lets the copies follow their points wholly when the rig is driven by landmarks', () => {
    const { data } = rigs[0];
    const driven = new LandmarkDrivenRig(new PortraitRig(data));
    const offsets = new Float32Array(LANDMARK_COUNT * 2);
    for (let i = 0; i < offsets.length; i++) offsets[i] = Math.sin(i * 12.9898) * 3;
    const out = new Float32Array(driven.positionsLength);
    driven.deform(offsets, { yaw: 0.2, pitch: -0.1, roll: 0.1, x: 0, y: 0, z: 0 }, out);
    const seam = data.outlineSeam!;
    for (let k = 0; k < seam.length; k += 2) {
      for (let c = 0; c < 2; c++) expect(out[seam[k] * 3 + c]).toBeCloseTo(out[seam[k + 1] * 3 + c], 6);
    }
  });

  it('survives a save and load, and a rig file with a broken seam is refused with a RigFormatError', () => {
    const { data } = rigs[0];
    const saved = serializeRig(data);
    expect(Array.from(parseRig(JSON.parse(JSON.stringify(saved))).outlineSeam!)).toEqual(Array.from(data.outlineSeam!));
    const seam = saved.outlineSeam!;
    const broken: [string, number[]][] = [
      ['an odd count', seam.slice(1)],
      ['a landmark as a copy', [10, ...seam.slice(1)]],
      ['a copy that is no landmark\'s', [seam[0], seam[0], ...seam.slice(2)]],
      ['a copy listed twice', [...seam, seam[0], seam[1]]],
      ['a vertex past the end', [data.vertexCount, ...seam.slice(1)]],
      ['nothing', []],
    ];
    for (const [what, outlineSeam] of broken) {
      expect(() => parseRig({ ...saved, outlineSeam }), what).toThrow(RigFormatError);
    }
  });
});
