import { describe, expect, it } from 'vitest';
import { LandmarkTransfer } from '../../../plugin/capture/LandmarkTransfer';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { CHIN, FOREHEAD_TOP, LIPS, SUBJECT_LEFT_EYE, SUBJECT_RIGHT_EYE } from '../../../plugin/core/landmarkIndices';
import { recordedDetections, ry, turnedRigidly, withChanges } from './detectionFixtures';
import { jawDropped, jawShare, LOWER_LIP_MIDDLE, movedInPlane } from './performerEdits';

const all = recordedDetections();
const find = (name: string) => all.find((r) => r.portrait.startsWith(name))!.detection;
const performer = find('flare-male01');
const portrait = find('astronaut');
const DEG = Math.PI / 180;
/** Landmark jitter a pose change leaves after the head frame removes it, in portrait pixels (float32 and the eye-line estimate). */
const POSE_RESIDUE_PX = 0.05;
/** The head frame is 3-D, so part of a drawn-in drop leans into depth with the recorded head's pitch: 10 % off is the same motion. */
const DROP_TOLERANCE = 0.1;

function faceHeightPx(d: typeof performer): number {
  const p = d.landmarks;
  return Math.hypot((p[FOREHEAD_TOP * 3] - p[CHIN * 3]) * d.imageWidth, (p[FOREHEAD_TOP * 3 + 1] - p[CHIN * 3 + 1]) * d.imageHeight);
}

function transferred(neutral: typeof performer, frame: typeof performer, mirror = false) {
  const transfer = new LandmarkTransfer({ mirror });
  transfer.setPortrait(portrait);
  transfer.setNeutral(neutral);
  const offsets = new Float32Array(478 * 2), head = new FaceControls();
  transfer.transfer(frame, offsets, head);
  return { offsets, head };
}

const largest = (a: Float32Array) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

/** The performer's own left eye half shut: its upper lid drawn `px` image pixels down. */
function leftEyeShutting(d: typeof performer, px: number): typeof performer {
  const landmarks = Float32Array.from(d.landmarks);
  const lid = SUBJECT_LEFT_EYE.upperLid;
  for (let k = 1; k < lid.length - 1; k++) landmarks[lid[k] * 3 + 1] += px / d.imageHeight;
  return withChanges(d, { landmarks });
}

/** Mean downward offset of an eye's inner upper-lid points, portrait pixels. */
function lidDrop(offsets: Float32Array, eye: typeof SUBJECT_LEFT_EYE): number {
  const inner = eye.upperLid.slice(1, -1);
  return inner.reduce((sum, i) => sum + offsets[i * 2 + 1], 0) / inner.length;
}

describe('LandmarkTransfer', () => {
  it('gives no offset and no head motion for the neutral itself', () => {
    const { offsets, head } = transferred(performer, performer);
    expect(largest(offsets)).toBe(0);
    // The turn between two equal transforms is zero up to float32 rounding of their rotations.
    for (const value of [head.yaw, head.pitch, head.roll, head.x, head.y, head.z]) expect(Math.abs(value)).toBeLessThan(1e-5);
  });

  it('takes the first frame as the neutral when none is set', () => {
    const transfer = new LandmarkTransfer();
    transfer.setPortrait(portrait);
    const offsets = new Float32Array(956).fill(7);
    transfer.transfer(performer, offsets, new FaceControls());
    expect(transfer.hasNeutral).toBe(true);
    expect(largest(offsets)).toBe(0);
  });

  it('moves the performer in the image plane into head channels, not landmark offsets', () => {
    const flat = withChanges(performer, { transform: null });
    const { offsets, head } = transferred(flat, movedInPlane(flat, 1.2, 10 * DEG, 30, -20));
    expect(largest(offsets)).toBeLessThan(POSE_RESIDUE_PX);
    // Image y grows down, so a clockwise-on-screen angle is a negative roll.
    expect(head.roll).toBeCloseTo(-10 * DEG, 3);
    expect(head.x).toBeGreaterThan(0);
    expect(head.y).toBeGreaterThan(0);
    expect(head.z).toBeCloseTo(0.2, 2);
  });

  it('turns a rigid head turn into yaw, leaving the landmarks nearly still', () => {
    const { offsets, head } = transferred(performer, turnedRigidly(performer, ry(15 * DEG)));
    expect(head.yaw).toBeCloseTo(15 * DEG, 2);
    expect(largest(offsets)).toBeLessThan(POSE_RESIDUE_PX);
  });

  it('drops the portrait\'s chin and lower lip as far as the performer\'s, scaled by face height', () => {
    const drop = 12;
    const { offsets } = transferred(performer, jawDropped(performer, drop));
    const expected = (drop * faceHeightPx(portrait)) / faceHeightPx(performer);
    // The astronaut stands upright, so down on her face is +y in the image.
    expect(offsets[CHIN * 2 + 1]).toBeGreaterThan(expected * (1 - DROP_TOLERANCE));
    expect(offsets[CHIN * 2 + 1]).toBeLessThan(expected * (1 + DROP_TOLERANCE));
    const lipRatio = offsets[LOWER_LIP_MIDDLE * 2 + 1] / offsets[CHIN * 2 + 1];
    expect(lipRatio).toBeCloseTo(jawShare(performer, LOWER_LIP_MIDDLE), 1);
    expect(Math.abs(offsets[FOREHEAD_TOP * 2 + 1])).toBeLessThan(POSE_RESIDUE_PX);
  });

  it('scales the same motion onto a larger portrait by its face height', () => {
    const big = { ...portrait, imageWidth: portrait.imageWidth * 2, imageHeight: portrait.imageHeight * 2 };
    const small = transferred(performer, jawDropped(performer, 10)).offsets;
    const transfer = new LandmarkTransfer();
    transfer.setPortrait(big);
    transfer.setNeutral(performer);
    const large = new Float32Array(956);
    transfer.transfer(jawDropped(performer, 10), large, new FaceControls());
    expect(large[CHIN * 2 + 1] / small[CHIN * 2 + 1]).toBeCloseTo(2, 4);
  });

  it('refuses misuse with messages that say what to do', () => {
    const transfer = new LandmarkTransfer();
    expect(() => transfer.transfer(performer, new Float32Array(956), new FaceControls())).toThrow(/setPortrait/);
    expect(() => transfer.setPortrait({ landmarks: new Float32Array(3), imageWidth: 1, imageHeight: 1 })).toThrow(TypeError);
    expect(() => transfer.setPortrait({ ...portrait, imageWidth: 0 })).toThrow(RangeError);
    transfer.setPortrait(portrait);
    expect(() => transfer.transfer(performer, new Float32Array(10), new FaceControls())).toThrow(/956/);
    expect(() => transfer.transfer({ ...performer, landmarks: new Float32Array(5) }, new Float32Array(956), new FaceControls())).toThrow(TypeError);
  });

  it('mirrors on request: the performer’s left eye shuts the portrait’s right, and a turn to their left turns it right', () => {
    const shutting = leftEyeShutting(performer, 4);
    const plain = transferred(performer, shutting).offsets;
    expect(lidDrop(plain, SUBJECT_LEFT_EYE)).toBeGreaterThan(1);
    expect(Math.abs(lidDrop(plain, SUBJECT_RIGHT_EYE))).toBeLessThan(POSE_RESIDUE_PX);
    const mirrored = transferred(performer, shutting, true).offsets;
    expect(lidDrop(mirrored, SUBJECT_RIGHT_EYE)).toBeCloseTo(lidDrop(plain, SUBJECT_LEFT_EYE), 2);
    expect(Math.abs(lidDrop(mirrored, SUBJECT_LEFT_EYE))).toBeLessThan(POSE_RESIDUE_PX);
    // Across the portrait's face (along its own right axis) the motion reflects: the twin moves the other way.
    const p = portrait.landmarks, w = portrait.imageWidth, h = portrait.imageHeight;
    const upX = (p[FOREHEAD_TOP * 3] - p[CHIN * 3]) * w, upY = (p[FOREHEAD_TOP * 3 + 1] - p[CHIN * 3 + 1]) * h;
    const across = (o: Float32Array, k: number) => (o[k * 2] * -upY + o[k * 2 + 1] * upX) / Math.hypot(upX, upY);
    const left = LIPS.outer.subjectLeftCorner, right = LIPS.outer.subjectRightCorner;
    const wider = Float32Array.from(performer.landmarks);
    wider[left * 3] += 4 / performer.imageWidth; // the performer's left corner pulled out (the viewer's right)
    const pulled = withChanges(performer, { landmarks: wider });
    const plainPull = transferred(performer, pulled).offsets, mirroredPull = transferred(performer, pulled, true).offsets;
    expect(across(plainPull, left)).toBeGreaterThan(1);
    expect(across(mirroredPull, right)).toBeCloseTo(-across(plainPull, left), 2);
    expect(Math.abs(across(mirroredPull, left))).toBeLessThan(POSE_RESIDUE_PX);
    const { head } = transferred(performer, turnedRigidly(performer, ry(15 * DEG)), true);
    expect(head.yaw).toBeCloseTo(-15 * DEG, 2);
  });

  it('switches mirroring between frames', () => {
    const transfer = new LandmarkTransfer();
    expect(transfer.mirror).toBe(false);
    transfer.setPortrait(portrait);
    transfer.setNeutral(performer);
    transfer.mirror = true;
    const offsets = new Float32Array(956);
    transfer.transfer(leftEyeShutting(performer, 4), offsets, new FaceControls());
    expect(lidDrop(offsets, SUBJECT_RIGHT_EYE)).toBeGreaterThan(1);
  });
});
