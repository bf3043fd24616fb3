import type { FaceTracker } from '../capture/FaceTracker';
import { mouthOpening } from '../capture/faceFeatures';
import { MIN_JAW_GAIN } from '../rig/PortraitRigData';
import { detectRendered } from './detectTurned';
import type { TalkingPortrait } from './TalkingPortrait';

/**
 * The mouth opening (QUALITY.md: inner-lip gap over mouth width) a fully open jaw should read
 * as: QUALITY.md's 0.30 for an open mouth, with room to spare at other output sizes. Measured
 * over the 17 shared humans: 0.40 made the chin drop further on the portraits that read less,
 * and their landmark agreement failed (jaw held on 3 against 5 uncalibrated); 0.35 held 6.
 */
export const JAW_OPEN_TARGET = 0.35;
/** Close enough to the target to stop measuring. */
const JAW_OPEN_TOLERANCE = 0.02;
/**
 * The calibration only ever lessens the drop: where the detector read a mouth as too shut and
 * the gain went up to 1.6, the mesh folded (flare-female07, whose far half of the mouth is hidden
 * and reads shut at any drop: 20 fold-overs; three other portraits 1 or 2). The authored drop is
 * the most the mesh is known to take.
 */
const MAX_CALIBRATED_GAIN = 1;
/** Gains tried after the authored one: a first guess, then one secant step from the two reads. */
const JAW_ROUNDS = 2;

/**
 * The same chin drop opens painted mouths by very different amounts to a face detector (from
 * 0.29 to 0.63 of the mouth's width over the 17 shared humans): lip shapes, teeth and shading
 * differ. A drop larger than needed stretches the chin and the collar below it for nothing; one
 * too small reads as a closed mouth. This finds, with the detector in the loop, the gain on the
 * authored drop at which jawOpen = 1 reads as JAW_OPEN_TARGET, and keeps the best gain it read
 * (the authored one when the detector loses the face). A few renders and detections, once per
 * portrait, at creation or bake time; never per frame.
 */
export async function calibrateJaw(portrait: TalkingPortrait, tracker: FaceTracker): Promise<void> {
  const reads: JawRead[] = [];
  let gain = 1;
  for (let round = 0; round <= JAW_ROUNDS; round++) {
    const read = await openingAt(portrait, tracker, gain);
    if (read === null) break;
    reads.push({ gain, read });
    if (Math.abs(read - JAW_OPEN_TARGET) <= JAW_OPEN_TOLERANCE) break;
    gain = nextGain(reads);
    if (reads.some((r) => r.gain === gain)) break;
  }
  const best = reads.reduce<JawRead | null>((a, r) => (a && Math.abs(a.read - JAW_OPEN_TARGET) <= Math.abs(r.read - JAW_OPEN_TARGET) ? a : r), null);
  portrait.rig.setJawGain(best?.gain ?? 1);
  portrait.controls.reset();
  portrait.renderNow();
}

interface JawRead {
  readonly gain: number;
  /** The mouth opening the detector read at that gain. */
  readonly read: number;
}

/** The mouth opening the detector reads with the jaw fully open at `gain`; null if it finds no face. */
async function openingAt(portrait: TalkingPortrait, tracker: FaceTracker, gain: number): Promise<number | null> {
  portrait.rig.setJawGain(gain);
  portrait.controls.reset();
  portrait.controls.set('jawOpen', 1);
  const seen = await detectRendered(portrait, tracker);
  if (!seen) return null;
  const points = Float32Array.from(seen.landmarks, (value, i) => value * (i % 3 === 1 ? seen.imageHeight : seen.imageWidth));
  return mouthOpening(points);
}

/**
 * The gain to try next. From one read, the ratio's square root: the detector reads a mouth as
 * shut until the lips part, then opening faster than the chin drops. From two, a secant step,
 * unless the reads did not grow with the gain.
 */
function nextGain(reads: readonly JawRead[]): number {
  const last = reads[reads.length - 1];
  let next = last.read > 0 ? last.gain * Math.sqrt(JAW_OPEN_TARGET / last.read) : MAX_CALIBRATED_GAIN;
  if (reads.length >= 2) {
    const before = reads[reads.length - 2];
    const slope = (last.read - before.read) / (last.gain - before.gain);
    if (slope > 0) next = last.gain + (JAW_OPEN_TARGET - last.read) / slope;
  }
  return Math.min(MAX_CALIBRATED_GAIN, Math.max(MIN_JAW_GAIN, next));
}
