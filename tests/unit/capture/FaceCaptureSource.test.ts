import { describe, expect, it } from 'vitest';
import { FaceCaptureSource, type FaceCaptureEvent } from '../../../plugin/capture/FaceCaptureSource';
import { Blendshape } from '../../../plugin/core/arkitBlendshapes';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { LIPS, SUBJECT_LEFT_EYE } from '../../../plugin/core/landmarkIndices';
import { MotionMixer } from '../../../plugin/motion/MotionMixer';
import { HEAD_CHANNEL_COUNT, MOTION_CHANNEL_COUNT, type MotionSource } from '../../../plugin/motion/MotionSource';
import { eyeSpanPx, movePoints, recordedDetections, rx, ry, turnedRigidly, withChanges } from './detectionFixtures';

const face = recordedDetections().find((f) => f.portrait === 'flare-male03.png')!.detection;
const deg = Math.PI / 180;
/** A 30 fps camera and a 60 fps game, on one fake clock. */
const CAMERA_MS = 1000 / 30;
const FRAME_MS = 1000 / 60;

function closedLeftEye() {
  const closed = withChanges(face, {});
  const eye = SUBJECT_LEFT_EYE;
  for (let k = 1; k < eye.upperLid.length - 1; k++) {
    for (let a = 0; a < 2; a++) closed.landmarks[eye.upperLid[k] * 3 + a] = face.landmarks[eye.lowerLid[k] * 3 + a];
  }
  return closed;
}

/** Runs the fake clock from `from` to `to`: camera frames give `detection` (if any), the game samples every frame. */
function run(source: FaceCaptureSource, out: FaceControls, from: number, to: number, detection: typeof face | null | 'none') {
  let nextCamera = from;
  for (let t = from; t < to; t += FRAME_MS) {
    while (detection !== 'none' && nextCamera <= t) {
      source.pushDetection(detection, nextCamera);
      nextCamera += CAMERA_MS;
    }
    source.sample(t, out);
  }
}

describe('FaceCaptureSource', () => {
  it('is a MotionSource a mixer accepts, driving head turns and the solved weights only', () => {
    const source: MotionSource = new FaceCaptureSource();
    expect(source.channels.length).toBe(MOTION_CHANNEL_COUNT);
    new MotionMixer().addLayer(source);
  });

  it('stays neutral and drives nothing before a face arrives', () => {
    const source = new FaceCaptureSource();
    const out = new FaceControls().set('jawOpen', 0.3);
    run(source, out, 0, 500, 'none');
    expect(source.state).toBe('waiting');
    expect(Math.max(...source.channels)).toBe(0);
    expect(out.weights[Blendshape.jawOpen]).toBe(0);
  });

  it('finds the face, calibrates on the first frames, eases in and follows a turn and a blink (mirrored by default)', () => {
    const source = new FaceCaptureSource({ easeMs: 300 });
    const found: FaceCaptureEvent[] = [];
    source.onTrackingFound.add((e) => found.push(e));
    const out = new FaceControls();
    run(source, out, 0, 400, face);
    expect(found.length).toBe(1);
    expect(source.state).toBe('tracking');
    expect(source.calibrating).toBe(false);
    expect(source.channels[0]).toBe(1);
    expect(source.channels[HEAD_CHANNEL_COUNT + Blendshape.eyeBlinkLeft]).toBe(1);
    expect(source.channels[3]).toBe(0); // head position is not followed by default
    expect(source.channels[HEAD_CHANNEL_COUNT + Blendshape.cheekPuff]).toBe(0);
    expect(out.weights[Blendshape.eyeBlinkLeft]).toBe(0);

    run(source, out, 400, 1400, turnedRigidly(closedLeftEye(), ry(15 * deg)));
    // Mirrored: the player's left eye closes the portrait's right; their turn goes the other way.
    expect(out.weights[Blendshape.eyeBlinkRight]).toBeGreaterThan(0.95);
    expect(out.weights[Blendshape.eyeBlinkLeft]).toBeLessThan(0.05);
    expect(out.yaw / deg).toBeCloseTo(-15, 0);
    expect(found.length).toBe(1);
  });

  it('smooths jitter: a face flickering between two poses every frame is held near their middle', () => {
    const source = new FaceCaptureSource({ mirror: false, easeMs: 0 });
    const out = new FaceControls();
    run(source, out, 0, 500, face);
    const left = turnedRigidly(face, ry(2 * deg)), right = turnedRigidly(face, ry(-2 * deg));
    let t = 500;
    let spread = 0;
    for (let k = 0; k < 60; k++, t += CAMERA_MS) {
      source.pushDetection(k % 2 ? left : right, t);
      source.sample(t, out);
      if (k > 20) spread = Math.max(spread, Math.abs(out.yaw / deg));
    }
    // Unsmoothed, the yaw would jump ±2° every frame.
    expect(spread).toBeLessThan(1);
  });

  it('says when the face is lost, eases back to neutral and lets go of its channels, then finds it again', () => {
    const source = new FaceCaptureSource({ mirror: false, lostAfterMs: 500, easeMs: 400 });
    const lost: FaceCaptureEvent[] = [];
    const found: FaceCaptureEvent[] = [];
    source.onTrackingLost.add((e) => lost.push(e));
    source.onTrackingFound.add((e) => found.push(e));
    const out = new FaceControls();
    run(source, out, 0, 400, face);
    run(source, out, 400, 1400, turnedRigidly(face, ry(12 * deg)));
    expect(out.yaw / deg).toBeCloseTo(12, 0);
    // Frames without a face: still tracking for lostAfterMs, then lost.
    run(source, out, 1400, 1850, null);
    expect(source.state).toBe('tracking');
    expect(lost.length).toBe(0);
    run(source, out, 1850, 2000, null);
    expect(source.state).toBe('lost');
    expect(lost.length).toBe(1);
    const lostAt = lost[0].timeMs;
    // Part way through the ease: between the last pose and neutral.
    source.sample(lostAt + 200, out);
    expect(out.yaw / deg).toBeGreaterThan(1);
    expect(out.yaw / deg).toBeLessThan(11);
    expect(source.channels[0]).toBeGreaterThan(0);
    expect(source.channels[0]).toBeLessThan(1);
    source.sample(lostAt + 450, out);
    expect(out.yaw).toBe(0);
    expect(Math.max(...source.channels)).toBe(0);
    expect(lost.length).toBe(1);
    // The camera stops altogether (unplugged): nothing changes, nothing fires again.
    run(source, out, lostAt + 450, lostAt + 3000, 'none');
    expect(lost.length).toBe(1);
    run(source, out, lostAt + 3000, lostAt + 4000, face);
    expect(found.length).toBe(2);
    expect(source.state).toBe('tracking');
    expect(source.channels[0]).toBe(1);
  });

  it('calibrate() takes the neutral afresh: a face held turned becomes straight ahead', () => {
    const source = new FaceCaptureSource({ mirror: false, easeMs: 0, calibrationFrames: 5 });
    const out = new FaceControls();
    run(source, out, 0, 300, face);
    const held = turnedRigidly(face, ry(10 * deg));
    run(source, out, 300, 1300, held);
    expect(out.yaw / deg).toBeCloseTo(10, 0);
    source.calibrate();
    expect(source.calibrating).toBe(true);
    run(source, out, 1300, 2300, held);
    expect(source.calibrating).toBe(false);
    expect(Math.abs(out.yaw / deg)).toBeLessThan(0.1);
  });

  it('calibrateTurns() learns from turned frames for its duration, so a turn stops reading as a smile', () => {
    const source = new FaceCaptureSource({ mirror: false, easeMs: 0, calibrationFrames: 5 });
    const out = new FaceControls();
    const corners = [LIPS.outer.subjectLeftCorner, LIPS.outer.subjectRightCorner];
    // Pitched 15° down, this face's corners read 0.04 of its unit higher than they are.
    const pitchedDown = movePoints(turnedRigidly(face, rx(15 * deg)), corners, 0, -0.04 * eyeSpanPx(face));
    run(source, out, 0, 300, face);
    run(source, out, 300, 1300, pitchedDown);
    expect(out.weights[Blendshape.mouthSmileLeft]).toBeGreaterThan(0.3);
    source.calibrateTurns(500);
    expect(source.calibratingTurns).toBe(true);
    run(source, out, 1300, 1700, face);
    run(source, out, 1700, 2000, pitchedDown);
    expect(source.solver.turnSidesSampled).toBe(1);
    run(source, out, 2000, 3000, pitchedDown);
    expect(source.calibratingTurns).toBe(false);
    expect(out.weights[Blendshape.mouthSmileLeft]).toBeLessThan(0.01);
    expect(() => source.calibrateTurns(0)).toThrow(/durationMs/);
  });

  it('refuses bad options and times, naming them', () => {
    expect(() => new FaceCaptureSource({ lostAfterMs: -1 })).toThrow(/lostAfterMs/);
    expect(() => new FaceCaptureSource({ calibrationFrames: 0 })).toThrow(/calibrationFrames/);
    expect(() => new FaceCaptureSource({ minCutoff: 0 })).toThrow(/minCutoff/);
    expect(() => new FaceCaptureSource().pushDetection(face, NaN)).toThrow(RangeError);
  });
});
