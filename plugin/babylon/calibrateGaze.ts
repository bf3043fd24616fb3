import { landmarksInPixels } from '../capture/FaceDetection';
import type { FaceTracker } from '../capture/FaceTracker';
import { irisShift } from '../capture/faceFeatures';
import type { BlendshapeName } from '../core/arkitBlendshapes';
import { SUBJECT_LEFT_EYE, SUBJECT_LEFT_IRIS, SUBJECT_RIGHT_EYE, SUBJECT_RIGHT_IRIS } from '../core/landmarkIndices';
import { GAZE_GAIN_KEYS, MAX_GAZE_GAIN, type GazeGains } from '../rig/PortraitRigData';
import { detectRendered } from './detectTurned';
import { GAZE_SHIFT_TARGET, GAZE_SHIFT_TOLERANCE, bestGazeRead, nextGazeGain, type GazeRead } from './gazeGainSearch';
import type { TalkingPortrait } from './TalkingPortrait';

/** Gains tried after the authored ones. */
const GAZE_ROUNDS = 2;

type GazeKey = (typeof GAZE_GAIN_KEYS)[number];

/** A look both eyes make together, and which gain each eye's part of it is. */
interface Look {
  readonly controls: readonly [BlendshapeName, BlendshapeName];
  readonly left: GazeKey;
  readonly right: GazeKey;
  /** irisShift counts toward the subject's left; a look the other way reads it negated. */
  readonly sign: 1 | -1;
}

const LOOKS: readonly Look[] = [
  { controls: ['eyeLookOutLeft', 'eyeLookInRight'], left: 'outLeft', right: 'inRight', sign: 1 },
  { controls: ['eyeLookInLeft', 'eyeLookOutRight'], left: 'inLeft', right: 'outRight', sign: -1 },
];

/**
 * The authored sideways look takes the iris to the eye's corner, and a face detector reads that
 * very differently from one painted eye to the next (babylon/gazeGainSearch): where it reads far
 * past QUALITY.md's 20 % of the eye's width, it also drags the eye's outline after the iris, so
 * the look reads as a moved eye rather than a moved iris. This finds, with the detector in the
 * loop, the gain on each eye's look each way at which a full look reads as GAZE_SHIFT_TARGET,
 * never more than the authored travel, and keeps each one's best read (the authored travel when
 * the detector loses the face). Two renders and detections a round, at most three rounds, once
 * per portrait at creation or bake time; never per frame.
 */
export async function calibrateGaze(portrait: TalkingPortrait, tracker: FaceTracker): Promise<void> {
  portrait.controls.reset();
  const neutral = await detectRendered(portrait, tracker);
  const reads: Record<GazeKey, GazeRead[]> = { outLeft: [], inLeft: [], outRight: [], inRight: [] };
  if (neutral) {
    const rest = landmarksInPixels(neutral);
    let gains: Record<GazeKey, number> = { outLeft: 1, inLeft: 1, outRight: 1, inRight: 1 };
    for (let round = 0; round <= GAZE_ROUNDS; round++) {
      portrait.rig.setGazeGains(gains);
      if (!(await readLooks(portrait, tracker, rest, gains, reads))) break;
      const settled = (key: GazeKey) => {
        const { gain, read } = last(reads[key]);
        return Math.abs(read - GAZE_SHIFT_TARGET) <= GAZE_SHIFT_TOLERANCE || (read < GAZE_SHIFT_TARGET && gain === MAX_GAZE_GAIN);
      };
      if (GAZE_GAIN_KEYS.every(settled) || round === GAZE_ROUNDS) break;
      const next = { ...gains };
      for (const key of GAZE_GAIN_KEYS) if (!settled(key)) next[key] = nextGazeGain(reads[key]);
      if (GAZE_GAIN_KEYS.every((key) => reads[key].some((r) => r.gain === next[key]))) break;
      gains = next;
    }
  }
  const best = (key: GazeKey) => bestGazeRead(reads[key])?.gain ?? MAX_GAZE_GAIN;
  const chosen: GazeGains = { outLeft: best('outLeft'), inLeft: best('inLeft'), outRight: best('outRight'), inRight: best('inRight') };
  portrait.rig.setGazeGains(chosen);
  portrait.controls.reset();
  portrait.renderNow();
}

/** Renders both looks at `gains` and adds each eye's read; false if the detector lost the face. */
async function readLooks(
  portrait: TalkingPortrait, tracker: FaceTracker, rest: Float32Array, gains: Record<GazeKey, number>, reads: Record<GazeKey, GazeRead[]>,
): Promise<boolean> {
  for (const look of LOOKS) {
    portrait.controls.reset();
    for (const control of look.controls) portrait.controls.set(control, 1);
    const seen = await detectRendered(portrait, tracker);
    if (!seen) return false;
    const p = landmarksInPixels(seen);
    reads[look.left].push({ gain: gains[look.left], read: look.sign * irisShift(rest, p, SUBJECT_LEFT_IRIS, SUBJECT_LEFT_EYE) });
    reads[look.right].push({ gain: gains[look.right], read: look.sign * irisShift(rest, p, SUBJECT_RIGHT_IRIS, SUBJECT_RIGHT_EYE) });
  }
  return true;
}

const last = <T>(items: readonly T[]): T => items[items.length - 1];
