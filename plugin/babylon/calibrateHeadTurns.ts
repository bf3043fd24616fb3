import type { FaceTracker } from '../capture/FaceTracker';
import { headTurnBetween } from '../capture/headTurn';
import { NoFaceError } from '../core/errors';
import { degToRad } from '../core/mathUtils';
import { MAX_HEAD_GAIN, MIN_HEAD_GAIN } from '../rig/PortraitRigData';
import type { TalkingPortrait } from './TalkingPortrait';

/** The turns the calibration commands: QUALITY.md's probe angles. */
const YAW_PROBE = degToRad(20);
const PITCH_PROBE = degToRad(15);
/** Render, re-detect, rescale: CALIBRATION.md landed within 0.5° in at most this many rounds. */
const ROUNDS = 2;

/**
 * A warp under- or over-reads head turns by a factor that depends on the portrait
 * (shared/design/CALIBRATION.md). This finds the factor with the detector in the loop: turn
 * the rendered face both ways about each axis, see how far the detector says it turned, and
 * rescale, so that a commanded 20° reads as 20°. Costs a few renders and detections, once per
 * portrait, at creation or bake time; never per frame.
 */
export async function calibrateHeadTurns(portrait: TalkingPortrait, tracker: FaceTracker): Promise<void> {
  const neutral = await detectTransform(portrait, tracker, 0, 0);
  if (!neutral) return;
  let yawGain = 1, pitchGain = 1;
  for (let round = 0; round < ROUNDS; round++) {
    portrait.rig.setHeadGains(yawGain, pitchGain);
    const yawRead = await meanTurnRead(portrait, tracker, neutral, 'yaw', YAW_PROBE);
    const pitchRead = await meanTurnRead(portrait, tracker, neutral, 'pitch', PITCH_PROBE);
    if (yawRead !== null) yawGain = clampGain((yawGain * YAW_PROBE) / yawRead);
    if (pitchRead !== null) pitchGain = clampGain((pitchGain * PITCH_PROBE) / pitchRead);
  }
  portrait.rig.setHeadGains(yawGain, pitchGain);
  portrait.controls.reset();
  portrait.renderNow();
}

/** How far the detector reads a ±angle turn about one axis, averaged over both ways (null if it lost the face or read nothing). */
async function meanTurnRead(portrait: TalkingPortrait, tracker: FaceTracker, neutral: Float32Array, axis: 'yaw' | 'pitch', angle: number): Promise<number | null> {
  let sum = 0;
  for (const sign of [1, -1]) {
    const yaw = axis === 'yaw' ? sign * angle : 0;
    const pitch = axis === 'pitch' ? sign * angle : 0;
    const transform = await detectTransform(portrait, tracker, yaw, pitch);
    if (!transform) return null;
    const turn = headTurnBetween(neutral, transform);
    sum += sign * (axis === 'yaw' ? turn.yaw : turn.pitch);
  }
  const read = sum / 2;
  return read > 0 ? read : null;
}

async function detectTransform(portrait: TalkingPortrait, tracker: FaceTracker, yaw: number, pitch: number): Promise<Float32Array | null> {
  portrait.controls.reset();
  portrait.controls.setHead(yaw, pitch, 0);
  portrait.renderNow();
  const { width, height } = portrait.texture.getSize();
  const pixels = await portrait.readPixelsAsync();
  try {
    const detection = await tracker.detectImage(new ImageData(new Uint8ClampedArray(pixels), width, height));
    return detection.transform;
  } catch (error) {
    if (error instanceof NoFaceError) return null;
    throw error;
  }
}

const clampGain = (gain: number) => Math.min(MAX_HEAD_GAIN, Math.max(MIN_HEAD_GAIN, gain));
