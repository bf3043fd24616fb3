import { describe, expect, it } from 'vitest';
import { Blendshape } from '../../../plugin/core/arkitBlendshapes';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { SUBJECT_LEFT_EYE, SUBJECT_RIGHT_EYE } from '../../../plugin/core/landmarkIndices';
import { PortraitRig, buildPortraitRig } from '../../../plugin/rig';
import { EYE_RIM_REACH, EYE_RIM_SHADE_OFFSET } from '../../../plugin/rig/eyeRim';
import { LASH_SHADE_OFFSET, shadeWithLashes } from '../../../plugin/rig/lashLine';
import {
  OPENINGS_LENGTH, OPENING_GAZE_LEFT, OPENING_GAZE_RIGHT, OPENING_LID_LEFT, OPENING_LID_RIGHT, OPENING_MOUTH, measureOpenings,
} from '../../../plugin/rig/measureOpenings';
import { SHADE_STRIDE } from '../../../plugin/rig/PortraitRigData';
import { faceFixtures, flatLandmarks } from './rigFixtures';

const fixtures = faceFixtures();

function openings(rig: PortraitRig, set: (c: FaceControls) => void): Float32Array {
  const rest = new Float32Array(rig.positionsLength);
  rig.deform(new FaceControls(), rest);
  const controls = new FaceControls();
  set(controls);
  const posed = new Float32Array(rig.positionsLength);
  rig.deform(controls, posed);
  const out = new Float32Array(OPENINGS_LENGTH);
  measureOpenings(rig.data, posed, rest, out);
  return out;
}

describe.each(fixtures.map((f) => [f.portrait, f] as const))('openings and lash lines on %s', (_name, fixture) => {
  const rig = new PortraitRig(buildPortraitRig({ landmarks: flatLandmarks(fixture), imageWidth: fixture.width, imageHeight: fixture.height }));

  it('reads no eye shut, no iris moved and no mouth opened at rest', () => {
    const rest = openings(rig, () => undefined);
    expect([rest[OPENING_GAZE_RIGHT], rest[OPENING_GAZE_LEFT], rest[OPENING_LID_RIGHT], rest[OPENING_LID_LEFT], rest[OPENING_MOUTH]]).toEqual([0, 0, 0, 0, 0]);
  });

  it('reads a blink as shut, a wink on its own side only, and a jaw as an open mouth', () => {
    const blink = openings(rig, (c) => { c.weights[Blendshape.eyeBlinkLeft] = 1; c.weights[Blendshape.eyeBlinkRight] = 1; });
    expect(blink[OPENING_LID_LEFT]).toBeGreaterThan(0.95);
    expect(blink[OPENING_LID_RIGHT]).toBeGreaterThan(0.95);
    const wink = openings(rig, (c) => { c.weights[Blendshape.eyeBlinkLeft] = 1; });
    expect(wink[OPENING_LID_LEFT]).toBeGreaterThan(0.95);
    expect(wink[OPENING_LID_RIGHT]).toBeLessThan(0.05);
    const halfBlink = openings(rig, (c) => { c.weights[Blendshape.eyeBlinkLeft] = 0.5; });
    expect(halfBlink[OPENING_LID_LEFT]).toBeGreaterThan(0.3);
    expect(halfBlink[OPENING_LID_LEFT]).toBeLessThan(0.7);
    const jaw = openings(rig, (c) => { c.weights[Blendshape.jawOpen] = 1; });
    expect(jaw[OPENING_MOUTH]).toBe(1);
    expect(jaw[OPENING_LID_LEFT] + jaw[OPENING_LID_RIGHT] + jaw[OPENING_GAZE_LEFT] + jaw[OPENING_GAZE_RIGHT]).toBeLessThan(0.05);
  });

  it('marks the upper lid margins, signed by eye, and nothing else', () => {
    const shade = shadeWithLashes(rig.data);
    const marked = new Map<number, number>();
    for (let v = 0; v < rig.vertexCount; v++) {
      const weight = shade[v * SHADE_STRIDE + LASH_SHADE_OFFSET];
      if (shade[v * SHADE_STRIDE] === 0 && weight !== 0) marked.set(v, weight);
    }
    const inner = (lid: readonly number[]) => lid.slice(1, -1);
    expect(new Map([...inner(SUBJECT_LEFT_EYE.upperLid).map((v) => [v, 1] as const), ...inner(SUBJECT_RIGHT_EYE.upperLid).map((v) => [v, -1] as const)])).toEqual(marked);
    // The rig's own shade is left as it was (rigs are shared and serialized).
    expect(rig.data.shade.some((x, i) => i % SHADE_STRIDE === LASH_SHADE_OFFSET && rig.data.shade[i - 1] === 0 && x !== 0)).toBe(false);
  });

  it('weights the skin around each eye: 1 on its outline, falling to 0 a set share of its width away, signed by eye', () => {
    const shade = shadeWithLashes(rig.data);
    const d = rig.data;
    const px = (v: number) => [d.uv[v * 2] * d.imageWidth, d.uv[v * 2 + 1] * d.imageHeight] as const;
    for (const [eye, sign] of [[SUBJECT_LEFT_EYE, 1], [SUBJECT_RIGHT_EYE, -1]] as const) {
      for (const v of eye.loop) expect(shade[v * SHADE_STRIDE + EYE_RIM_SHADE_OFFSET]).toBe(sign);
      const [ox, oy] = px(eye.outerCorner), [ix, iy] = px(eye.innerCorner);
      const reach = Math.hypot(ox - ix, oy - iy) * EYE_RIM_REACH;
      // Weights are measured to the outline's segments; its points are at most half a segment farther.
      const longest = Math.max(...eye.loop.map((u, k) => {
        const w = eye.loop[(k + 1) % eye.loop.length];
        return Math.hypot(px(u)[0] - px(w)[0], px(u)[1] - px(w)[1]);
      }));
      let weighted = 0;
      for (let v = 0; v < rig.vertexCount; v++) {
        const w = shade[v * SHADE_STRIDE + EYE_RIM_SHADE_OFFSET];
        // Other layers keep their own parameters in this slot.
        if (shade[v * SHADE_STRIDE] !== 0 || Math.sign(w) !== sign || eye.loop.includes(v)) continue;
        weighted++;
        expect(Math.abs(w)).toBeLessThan(1);
        const nearest = Math.min(...eye.loop.map((u) => Math.hypot(px(v)[0] - px(u)[0], px(v)[1] - px(u)[1])));
        expect(nearest).toBeLessThan(Math.hypot(reach, longest / 2));
      }
      expect(weighted, 'skin points around the outline').toBeGreaterThan(0);
    }
    // Far from both eyes (the chin) nothing is weighted.
    expect(shade[152 * SHADE_STRIDE + EYE_RIM_SHADE_OFFSET]).toBe(0);
  });
});
