import { describe, expect, it } from 'vitest';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { LIPS } from '../../../plugin/core/landmarkIndices';
import { PortraitRig, buildPortraitRig } from '../../../plugin/rig';
import { LANDMARK_COUNT } from '../../../plugin/rig/landmarkPixels';
import { MOUTH_LIP_PARTING, MOUTH_OPEN_TEETH_SHARE } from '../../../plugin/rig/PortraitRig';
import { MIN_OPEN_TEETH_SHARE } from '../../../plugin/rig/PortraitRigData';
import { CORRECTIVE_TURNS, correctiveMorph } from '../../../plugin/rig/turnCorrectives';
import { TEETH_HEIGHT, TEETH_RECEDE_SPAN, writeTeethHeight } from '../../../plugin/render/teethShow';
import { faceFixtures, flatLandmarks } from './rigFixtures';

const fixture = faceFixtures()[0];
const build = () => new PortraitRig(buildPortraitRig({ landmarks: flatLandmarks(fixture), imageWidth: fixture.width, imageHeight: fixture.height }));
const LOWER_MID = LIPS.inner.lower[(LIPS.inner.lower.length - 1) / 2];

function partingAt(rig: PortraitRig, set: (c: FaceControls) => void): number {
  const controls = new FaceControls();
  set(controls);
  rig.deform(controls, new Float32Array(rig.positionsLength));
  return rig.mouthFigures[MOUTH_LIP_PARTING];
}

function teethFor(parting: number, share: number): number {
  const out = new Float32Array(1);
  writeTeethHeight(Float32Array.of(parting, share), out, 0);
  return out[0];
}

describe('teeth in an open mouth', () => {
  it('count the lips the expressions part, not the parting a head-turn corrective adds', () => {
    const rig = build();
    expect(partingAt(rig, () => undefined)).toBe(0);
    const jaw = partingAt(rig, (c) => c.set('jawOpen', 1));
    expect(jaw).toBeGreaterThan(0.05);
    expect(partingAt(rig, (c) => c.set('jawOpen', 0.5))).toBeLessThan(jaw);
    // A corrective that drops the lower lip 4 % of the face height at every turn.
    const turn = CORRECTIVE_TURNS[2];
    const turnedWithout = new Float32Array(rig.positionsLength), turned = new Float32Array(rig.positionsLength);
    rig.deform(new FaceControls().setHead(turn.yaw, turn.pitch, 0), turnedWithout);
    const nudge = new Float32Array(LANDMARK_COUNT * 2);
    nudge[LOWER_MID * 2 + 1] = 0.04 * rig.data.frame.faceHeight;
    rig.setTurnCorrectives(CORRECTIVE_TURNS.map(() => correctiveMorph(rig.data, nudge)));
    rig.deform(new FaceControls().setHead(turn.yaw, turn.pitch, 0), turned);
    const droppedPx = (turned[LOWER_MID * 3 + 1] - turnedWithout[LOWER_MID * 3 + 1]) * rig.data.imageHeight;
    expect(droppedPx / rig.data.frame.faceHeight).toBeGreaterThan(0.02);
    expect(rig.mouthFigures[MOUTH_LIP_PARTING]).toBe(0);
    expect(partingAt(rig, (c) => c.set('jawOpen', 1).setHead(turn.yaw, turn.pitch, 0))).toBeCloseTo(jaw, 6);
  });

  it('show in full while the lips are barely parted and recede to the rig\'s share over a full opening', () => {
    expect(teethFor(0, 0.5)).toBeCloseTo(TEETH_HEIGHT, 8);
    expect(teethFor(TEETH_RECEDE_SPAN / 2, 0.5)).toBeCloseTo(0.75 * TEETH_HEIGHT, 8);
    expect(teethFor(TEETH_RECEDE_SPAN, 0.5)).toBeCloseTo(0.5 * TEETH_HEIGHT, 8);
    expect(teethFor(3 * TEETH_RECEDE_SPAN, 0.5)).toBeCloseTo(0.5 * TEETH_HEIGHT, 8);
    expect(teethFor(3 * TEETH_RECEDE_SPAN, 1)).toBeCloseTo(TEETH_HEIGHT, 8);
  });

  it('take the share a calibration sets, and refuse one outside its range', () => {
    const rig = build();
    expect(rig.mouthFigures[MOUTH_OPEN_TEETH_SHARE]).toBe(1);
    rig.setOpenTeethShare(0.6);
    expect(rig.mouthFigures[MOUTH_OPEN_TEETH_SHARE]).toBeCloseTo(0.6, 6);
    expect(rig.data.openTeethShare).toBe(0.6);
    expect(new PortraitRig(rig.data).mouthFigures[MOUTH_OPEN_TEETH_SHARE]).toBeCloseTo(0.6, 6);
    expect(() => rig.setOpenTeethShare(MIN_OPEN_TEETH_SHARE / 2)).toThrow(RangeError);
    expect(() => rig.setOpenTeethShare(1.5)).toThrow(RangeError);
    expect(() => rig.setOpenTeethShare(Number.NaN)).toThrow(RangeError);
  });
});
