import { describe, expect, it } from 'vitest';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { SUBJECT_LEFT_IRIS, SUBJECT_RIGHT_IRIS } from '../../../plugin/core/landmarkIndices';
import { PortraitRig, buildPortraitRig } from '../../../plugin/rig';
import { LANDMARK_COUNT } from '../../../plugin/rig/landmarkPixels';
import { LOOK_LEFT, LOOK_RIGHT } from '../../../plugin/rig/PortraitRig';
import { OPENING_GAZE_LEFT, OPENING_GAZE_RIGHT } from '../../../plugin/rig/measureOpenings';
import { faceFixtures, flatLandmarks, openingsAtCorrectedTurn } from './rigFixtures';

const fixture = faceFixtures()[0];
const build = () => new PortraitRig(buildPortraitRig({ landmarks: flatLandmarks(fixture), imageWidth: fixture.width, imageHeight: fixture.height }));

function lookAt(rig: PortraitRig, set: (c: FaceControls) => void): [number, number] {
  const controls = new FaceControls();
  set(controls);
  rig.deform(controls, new Float32Array(rig.positionsLength));
  return [rig.lookFigures[LOOK_RIGHT], rig.lookFigures[LOOK_LEFT]];
}

describe('the look the expressions give the irises', () => {
  it('is none at rest or in a blink, and grows with a sideways look to most of an iris radius', () => {
    const rig = build();
    expect(lookAt(rig, () => undefined)).toEqual([0, 0]);
    for (const figure of lookAt(rig, (c) => c.set('eyeBlinkLeft', 1).set('eyeBlinkRight', 1))) expect(figure).toBeLessThan(0.02);
    const full = lookAt(rig, (c) => c.set('eyeLookOutLeft', 1).set('eyeLookInRight', 1));
    const half = lookAt(rig, (c) => c.set('eyeLookOutLeft', 0.5).set('eyeLookInRight', 0.5));
    for (const eye of [0, 1]) {
      expect(full[eye]).toBeGreaterThan(0.7);
      expect(half[eye]).toBeGreaterThan(0.2);
      expect(half[eye]).toBeLessThan(full[eye]);
    }
  });

  it('leaves out what a head turn and its correctives do to the irises', () => {
    const rig = build();
    // Correctives that carry each iris half its radius sideways at every turn: a parallax, not a look.
    // PortraitRigData.irises holds u, v, radius per eye, the subject's right first.
    const nudge = new Float32Array(LANDMARK_COUNT * 2);
    for (const [iris, radiusAt] of [[SUBJECT_RIGHT_IRIS, 2], [SUBJECT_LEFT_IRIS, 5]] as const) {
      const shift = 0.5 * rig.data.irises[radiusAt] * rig.data.imageWidth;
      for (const i of [iris.centre, ...iris.ring]) nudge[i * 2] = shift;
    }
    const { openings, turn } = openingsAtCorrectedTurn(rig, nudge);
    expect(openings[OPENING_GAZE_RIGHT], 'the drawn iris moved against its corners').toBeGreaterThan(0.3);
    expect(openings[OPENING_GAZE_LEFT]).toBeGreaterThan(0.3);
    expect(rig.lookFigures[LOOK_RIGHT]).toBe(0);
    expect(rig.lookFigures[LOOK_LEFT]).toBe(0);
    const looking = lookAt(rig, (c) => c.set('eyeLookOutLeft', 1).set('eyeLookInRight', 1));
    const lookingTurned = lookAt(rig, (c) => c.set('eyeLookOutLeft', 1).set('eyeLookInRight', 1).setHead(turn.yaw, turn.pitch, 0));
    expect(lookingTurned[0]).toBeCloseTo(looking[0], 6);
    expect(lookingTurned[1]).toBeCloseTo(looking[1], 6);
  });
});
