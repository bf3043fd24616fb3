import type { FaceDetection } from '../capture/FaceDetection';
import type { FaceTracker } from '../capture/FaceTracker';
import { headTurnBetween } from '../capture/headTurn';
import { degToRad } from '../core/mathUtils';
import { capTurnGains } from '../rig/capTurnGains';
import { MAX_HEAD_GAIN, MIN_HEAD_GAIN } from '../rig/PortraitRigData';
import { detectTurned } from './detectTurned';
import { fitTurnCorrectives, setEasedCorrectives } from './fitTurnCorrectives';
import { limitExpressionLeak } from './limitExpressionLeak';
import type { TalkingPortrait } from './TalkingPortrait';

/** The turns the gains are measured at: QUALITY.md's probe angles. */
const YAW_PROBE = degToRad(20);
const PITCH_PROBE = degToRad(15);
/** Render, re-detect, rescale: CALIBRATION.md landed within 0.5° in at most this many rounds. */
const GAIN_ROUNDS = 2;
/**
 * Rounds of head-turn correctives. Measured over the 5 portraits of tests/fixtures' first
 * probe set: landmark agreement on a 20° yaw went from about 2 % of the face width to about
 * 0.8 % after one round and 0.5 % after two; further rounds gained little while the detector
 * read less and less of the turn.
 */
const CORRECTIVE_ROUNDS = 2;

/**
 * A warp under- or over-reads head turns by a factor that depends on the portrait
 * (shared/design/CALIBRATION.md), and its turned features sit where one depth per point puts
 * them, not where a real turn would. This fixes both with the detector in the loop: find the
 * gains that make a commanded 20° read as 20°, then the correctives that move each landmark
 * where the detector sees a turned face's landmarks (rig/turnCorrectives), then the gains once
 * more, as the correctives change how far a turn reads. Costs a few dozen renders and
 * detections, once per portrait, at creation or bake time; never per frame.
 */
export async function calibrateHeadTurns(portrait: TalkingPortrait, tracker: FaceTracker): Promise<void> {
  const neutral = await detectTurned(portrait, tracker, 0, 0);
  if (!neutral?.transform) return;
  // From scratch, even on a rig loaded with its own calibration.
  portrait.rig.setHeadGains(1, 1);
  portrait.rig.setTurnCorrectives(null);
  for (let round = 0; round < GAIN_ROUNDS; round++) await rescaleGains(portrait, tracker, neutral.transform);
  const nudges = await fitTurnCorrectives(portrait, tracker, neutral, CORRECTIVE_ROUNDS);
  await rescaleGains(portrait, tracker, neutral.transform);
  capTurnGains(portrait.rig, YAW_PROBE, PITCH_PROBE);
  // The new gains turn further or less: ease the correctives for them.
  setEasedCorrectives(portrait.rig, nudges);
  // A turn must not read as a smile or a blink on the solver a webcam drives portraits with.
  await limitExpressionLeak(portrait, tracker, neutral, nudges);
  portrait.controls.reset();
  portrait.renderNow();
}

/** One round: how far the rig's current gains read, and the gains that would read as commanded. */
async function rescaleGains(portrait: TalkingPortrait, tracker: FaceTracker, neutral: Float32Array): Promise<void> {
  const { yawGain, pitchGain } = portrait.rig.data;
  const yawRead = await meanTurnRead(portrait, tracker, neutral, 'yaw', YAW_PROBE);
  const pitchRead = await meanTurnRead(portrait, tracker, neutral, 'pitch', PITCH_PROBE);
  portrait.rig.setHeadGains(
    yawRead !== null ? clampGain((yawGain * YAW_PROBE) / yawRead) : yawGain,
    pitchRead !== null ? clampGain((pitchGain * PITCH_PROBE) / pitchRead) : pitchGain,
  );
}

/** How far the detector reads a ±angle turn about one axis, averaged over both ways (null if it lost the face or read nothing). */
async function meanTurnRead(portrait: TalkingPortrait, tracker: FaceTracker, neutral: Float32Array, axis: 'yaw' | 'pitch', angle: number): Promise<number | null> {
  let sum = 0;
  for (const sign of [1, -1]) {
    const seen: FaceDetection | null = await detectTurned(portrait, tracker, axis === 'yaw' ? sign * angle : 0, axis === 'pitch' ? sign * angle : 0);
    if (!seen?.transform) return null;
    const turn = headTurnBetween(neutral, seen.transform);
    sum += sign * (axis === 'yaw' ? turn.yaw : turn.pitch);
  }
  const read = sum / 2;
  return read > 0 ? read : null;
}

const clampGain = (gain: number) => Math.min(MAX_HEAD_GAIN, Math.max(MIN_HEAD_GAIN, gain));
