import { describe, expect, it } from 'vitest';
import { RigFormatError } from '../../../plugin/core/errors';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { PortraitRig, buildPortraitRig, parseRigJson, serializeRig } from '../../../plugin/rig';
import { capTurnGains } from '../../../plugin/rig/capTurnGains';
import { easeCorrectiveFolds, tornWorse } from '../../../plugin/rig/easeCorrectiveFolds';
import { LANDMARK_COUNT } from '../../../plugin/rig/landmarkPixels';
import type { RigMorph } from '../../../plugin/rig/PortraitRigData';
import {
  CORRECTIVE_COUNT, CORRECTIVE_TURNS, MAX_CORRECTIVE_FACE_HEIGHTS, MAX_CORRECTIVE_WEIGHT, correctiveMorph, correctiveWeights,
} from '../../../plugin/rig/turnCorrectives';
import { MAX_AREA_GROWTH, MIN_AREA_SHRINK } from '../../../plugin/rig/stretchLimits';
import { subtractFit } from '../../../plugin/rig/withoutFields';
import { MeshTearingCheck } from '../../../tools/eval/meshTearing';
import { faceFixtures, flatLandmarks } from './rigFixtures';

const fixture = faceFixtures().find((f) => /flare-female01/.test(f.portrait)) ?? faceFixtures()[0];
const build = () => new PortraitRig(buildPortraitRig({ landmarks: flatLandmarks(fixture), imageWidth: fixture.width, imageHeight: fixture.height }));
const NOSE_TIP = 1;
const LEFT_CHEEK = 425;

/** Nudges that move one landmark right by `px` image pixels and leave the rest. */
function oneNudge(landmark: number, px: number): Float32Array {
  const n = new Float32Array(LANDMARK_COUNT * 2);
  n[landmark * 2] = px;
  return n;
}

function posed(rig: PortraitRig, yaw: number, pitch: number): Float32Array {
  const out = new Float32Array(rig.positionsLength);
  rig.deform(new FaceControls().setHead(yaw, pitch, 0), out);
  return out;
}

describe('head-turn correctives', () => {
  it('weigh in linearly with the angle, one side per axis, up to the furthest turn', () => {
    const w = new Float32Array(CORRECTIVE_COUNT);
    correctiveWeights({ yaw: 0, pitch: 0 }, w);
    expect([...w]).toEqual([0, 0, 0, 0]);
    correctiveWeights({ yaw: CORRECTIVE_TURNS[0].yaw / 2, pitch: CORRECTIVE_TURNS[3].pitch }, w);
    expect([...w]).toEqual([0.5, 0, 0, 1]);
    correctiveWeights({ yaw: CORRECTIVE_TURNS[1].yaw * 3, pitch: 0 }, w);
    expect([...w]).toEqual([0, MAX_CORRECTIVE_WEIGHT, 0, 0]);
  });

  it('leave the rest pose alone and move a landmark by their nudge at their own turn', () => {
    const rig = build();
    const without = [posed(rig, 0, 0), posed(rig, CORRECTIVE_TURNS[0].yaw, 0), posed(rig, CORRECTIVE_TURNS[1].yaw, 0)];
    const correctives = CORRECTIVE_TURNS.map((_, c) => correctiveMorph(rig.data, oneNudge(NOSE_TIP, c === 0 ? 4 : 0)));
    rig.setTurnCorrectives(correctives);
    expect(posed(rig, 0, 0)).toEqual(without[0]);
    expect(posed(rig, CORRECTIVE_TURNS[1].yaw, 0)).toEqual(without[2]);
    const turned = posed(rig, CORRECTIVE_TURNS[0].yaw, 0);
    const movedPx = Math.hypot((turned[NOSE_TIP * 3] - without[1][NOSE_TIP * 3]) * fixture.width, (turned[NOSE_TIP * 3 + 1] - without[1][NOSE_TIP * 3 + 1]) * fixture.height);
    // A yaw shortens a sideways nudge by the cosine of the turned angle.
    expect(movedPx).toBeCloseTo(4 * Math.cos(CORRECTIVE_TURNS[0].yaw * rig.data.yawGain), 3);
    expect(() => rig.setTurnCorrectives(correctives.slice(1))).toThrow(RangeError);
  });

  it('are clamped to a share of the face height', () => {
    const rig = build();
    const morph = correctiveMorph(rig.data, oneNudge(NOSE_TIP, 1e4));
    const k = [...morph.vertices].indexOf(NOSE_TIP);
    expect(morph.deltas[k * 3]).toBeCloseTo(MAX_CORRECTIVE_FACE_HEIGHTS * rig.data.frame.faceHeight, 3);
  });

  it('survive a save and load, and a rig file with a wild one is refused', () => {
    const rig = build();
    rig.setTurnCorrectives(CORRECTIVE_TURNS.map(() => correctiveMorph(rig.data, oneNudge(LEFT_CHEEK, 3))));
    const loaded = parseRigJson(JSON.stringify(serializeRig(rig.data)));
    expect(loaded.turnCorrectives?.map((m) => [...m.deltas])).toEqual(rig.data.turnCorrectives?.map((m) => [...m.deltas]));
    const tooFar = serializeRig(rig.data);
    tooFar.turnCorrectives![2].deltas[0] = rig.data.frame.faceHeight;
    expect(() => parseRigJson(JSON.stringify(tooFar))).toThrow(RigFormatError);
    const tooFew = serializeRig(rig.data);
    tooFew.turnCorrectives!.pop();
    expect(() => parseRigJson(JSON.stringify(tooFew))).toThrow(/turnCorrectives must be an array of 4/);
    const noCorrectives = serializeRig(build().data);
    expect(noCorrectives.turnCorrectives).toBeUndefined();
  });

  it('are eased until the turn with them folds nothing the turn alone did not', () => {
    const rig = build();
    const check = new MeshTearingCheck(rig.data);
    const rest = posed(rig, 0, 0);
    // Every landmark nudged a random way, far: the face mesh's slivers fold.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    const wild = new Float32Array(LANDMARK_COUNT * 2).map(() => random() * 0.03 * rig.data.frame.faceHeight);
    const correctives: RigMorph[] = CORRECTIVE_TURNS.map(() => correctiveMorph(rig.data, new Float32Array(LANDMARK_COUNT * 2)));
    correctives[0] = correctiveMorph(rig.data, wild);
    rig.setTurnCorrectives(correctives);
    expect(check.measure(rest, posed(rig, CORRECTIVE_TURNS[0].yaw, 0)).foldOvers).toBeGreaterThan(0);
    correctives[0] = easeCorrectiveFolds(rig, correctives, 0, wild);
    rig.setTurnCorrectives(correctives);
    const eased = check.measure(rest, posed(rig, CORRECTIVE_TURNS[0].yaw, 0));
    expect(eased.foldOvers).toBe(0);
    expect(eased.overStretched).toBe(0);
  });

  it('count a triangle the turn squeezed into the headroom as torn further once the corrective stretches it past the limit', () => {
    // flare-female12's nose sliver: 0.40 of its area with the turn alone, 4.46 with the corrective.
    const squeezed = MIN_AREA_SHRINK * 1.2;
    expect(tornWorse(4.46, squeezed, true)).toBe(true);
    expect(tornWorse(MIN_AREA_SHRINK * 0.9, MAX_AREA_GROWTH * 0.9, true)).toBe(true);
    // Stretched, but inside the limits: the headroom alone does not count against it.
    expect(tornWorse(MAX_AREA_GROWTH * 0.9, squeezed, true)).toBe(false);
    // Squeezed further, or eased back: as before.
    expect(tornWorse(squeezed * 0.9, squeezed, true)).toBe(true);
    expect(tornWorse(squeezed * 1.05, squeezed, true)).toBe(false);
    // Lids and lips: only folds count.
    expect(tornWorse(4.46, squeezed, false)).toBe(false);
  });
});

describe('capTurnGains', () => {
  it('lowers a gain whose turn tears the mesh until it tears nothing, and keeps one that tears nothing', () => {
    const rig = build();
    const check = new MeshTearingCheck(rig.data);
    const rest = posed(rig, 0, 0);
    rig.setHeadGains(2.5, 1);
    expect(check.measure(rest, posed(rig, CORRECTIVE_TURNS[0].yaw, 0)).overStretched).toBeGreaterThan(0);
    capTurnGains(rig, CORRECTIVE_TURNS[0].yaw, CORRECTIVE_TURNS[2].pitch);
    expect(rig.data.yawGain).toBeLessThan(2.5);
    expect(rig.data.pitchGain).toBe(1);
    for (const c of CORRECTIVE_TURNS) expect(check.measure(rest, posed(rig, c.yaw, c.pitch))).toMatchObject({ foldOvers: 0, overStretched: 0 });
  });
});

describe('subtractFit', () => {
  it('takes out exactly what the fields explain and keeps what they cannot', () => {
    const right = Float32Array.from([1, 0, 1, 0, 1, 0]);
    const spread = Float32Array.from([-1, 0, 0, 0, 1, 0]);
    const shape = Float32Array.from([0, 1, 0, -2, 0, 1]);
    const motion = shape.map((v, i) => v + 3 * right[i] - 0.5 * spread[i]);
    subtractFit(motion, [right, spread, new Float32Array(6), right]);
    for (let i = 0; i < 6; i++) expect(motion[i]).toBeCloseTo(shape[i], 6);
  });
});
