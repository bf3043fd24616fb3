import { MIN_SMILE_GAIN } from '../rig/PortraitRigData';
import { bestRead, bracketSecant, type GainRead } from './bracketSecant';

/**
 * How far a full smile should raise each mouth corner against the middle of the lips, as the
 * landmark solver measures it (capture/faceFeatures: the head frame, in outer-eye-corner spans).
 * The authored smile read from 0.028 to 0.092 over the 17 shared humans (median 0.058): painted
 * lips and cheeks differ, and a three-quarter view hides the far corner's rise.
 */
export const SMILE_RISE_TARGET = 0.06;
/** Close enough to the target to stop measuring. */
export const SMILE_RISE_TOLERANCE = 0.005;
/** The calibration stays inside the rig file's range, with room for the tear cap to step down. */
export const MAX_CALIBRATED_SMILE_GAIN = 1.5;
export const MIN_CALIBRATED_SMILE_GAIN = MIN_SMILE_GAIN;

/** A gain on one side's authored smile, and the corner rise the detector read at it. */
export type SmileRead = GainRead;

/** The read nearest the target; null for no reads. */
export function bestSmileRead(reads: readonly SmileRead[]): SmileRead | null {
  return bestRead(reads, SMILE_RISE_TARGET);
}

/**
 * The gain to try next for one side, from at least one read. Between the nearest reads either
 * side of the target, where there are such, a secant step inside them: the detector follows a
 * corner less than one to one near rest (flare-male07 read 0.092 at 1 and 0.047 at 0.65, where
 * a ratio step expected 0.060). Else the ratio step from the last read, since the detector
 * follows a smile about one to one (CALIBRATION.md); a read of no rise steps to the most allowed.
 */
export function nextSmileGain(reads: readonly SmileRead[]): number {
  const last = reads[reads.length - 1];
  const ratioStep = last.read > 0 ? (last.gain * SMILE_RISE_TARGET) / last.read : MAX_CALIBRATED_SMILE_GAIN;
  const next = bracketSecant(reads, SMILE_RISE_TARGET) ?? ratioStep;
  return Math.min(MAX_CALIBRATED_SMILE_GAIN, Math.max(MIN_CALIBRATED_SMILE_GAIN, next));
}
