import { describe, expect, it } from 'vitest';
import { LANDMARK_SOLVED_WEIGHTS, LandmarkSolver } from '../../../plugin/capture/LandmarkSolver';
import { ARKIT_BLENDSHAPE_NAMES, BLENDSHAPE_COUNT, Blendshape } from '../../../plugin/core/arkitBlendshapes';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { LIPS, SUBJECT_LEFT_EYE, SUBJECT_LEFT_EYEBROW, SUBJECT_LEFT_IRIS, SUBJECT_RIGHT_EYEBROW } from '../../../plugin/core/landmarkIndices';
import { CORNER_REFERENCE_SHARE, EYE_CLOSED_RATIO, JAW_FULL_GAP, SMILE_FULL_RISE } from '../../../plugin/capture/solverResponse';
import { eyeSpanPx, movePoints, mul, recordedDetections, rx, ry, rz, turnedRigidly, withChanges } from './detectionFixtures';

const faces = recordedDetections();
const deg = Math.PI / 180;
/** A neutral face solved against itself reads neutral: nothing but float32 rounding of the transform (about 2e-6 rad seen). */
const EXACT = 1e-5;
/**
 * A rigid turn of recorded landmarks must read as no expression. The recorded z is the model's,
 * not a true depth, so lids and lips shift against each other a little under rotation.
 */
const RIGID_TURN_WEIGHT_TOLERANCE = 0.1;
const RIGID_TURN_ANGLE_TOLERANCE_DEG = 0.01;

function solveAgainst(neutral: (typeof faces)[number]['detection'], seen: typeof neutral, mirror = false): FaceControls {
  const solver = new LandmarkSolver({ mirror });
  solver.setNeutral(neutral);
  const out = new FaceControls();
  solver.solve(seen, out);
  return out;
}

const solvedMax = (c: FaceControls, except: number[] = []) =>
  Math.max(...LANDMARK_SOLVED_WEIGHTS.filter((i) => !except.includes(i)).map((i) => c.weights[i]));

describe('LandmarkSolver on recorded landmarks', () => {
  it('has recorded faces to work on', () => {
    expect(faces.length).toBeGreaterThanOrEqual(17);
  });

  it.each(faces.map((f) => [f.portrait, f.detection] as const))('reads %s against itself as neutral', (_, face) => {
    const out = solveAgainst(face, face);
    expect(Math.abs(out.yaw) + Math.abs(out.pitch) + Math.abs(out.roll)).toBeLessThan(EXACT);
    expect(Math.abs(out.x) + Math.abs(out.y) + Math.abs(out.z)).toBeLessThan(EXACT);
    expect(solvedMax(out)).toBe(0);
  });

  it.each(faces.map((f) => [f.portrait, f.detection] as const))('reads a rigid turn of %s as that turn and no expression', (_, face) => {
    for (const [turn, yaw, pitch, roll] of [
      [ry(15 * deg), 15, 0, 0],
      [rx(-10 * deg), 0, 10, 0],
      [rz(12 * deg), 0, 0, 12],
      [mul(rz(-8 * deg), mul(rx(6 * deg), ry(-12 * deg))), -12, -6, -8],
    ] as const) {
      const out = solveAgainst(face, turnedRigidly(face, turn as number[][]));
      expect(out.yaw / deg).toBeCloseTo(yaw, 1);
      expect(Math.abs(out.yaw / deg - yaw)).toBeLessThan(RIGID_TURN_ANGLE_TOLERANCE_DEG);
      expect(Math.abs(out.pitch / deg - pitch)).toBeLessThan(RIGID_TURN_ANGLE_TOLERANCE_DEG);
      expect(Math.abs(out.roll / deg - roll)).toBeLessThan(RIGID_TURN_ANGLE_TOLERANCE_DEG);
      expect(solvedMax(out)).toBeLessThan(RIGID_TURN_WEIGHT_TOLERANCE);
    }
  });

  const face = faces.find((f) => f.portrait === 'flare-female01.png')!.detection;
  const unit = eyeSpanPx(face);

  it('closes the eye whose lids meet, and mirrors it to the other side on request', () => {
    // Upper lid points come down to the lower ones: the eye's aspect ratio drops to about 0.
    const closed = withChanges(face, {});
    const eye = SUBJECT_LEFT_EYE;
    for (let k = 1; k < eye.upperLid.length - 1; k++) {
      for (let a = 0; a < 2; a++) closed.landmarks[eye.upperLid[k] * 3 + a] = face.landmarks[eye.lowerLid[k] * 3 + a];
    }
    const out = solveAgainst(face, closed);
    expect(out.weights[Blendshape.eyeBlinkLeft]).toBe(1);
    expect(out.weights[Blendshape.eyeBlinkRight]).toBe(0);
    // A closed eye's iris is hidden: no gaze is read from it.
    expect(out.weights[Blendshape.eyeLookDownLeft] + out.weights[Blendshape.eyeLookUpLeft]).toBe(0);
    const mirrored = solveAgainst(face, closed, true);
    expect(mirrored.weights[Blendshape.eyeBlinkRight]).toBe(1);
    expect(mirrored.weights[Blendshape.eyeBlinkLeft]).toBe(0);
  });

  it('reads a half-closed eye as a partial blink', () => {
    const half = withChanges(face, {});
    const eye = SUBJECT_LEFT_EYE;
    // Lids meet a quarter of the way: the ratio to neutral is 0.75, between open (0.88) and closed.
    for (let k = 1; k < eye.upperLid.length - 1; k++) {
      for (let a = 0; a < 2; a++) {
        const u = face.landmarks[eye.upperLid[k] * 3 + a], l = face.landmarks[eye.lowerLid[k] * 3 + a];
        half.landmarks[eye.upperLid[k] * 3 + a] = u + (l - u) * 0.25;
      }
    }
    const blink = solveAgainst(face, half).weights[Blendshape.eyeBlinkLeft];
    expect(blink).toBeGreaterThan(0.3);
    expect(blink).toBeLessThan(0.6);
    expect(EYE_CLOSED_RATIO).toBeLessThan(0.75);
  });

  it('opens the jaw in proportion to the lip gap, and an open jaw is no smile', () => {
    const lower = [...LIPS.inner.lower.slice(1, -1), ...LIPS.outer.lower.slice(1, -1), 152];
    const corners = [LIPS.outer.subjectLeftCorner, LIPS.outer.subjectRightCorner];
    for (const share of [0.5, 1]) {
      const drop = share * JAW_FULL_GAP * unit;
      // The mouth corners drop with the jaw, a share of the lower lip's drop.
      const open = movePoints(movePoints(face, lower, 0, drop), corners, 0, CORNER_REFERENCE_SHARE * drop);
      const out = solveAgainst(face, open);
      expect(out.weights[Blendshape.jawOpen]).toBeGreaterThan(share - 0.12);
      expect(out.weights[Blendshape.jawOpen]).toBeLessThanOrEqual(share);
      expect(out.weights[Blendshape.mouthSmileLeft] + out.weights[Blendshape.mouthSmileRight]).toBe(0);
    }
  });

  it('smiles on the side whose corner rises', () => {
    const out = solveAgainst(face, movePoints(face, [LIPS.outer.subjectLeftCorner], 0, -SMILE_FULL_RISE * unit));
    expect(out.weights[Blendshape.mouthSmileLeft]).toBeGreaterThan(0.9);
    expect(out.weights[Blendshape.mouthSmileRight]).toBe(0);
    const frown = solveAgainst(face, movePoints(face, [LIPS.outer.subjectRightCorner], 0, SMILE_FULL_RISE * unit));
    expect(frown.weights[Blendshape.mouthFrownRight]).toBeGreaterThan(0.9);
    expect(frown.weights[Blendshape.mouthSmileRight]).toBe(0);
  });

  it('raises and lowers the brows', () => {
    const brows = [...SUBJECT_LEFT_EYEBROW.upper, ...SUBJECT_LEFT_EYEBROW.lower, ...SUBJECT_RIGHT_EYEBROW.upper, ...SUBJECT_RIGHT_EYEBROW.lower];
    const up = solveAgainst(face, movePoints(face, brows, 0, -0.06 * unit));
    expect(up.weights[Blendshape.browInnerUp]).toBeGreaterThan(0.9);
    expect(up.weights[Blendshape.browOuterUpLeft]).toBeGreaterThan(0.9);
    expect(up.weights[Blendshape.browDownLeft]).toBe(0);
    const down = solveAgainst(face, movePoints(face, brows, 0, 0.05 * unit));
    expect(down.weights[Blendshape.browDownLeft]).toBeGreaterThan(0.9);
    expect(down.weights[Blendshape.browDownRight]).toBeGreaterThan(0.9);
    expect(down.weights[Blendshape.browInnerUp]).toBe(0);
  });

  it('reads gaze from the iris within the eye: toward the image right is out for the left eye', () => {
    const width = Math.hypot((face.landmarks[263 * 3] - face.landmarks[362 * 3]) * face.imageWidth, (face.landmarks[263 * 3 + 1] - face.landmarks[362 * 3 + 1]) * face.imageHeight);
    const iris = [SUBJECT_LEFT_IRIS.centre, ...SUBJECT_LEFT_IRIS.ring];
    const out = solveAgainst(face, movePoints(face, iris, 0.2 * width, 0));
    expect(out.weights[Blendshape.eyeLookOutLeft]).toBeGreaterThan(0.9);
    expect(out.weights[Blendshape.eyeLookInLeft]).toBe(0);
    const up = solveAgainst(face, movePoints(face, iris, 0, -0.1 * width));
    expect(up.weights[Blendshape.eyeLookUpLeft]).toBeGreaterThan(0.6);
    expect(up.weights[Blendshape.eyeLookDownLeft]).toBe(0);
  });

  it('mirrors turns and tilts: yaw and roll change sign, pitch does not', () => {
    const turned = turnedRigidly(face, mul(rz(10 * deg), mul(rx(-8 * deg), ry(14 * deg))));
    const plain = solveAgainst(face, turned);
    const mirrored = solveAgainst(face, turned, true);
    expect(mirrored.yaw).toBeCloseTo(-plain.yaw, 6);
    expect(mirrored.roll).toBeCloseTo(-plain.roll, 6);
    expect(mirrored.pitch).toBeCloseTo(plain.pitch, 6);
    expect(plain.yaw / deg).toBeCloseTo(14, 2);
  });

  describe('turn samples', () => {
    const corners = [LIPS.outer.subjectLeftCorner, LIPS.outer.subjectRightCorner];
    /** How far this face's corners drift up at 15° of pitch down, in its unit: about what the detector read on the portraits that drift most. */
    const DRIFT_AT_15 = 0.04;
    /** The neutral face turned `pitchDownDeg` down (rx > 0 is pitch down), its corners drifting up in proportion. */
    const drifted = (pitchDownDeg: number, extraRise = 0) =>
      movePoints(turnedRigidly(face, rx(pitchDownDeg * deg)), corners, 0, -(DRIFT_AT_15 * (pitchDownDeg / 15) + extraRise) * unit);
    const smile = (c: FaceControls) => Math.max(c.weights[Blendshape.mouthSmileLeft], c.weights[Blendshape.mouthSmileRight]);

    it('takes the drift a turned neutral face showed off in proportion to the turn, and keeps a real smile', () => {
      const solver = new LandmarkSolver();
      solver.setNeutral(face);
      const out = new FaceControls();
      solver.solve(drifted(10), out);
      expect(smile(out), 'unlearned, the drift reads as a smile').toBeGreaterThan(0.3);
      expect(solver.addTurnSample(drifted(15))).toBe(true);
      expect(solver.turnSidesSampled).toBe(1);
      solver.solve(drifted(10), out);
      expect(out.pitch / deg).toBeCloseTo(-10, 1);
      expect(smile(out)).toBe(0);
      solver.solve(drifted(10, SMILE_FULL_RISE), out);
      expect(out.weights[Blendshape.mouthSmileLeft]).toBeGreaterThan(0.9);
      expect(out.weights[Blendshape.mouthSmileRight]).toBeGreaterThan(0.9);
    });

    it('corrects only the sides sampled, each from its own samples', () => {
      const solver = new LandmarkSolver();
      solver.setNeutral(face);
      solver.addTurnSample(drifted(15));
      const out = new FaceControls();
      // Pitch up was never sampled: a face whose corners drop as it pitches up still reads a frown.
      solver.solve(drifted(-10), out);
      expect(Math.max(out.weights[Blendshape.mouthFrownLeft], out.weights[Blendshape.mouthFrownRight])).toBeGreaterThan(0.3);
      // The same drift under yaw is not taken off by a pitch sample.
      solver.solve(movePoints(turnedRigidly(face, ry(15 * deg)), corners, 0, -DRIFT_AT_15 * unit), out);
      expect(smile(out)).toBeGreaterThan(0.3);
      solver.addTurnSample(drifted(-15));
      solver.solve(drifted(-10), out);
      expect(Math.max(out.weights[Blendshape.mouthFrownLeft], out.weights[Blendshape.mouthFrownRight])).toBe(0);
      expect(solver.turnSidesSampled).toBe(2);
    });

    it('learns nothing from a small turn, a detection without a transform, or before a neutral; clearing forgets', () => {
      const solver = new LandmarkSolver();
      expect(solver.addTurnSample(drifted(15)), 'no neutral yet').toBe(false);
      solver.setNeutral(face);
      expect(solver.addTurnSample(drifted(3)), 'under 5°').toBe(false);
      expect(solver.addTurnSample(withChanges(drifted(15), { transform: null })), 'no transform').toBe(false);
      expect(solver.turnSidesSampled).toBe(0);
      solver.addTurnSample(drifted(15));
      solver.clearTurnSamples();
      expect(solver.turnSidesSampled).toBe(0);
      solver.addTurnSample(drifted(15));
      solver.setNeutral(face);
      expect(solver.turnSidesSampled, 'a new neutral forgets samples measured against the old one').toBe(0);
      solver.addTurnSample(drifted(15));
      solver.addNeutralSample(face);
      expect(solver.turnSidesSampled, 'so does a neutral averaged further').toBe(0);
      expect(() => solver.addTurnSample({} as never)).toThrow(/addTurnSample/);
    });
  });

  it('takes the first detection as neutral when none was set, and averages neutral samples', () => {
    const solver = new LandmarkSolver();
    expect(solver.hasNeutral).toBe(false);
    const out = new FaceControls();
    solver.solve(face, out);
    expect(solver.hasNeutral).toBe(true);
    expect(solvedMax(out)).toBe(0);
    // Two neutral samples half a full smile apart: a face between them reads as no smile.
    const corners = [LIPS.outer.subjectLeftCorner, LIPS.outer.subjectRightCorner];
    solver.setNeutral(face);
    solver.addNeutralSample(movePoints(face, corners, 0, -SMILE_FULL_RISE * unit));
    solver.solve(movePoints(face, corners, 0, -0.5 * SMILE_FULL_RISE * unit), out);
    expect(out.weights[Blendshape.mouthSmileLeft]).toBe(0);
  });

  it('reads head roll from the eye line when the model gives no transform', () => {
    const solver = new LandmarkSolver();
    solver.setNeutral({ ...face, transform: null });
    const out = new FaceControls();
    const tilted = turnedRigidly(face, rz(10 * deg));
    solver.solve({ ...tilted, transform: null }, out);
    expect(out.roll / deg).toBeCloseTo(10, 0);
    expect(out.yaw).toBe(0);
  });

  it('takes a model\'s blendshapes as they are, mirrored on request, and leaves unsolved weights alone on the landmark path', () => {
    const blendshapes = new Float32Array(BLENDSHAPE_COUNT);
    blendshapes[Blendshape.eyeBlinkLeft] = 0.8;
    blendshapes[Blendshape.cheekPuff] = 0.4;
    blendshapes[Blendshape.mouthPressLeft] = 0.3;
    const withModel = { ...face, blendshapes };
    expect(solveAgainst(face, withModel).weights[Blendshape.eyeBlinkLeft]).toBeCloseTo(0.8, 6);
    const mirrored = solveAgainst(face, withModel, true);
    expect(mirrored.weights[Blendshape.eyeBlinkRight]).toBeCloseTo(0.8, 6);
    expect(mirrored.weights[Blendshape.mouthPressRight]).toBeCloseTo(0.3, 6);
    expect(mirrored.weights[Blendshape.cheekPuff]).toBeCloseTo(0.4, 6);
    const solver = new LandmarkSolver({ useModelBlendshapes: false });
    const out = new FaceControls().set('cheekPuff', 0.5);
    solver.solve(withModel, out);
    expect(out.weights[Blendshape.eyeBlinkLeft]).toBe(0);
    expect(out.weights[Blendshape.cheekPuff]).toBe(0.5);
  });

  it('every solved weight is a real ARKit weight', () => {
    for (const i of LANDMARK_SOLVED_WEIGHTS) expect(ARKIT_BLENDSHAPE_NAMES[i]).toBeTruthy();
  });

  it('refuses what is not a detection, naming the method', () => {
    const solver = new LandmarkSolver();
    expect(() => solver.solve({} as never, new FaceControls())).toThrow(TypeError);
    expect(() => solver.solve({ ...face, landmarks: new Float32Array(10) }, new FaceControls())).toThrow(/LandmarkSolver\.solve/);
    expect(() => solver.setNeutral({ ...face, imageWidth: 0 })).toThrow(RangeError);
  });
});
