import { MIN_JAW_GAIN } from '../rig/PortraitRigData';
import { bestRead, bracketSecant, type GainRead } from './bracketSecant';

/**
 * The mouth opening (QUALITY.md: inner-lip gap over mouth width) a fully open jaw should read
 * as: QUALITY.md's 0.30 for an open mouth, with room to spare at other output sizes. Measured
 * over the 17 shared humans: 0.40 made the chin drop further on the portraits that read less,
 * and their landmark agreement failed (jaw held on 3 against 5 uncalibrated); 0.35 held 6.
 */
export const JAW_OPEN_TARGET = 0.35;
/** Close enough to the target to stop measuring. */
export const JAW_OPEN_TOLERANCE = 0.02;
/**
 * The calibration only ever lessens the drop: where the detector read a mouth as too shut and
 * the gain went up to 1.6, the mesh folded (flare-female07, whose far half of the mouth is hidden
 * and reads shut at any drop: 20 fold-overs; three other portraits 1 or 2). The authored drop is
 * the most the mesh is known to take.
 */
export const MAX_CALIBRATED_JAW_GAIN = 1;

/** A gain on the authored chin drop, and the mouth opening the detector read at it. */
export type JawRead = GainRead;

/**
 * The read to keep: the one nearest the target among those that open at least to within the
 * tolerance below it, since a mouth read as too shut fails where one read a little too open only
 * drops the chin further; else the most open. Null for no reads.
 */
export function bestJawRead(reads: readonly JawRead[]): JawRead | null {
  return bestRead(reads, JAW_OPEN_TARGET, JAW_OPEN_TARGET - JAW_OPEN_TOLERANCE);
}

/**
 * The gain to try next, from at least one read. Between the nearest reads either side of the
 * target, where there are such, a secant step inside them: the detector's read jumps where it
 * first sees the lips part (flare-female03 read 0.28 at 0.81 and 0.63 at 1), so a step from the
 * last two reads alone can leave the bracket. Else, from the last read, the ratio's square root:
 * the detector reads a mouth as shut until the lips part, then opening faster than the chin drops.
 */
export function nextJawGain(reads: readonly JawRead[]): number {
  const last = reads[reads.length - 1];
  const rootStep = last.read > 0 ? last.gain * Math.sqrt(JAW_OPEN_TARGET / last.read) : MAX_CALIBRATED_JAW_GAIN;
  const next = bracketSecant(reads, JAW_OPEN_TARGET) ?? rootStep;
  return Math.min(MAX_CALIBRATED_JAW_GAIN, Math.max(MIN_JAW_GAIN, next));
}
