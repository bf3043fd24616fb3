import type { FaceDetection } from '../capture/FaceDetection';
import type { FaceTracker } from '../capture/FaceTracker';
import { rightX, rightY } from '../rig/faceFrame';
import { LANDMARK_COUNT } from '../rig/landmarkPixels';
import type { PortraitRig } from '../rig/PortraitRig';
import type { RigMorph } from '../rig/PortraitRigData';
import { easeCorrectiveFolds } from '../rig/easeCorrectiveFolds';
import { CORRECTIVE_TURNS, correctiveMorph, smoothNudges, type CorrectiveTurn } from '../rig/turnCorrectives';
import { subtractFit } from '../rig/withoutFields';
import { detectTurned } from './detectTurned';
import type { TalkingPortrait } from './TalkingPortrait';

/**
 * Finds the rig's head-turn correctives with the detector in the loop (rig/turnCorrectives):
 * render each corrective's turn, see where the detector puts every landmark, and nudge the
 * landmark by what the rig's motion missed (the detector's motion from the neutral frame less
 * the rig's), smoothed over the face and eased wherever it would tear the mesh
 * (rig/easeCorrectiveFolds). Each round starts from the last one's nudges; the detector partly follows a
 * nudged feature, so a second round still gains. A turn where no face is found keeps its last
 * nudges. Once per portrait, at creation or bake time.
 */
export async function fitTurnCorrectives(portrait: TalkingPortrait, tracker: FaceTracker, neutral: FaceDetection, rounds: number): Promise<Float32Array[]> {
  const rig = portrait.rig;
  const nudges: Float32Array[] = CORRECTIVE_TURNS.map(() => new Float32Array(LANDMARK_COUNT * 2));
  const rest = new Float32Array(rig.positionsLength);
  const posed = new Float32Array(rig.positionsLength);
  portrait.controls.reset();
  rig.deform(portrait.controls, rest);
  for (let round = 0; round < rounds; round++) {
    for (let c = 0; c < CORRECTIVE_TURNS.length; c++) {
      const turn = CORRECTIVE_TURNS[c];
      const seen = await detectTurned(portrait, tracker, turn.yaw, turn.pitch);
      if (!seen) continue;
      rig.deform(portrait.controls, posed);
      const missed = missedMotion(portrait, neutral.landmarks, seen.landmarks, rest, posed);
      subtractFit(missed, poseFields(portrait, turn, posed));
      addNudges(portrait, turn, missed, nudges[c]);
    }
    for (let c = 0; c < nudges.length; c++) nudges[c] = smoothNudges(rig.data, nudges[c]);
    setEasedCorrectives(rig, nudges);
  }
  return nudges;
}

/** Sets the rig's correctives from these nudges (one array per CORRECTIVE_TURNS entry), each eased where it would tear the mesh at the rig's gains. */
export function setEasedCorrectives(rig: PortraitRig, nudges: Float32Array[]): void {
  const correctives: RigMorph[] = nudges.map((n) => correctiveMorph(rig.data, n));
  for (let c = 0; c < nudges.length; c++) correctives[c] = easeCorrectiveFolds(rig, correctives, c, nudges[c]);
  rig.setTurnCorrectives(correctives);
}

/** How far each landmark's detected motion from the neutral frame differs from the rig's, in image pixels (x, y each). */
function missedMotion(portrait: TalkingPortrait, neutral: Float32Array, seen: Float32Array, rest: Float32Array, posed: Float32Array): Float32Array {
  const { imageWidth, imageHeight } = portrait.rig.data;
  const missed = new Float32Array(LANDMARK_COUNT * 2);
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    missed[i * 2] = (seen[i * 3] - neutral[i * 3] - (posed[i * 3] - rest[i * 3])) * imageWidth;
    missed[i * 2 + 1] = (seen[i * 3 + 1] - neutral[i * 3 + 1] - (posed[i * 3 + 1] - rest[i * 3 + 1])) * imageHeight;
  }
  return missed;
}

/**
 * The landmark motions of the head moving as a whole at this turn (image pixels): sliding,
 * rolling, growing, turning a little more about either axis. The detector reads a pose off a
 * face, not only its shape; a nudge that followed its misread pose would make it read that
 * pose more strongly still (a roll it imagined in a pitch grew from 4° to 8° when followed).
 * Correctives leave these to the gains and keep only the shape.
 */
function poseFields(portrait: TalkingPortrait, turn: CorrectiveTurn, posed: Float32Array): Float32Array[] {
  const { imageWidth, imageHeight } = portrait.rig.data;
  const fields = Array.from({ length: POSE_FIELD_COUNT }, () => new Float32Array(LANDMARK_COUNT * 2));
  let cx = 0, cy = 0;
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    cx += posed[i * 3] * imageWidth / LANDMARK_COUNT;
    cy += posed[i * 3 + 1] * imageHeight / LANDMARK_COUNT;
  }
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const x = posed[i * 3] * imageWidth - cx, y = posed[i * 3 + 1] * imageHeight - cy;
    fields[0][i * 2] = 1;
    fields[1][i * 2 + 1] = 1;
    fields[2][i * 2] = -y;
    fields[2][i * 2 + 1] = x;
    fields[3][i * 2] = x;
    fields[3][i * 2 + 1] = y;
  }
  const nudged = new Float32Array(portrait.rig.positionsLength);
  for (const [f, yaw, pitch] of [[4, POSE_STEP, 0], [5, 0, POSE_STEP]] as const) {
    portrait.controls.reset();
    portrait.controls.setHead(turn.yaw + yaw, turn.pitch + pitch, 0);
    portrait.rig.deform(portrait.controls, nudged);
    for (let i = 0; i < LANDMARK_COUNT; i++) {
      fields[f][i * 2] = (nudged[i * 3] - posed[i * 3]) * imageWidth;
      fields[f][i * 2 + 1] = (nudged[i * 3 + 1] - posed[i * 3 + 1]) * imageHeight;
    }
  }
  return fields;
}
/** Sliding two ways, rolling, growing, more yaw, more pitch. */
const POSE_FIELD_COUNT = 6;
/** The turn a little more about an axis: the field of a small turn (radians). */
const POSE_STEP = 0.02;

/**
 * Adds missed motion (image pixels, turned) to `nudges` (un-turned image pixels). The turn
 * scales a nudge along its axis by the cosine of the turned angle, so the nudge is divided by it.
 */
function addNudges(portrait: TalkingPortrait, turn: CorrectiveTurn, missed: Float32Array, nudges: Float32Array): void {
  const { frame, yawGain, pitchGain } = portrait.rig.data;
  const rx = rightX(frame), ry = rightY(frame), ux = frame.upX, uy = frame.upY;
  const alongRight = 1 / Math.cos(turn.yaw * yawGain), alongUp = 1 / Math.cos(turn.pitch * pitchGain);
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const dx = missed[i * 2], dy = missed[i * 2 + 1];
    const right = (dx * rx + dy * ry) * alongRight, up = (dx * ux + dy * uy) * alongUp;
    nudges[i * 2] += right * rx + up * ux;
    nudges[i * 2 + 1] += right * ry + up * uy;
  }
}
