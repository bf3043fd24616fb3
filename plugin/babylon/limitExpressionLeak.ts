import type { FaceDetection } from '../capture/FaceDetection';
import type { FaceTracker } from '../capture/FaceTracker';
import { LANDMARK_SOLVED_WEIGHTS, LandmarkSolver } from '../capture/LandmarkSolver';
import { ARKIT_BLENDSHAPE_NAMES } from '../core/arkitBlendshapes';
import { FaceControls } from '../core/FaceControls';
import { CORRECTIVE_TURNS } from '../rig/turnCorrectives';
import { detectTurned } from './detectTurned';
import { setEasedCorrectives } from './fitTurnCorrectives';
import type { TalkingPortrait } from './TalkingPortrait';

/**
 * How much more of an expression a corrective may make its turn read as, on the landmark solver
 * a webcam drives portraits with, than the turn reads as without it. At the correctives' full
 * turns the solver reads expressions into most portraits' plain turns already (a median of about
 * 0.6 over the 17 humans, the brows and mouth corners most); a corrective that follows the
 * detector's reading of a turned face can add more (one portrait's 10° pitch down read as a
 * one-sided smile of 0.76, where its plain turn read none).
 */
export const MAX_ADDED_EXPRESSION = 0.2;
/** Halvings of a leaking corrective before it is dropped. */
const MAX_HALVINGS = 3;
/** The expressions watched: every one the solver reads but gaze (a turn moves a painted iris against its corners by itself). */
const WATCHED: readonly number[] = LANDMARK_SOLVED_WEIGHTS.filter((w) => !ARKIT_BLENDSHAPE_NAMES[w].startsWith('eyeLook'));

/**
 * Renders each corrective's turn, solves the frame against the neutral one and halves the
 * corrective's nudges (in place) while the face reads as more of an expression than the plain
 * turn by MAX_ADDED_EXPRESSION; after MAX_HALVINGS it is dropped. Sets the rig's correctives from the result. Once per portrait, at creation or bake time.
 */
export async function limitExpressionLeak(portrait: TalkingPortrait, tracker: FaceTracker, neutral: FaceDetection, nudges: Float32Array[]): Promise<void> {
  const solver = new LandmarkSolver();
  solver.setNeutral(neutral);
  const read = new FaceControls();
  const leakAt = async (c: number): Promise<number> => {
    const turn = CORRECTIVE_TURNS[c];
    const seen = await detectTurned(portrait, tracker, turn.yaw, turn.pitch);
    if (!seen) return 0;
    solver.solve(seen, read);
    let most = 0;
    for (const w of WATCHED) most = Math.max(most, read.weights[w]);
    return most;
  };
  for (let c = 0; c < nudges.length; c++) {
    const kept = nudges[c].slice();
    nudges[c].fill(0);
    setEasedCorrectives(portrait.rig, nudges);
    const limit = (await leakAt(c)) + MAX_ADDED_EXPRESSION;
    nudges[c].set(kept);
    setEasedCorrectives(portrait.rig, nudges);
    for (let halving = 0; (await leakAt(c)) > limit; halving++) {
      if (halving === MAX_HALVINGS) {
        nudges[c].fill(0);
        setEasedCorrectives(portrait.rig, nudges);
        break;
      }
      for (let i = 0; i < nudges[c].length; i++) nudges[c][i] /= 2;
      setEasedCorrectives(portrait.rig, nudges);
    }
  }
  portrait.controls.reset();
}
