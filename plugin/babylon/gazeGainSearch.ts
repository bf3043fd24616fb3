import { MAX_GAZE_GAIN, MIN_GAZE_GAIN } from '../rig/PortraitRigData';
import { bestRead, bracketSecant, type GainRead } from './bracketSecant';

/**
 * How far a full sideways look should move each iris, in its eye's widths, as QUALITY.md reads
 * it (capture/faceFeatures' irisShift): a tenth over its 0.2. The authored travel, which stops
 * the iris at the eye's corner, read from under 0.15 to 0.42 over the 36 test portraits, and
 * where it read far past 0.2 the detector dragged the eye's outline after the iris (the gaze
 * probe's eye agreement held on 3 of the 17 shared humans). Calibrated to 0.24, 6 held; to 0.22, 8.
 */
export const GAZE_SHIFT_TARGET = 0.22;
/** Close enough to the target to stop measuring. */
export const GAZE_SHIFT_TOLERANCE = 0.015;

/** A gain on one eye's authored look one way, and the iris shift the detector read at it. */
export type GazeRead = GainRead;

/**
 * The read to keep: the one nearest the target among those within the tolerance below it or
 * past it, since a look read short of QUALITY.md's 0.2 fails where one a little long only drags
 * the eye's corners a little; else the longest. Null for no reads.
 */
export function bestGazeRead(reads: readonly GazeRead[]): GazeRead | null {
  return bestRead(reads, GAZE_SHIFT_TARGET, GAZE_SHIFT_TARGET - GAZE_SHIFT_TOLERANCE);
}

/**
 * The gain to try next for one eye and direction, from at least one read. Between reads either
 * side of the target a secant step inside them; else the ratio step from the last read (the
 * detector follows the iris about in proportion to its travel). Never past the authored travel:
 * a look that reads short stays at 1, and so does one the detector did not see move at all.
 */
export function nextGazeGain(reads: readonly GazeRead[]): number {
  const last = reads[reads.length - 1];
  const ratioStep = last.read > 0 ? (last.gain * GAZE_SHIFT_TARGET) / last.read : MAX_GAZE_GAIN;
  const next = bracketSecant(reads, GAZE_SHIFT_TARGET) ?? ratioStep;
  return Math.min(MAX_GAZE_GAIN, Math.max(MIN_GAZE_GAIN, next));
}
