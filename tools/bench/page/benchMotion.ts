// The motion every benchmark portrait plays: IdleMotion (breathing, blinks, gaze) with a talking jaw on top.
import { Blendshape } from '../../../plugin/core/arkitBlendshapes';
import type { FaceControls } from '../../../plugin/core/FaceControls';
import { IdleMotion } from '../../../plugin/motion/IdleMotion';

/** Syllables per second of the talking jaw: about the rate of ordinary speech. */
const SYLLABLES_PER_SECOND = 4;
/** How far the jaw opens on a syllable (weight). */
const JAW_OPEN = 0.45;
const MS_PER_S = 1000;

/** Idle life plus a syllable-rate jaw, deterministic per seed, so clips and live portraits move alike. */
export class BenchMotion {
  private readonly _idle: IdleMotion;
  private readonly _offsetMs: number;

  constructor(seed: number) {
    this._idle = new IdleMotion({ seed });
    this._offsetMs = (seed * 137) % MS_PER_S; // portraits talk out of step
  }

  /** Writes the face at `timeMs` into `out`; allocates nothing. */
  sample(timeMs: number, out: FaceControls): void {
    this._idle.sample(timeMs, out);
    const phase = ((timeMs + this._offsetMs) / MS_PER_S) * SYLLABLES_PER_SECOND * Math.PI;
    const s = Math.sin(phase);
    out.weights[Blendshape.jawOpen] = JAW_OPEN * s * s;
  }
}
