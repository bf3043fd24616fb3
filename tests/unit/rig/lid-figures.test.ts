import { describe, expect, it } from 'vitest';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { SUBJECT_LEFT_EYE, SUBJECT_RIGHT_EYE } from '../../../plugin/core/landmarkIndices';
import { PortraitRig, buildPortraitRig } from '../../../plugin/rig';
import { LANDMARK_COUNT } from '../../../plugin/rig/landmarkPixels';
import { LID_LEFT, LID_RIGHT } from '../../../plugin/rig/PortraitRig';
import { OPENING_LID_LEFT, OPENING_LID_RIGHT } from '../../../plugin/rig/measureOpenings';
import { faceFixtures, flatLandmarks, openingsAtCorrectedTurn } from './rigFixtures';

const fixture = faceFixtures()[0];
const build = () => new PortraitRig(buildPortraitRig({ landmarks: flatLandmarks(fixture), imageWidth: fixture.width, imageHeight: fixture.height }));
const middle = (list: readonly number[]) => list[Math.floor(list.length / 2)];

function lidsAt(rig: PortraitRig, controls: FaceControls): [number, number] {
  rig.deform(controls, new Float32Array(rig.positionsLength));
  return [rig.lidFigures[LID_RIGHT], rig.lidFigures[LID_LEFT]];
}

describe('how shut the expressions make the eyes', () => {
  it('is open at rest, shut in a blink, one eye in a wink, and partway in half a blink', () => {
    const rig = build();
    expect(lidsAt(rig, new FaceControls())).toEqual([0, 0]);
    for (const lid of lidsAt(rig, new FaceControls().set('eyeBlinkLeft', 1).set('eyeBlinkRight', 1))) expect(lid).toBeGreaterThan(0.95);
    const [right, left] = lidsAt(rig, new FaceControls().set('eyeBlinkLeft', 1));
    expect(left).toBeGreaterThan(0.95);
    expect(right).toBeLessThan(0.05);
    const [, half] = lidsAt(rig, new FaceControls().set('eyeBlinkLeft', 0.5));
    expect(half).toBeGreaterThan(0.3);
    expect(half).toBeLessThan(0.7);
  });

  it('leaves out a head turn whose correctives narrow the lid gap on screen', () => {
    const rig = build();
    // Correctives that drop every upper lid half its gap at every turn: what a steep pitch did on a three-quarter profile.
    const nudge = new Float32Array(LANDMARK_COUNT * 2);
    for (const eye of [SUBJECT_RIGHT_EYE, SUBJECT_LEFT_EYE]) {
      const gap = rig.data.rest[middle(eye.lowerLid) * 3 + 1] - rig.data.rest[middle(eye.upperLid) * 3 + 1];
      for (const v of eye.upperLid.slice(1, -1)) nudge[v * 2 + 1] = 0.5 * gap;
    }
    const { openings, turn } = openingsAtCorrectedTurn(rig, nudge);
    expect(openings[OPENING_LID_RIGHT], 'the drawn lids narrowed').toBeGreaterThan(0.3);
    expect(openings[OPENING_LID_LEFT]).toBeGreaterThan(0.3);
    expect([rig.lidFigures[LID_RIGHT], rig.lidFigures[LID_LEFT]]).toEqual([0, 0]);
    const blinking = new FaceControls().set('eyeBlinkLeft', 1).set('eyeBlinkRight', 1);
    const shut = lidsAt(rig, blinking);
    const shutTurned = lidsAt(rig, blinking.setHead(turn.yaw, turn.pitch, 0));
    expect(shutTurned[0]).toBeCloseTo(shut[0], 6);
    expect(shutTurned[1]).toBeCloseTo(shut[1], 6);
  });
});
