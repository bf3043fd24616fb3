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
/**
 * Shares of each corrective's turn the leak is read at: a corrective weighs in with the turn, and
 * a part-way turn can read as more of an expression than the full one (one portrait read 0.79 at
 * 10° of pitch down, where its 15° read within the limit).
 */
const TURN_SHARES = [1 / 3, 2 / 3, 1];
/** Halvings of a leaking corrective before it is dropped. */
const MAX_HALVINGS = 3;
/** The expressions watched: every one the solver reads but gaze (a turn moves a painted iris against its corners by itself). */
const WATCHED: readonly number[] = LANDMARK_SOLVED_WEIGHTS.filter((w) => !ARKIT_BLENDSHAPE_NAMES[w].startsWith('eyeLook'));

/**
 * Renders each corrective's turn at each of TURN_SHARES, solves the frames against the neutral one
 * and halves the corrective's nudges (in place) while the face reads, at any share, as more of an
 * expression than the plain turn there by MAX_ADDED_EXPRESSION; after MAX_HALVINGS it is dropped. Sets the rig's correctives from the result. Once per portrait, at creation or bake time.
 */
export async function limitExpressionLeak(portrait: TalkingPortrait, tracker: FaceTracker, neutral: FaceDetection, nudges: Float32Array[]): Promise<void> {
  const solver = new LandmarkSolver();
  solver.setNeutral(neutral);
  const read = new FaceControls();
  /** The strongest expression the solver reads at each share of corrective c's turn, into `out`. */
  const leakAt = async (c: number, out: number[]): Promise<number[]> => {
    const turn = CORRECTIVE_TURNS[c];
    for (let s = 0; s < TURN_SHARES.length; s++) {
      const seen = await detectTurned(portrait, tracker, turn.yaw * TURN_SHARES[s], turn.pitch * TURN_SHARES[s]);
      out[s] = 0;
      if (!seen) continue;
      solver.solve(seen, read);
      for (const w of WATCHED) out[s] = Math.max(out[s], read.weights[w]);
    }
    return out;
  };
  const plain: number[] = [], corrected: number[] = [];
  const leaks = async (c: number) => (await leakAt(c, corrected)).some((leak, s) => leak > plain[s] + MAX_ADDED_EXPRESSION);
  for (let c = 0; c < nudges.length; c++) {
    const kept = nudges[c].slice();
    nudges[c].fill(0);
    setEasedCorrectives(portrait.rig, nudges);
    await leakAt(c, plain);
    nudges[c].set(kept);
    setEasedCorrectives(portrait.rig, nudges);
    for (let halving = 0; await leaks(c); halving++) {
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
