import { landmarksInPixels } from '../capture/FaceDetection';
import type { FaceTracker } from '../capture/FaceTracker';
import { mouthOpening } from '../capture/faceFeatures';
import { detectRendered } from './detectTurned';
import { JAW_OPEN_TARGET, JAW_OPEN_TOLERANCE, bestJawRead, nextJawGain, type JawRead } from './jawGainSearch';
import type { TalkingPortrait } from './TalkingPortrait';

/** Gains tried after the authored one: a first guess, then secant steps inside the reads either side of the target. */
const JAW_ROUNDS = 3;

/**
 * The same chin drop opens painted mouths by very different amounts to a face detector (from
 * 0.29 to 0.63 of the mouth's width over the 17 shared humans): lip shapes, teeth and shading
 * differ. A drop larger than needed stretches the chin and the collar below it for nothing; one
 * too small reads as a closed mouth. This finds, with the detector in the loop, the gain on the
 * authored drop at which jawOpen = 1 reads as JAW_OPEN_TARGET (babylon/jawGainSearch), and keeps
 * the best gain it read (the authored one when the detector loses the face). A few renders and
 * detections, once per portrait, at creation or bake time; never per frame.
 */
export async function calibrateJaw(portrait: TalkingPortrait, tracker: FaceTracker): Promise<void> {
  const reads: JawRead[] = [];
  let gain = 1;
  for (let round = 0; round <= JAW_ROUNDS; round++) {
    const read = await openingAt(portrait, tracker, gain);
    if (read === null) break;
    reads.push({ gain, read });
    if (Math.abs(read - JAW_OPEN_TARGET) <= JAW_OPEN_TOLERANCE) break;
    gain = nextJawGain(reads);
    if (reads.some((r) => r.gain === gain)) break;
  }
  portrait.rig.setJawGain(bestJawRead(reads)?.gain ?? 1);
  portrait.controls.reset();
  portrait.renderNow();
}

/** The mouth opening the detector reads with the jaw fully open at `gain`; null if it finds no face. */
async function openingAt(portrait: TalkingPortrait, tracker: FaceTracker, gain: number): Promise<number | null> {
  portrait.rig.setJawGain(gain);
  portrait.controls.reset();
  portrait.controls.set('jawOpen', 1);
  const seen = await detectRendered(portrait, tracker);
  if (!seen) return null;
  return mouthOpening(landmarksInPixels(seen));
}
