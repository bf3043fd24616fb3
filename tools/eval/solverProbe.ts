// The eval's closed loop: the controls the landmark solver recovers from a probe frame with the
// real tracker, against the portrait's own neutral frame, and how far each lies from the command.
import { LandmarkSolver } from '../../plugin/capture/LandmarkSolver';
import type { FaceDetection } from '../../plugin/capture/FaceDetection';
import { blendshapeIndex, type BlendshapeName } from '../../plugin/core/arkitBlendshapes';
import { FaceControls } from '../../plugin/core/FaceControls';
import { radToDeg } from '../../plugin/core/mathUtils';
import type { Probe } from './probes';
import { Feature } from '../../plugin/capture/faceFeatures';
import { detectionFeatures } from '../../plugin/capture/detectionFeatures';

/** The weights reported per probe: every one the probes command, and the brows as cross-talk. */
export const SOLVER_WEIGHTS: readonly BlendshapeName[] = [
  'eyeBlinkLeft', 'eyeBlinkRight', 'jawOpen', 'mouthSmileLeft', 'mouthSmileRight',
  'eyeLookOutLeft', 'eyeLookInLeft', 'eyeLookOutRight', 'eyeLookInRight',
  'browInnerUp', 'browDownLeft', 'browDownRight',
];
/** Head angles are reported in degrees, weights in weight units (0..1). */
export const SOLVER_ANGLES = ['yaw', 'pitch', 'roll'] as const;

export interface SolverReport {
  /** What the solver read from the frame. */
  recovered: Record<string, number>;
  /** |recovered − commanded| per control. */
  error: Record<string, number>;
  /** What the solver's weights are made from: each feature's change from neutral (eye figures as ratios to neutral). */
  measured: Record<string, number>;
}

const ROUND = 1e4;
const round = (v: number) => Math.round(v * ROUND) / ROUND;

/** Solves `seen` against `neutral` (both detections of this portrait's frames) and compares with what `probe` commanded. */
export function solveProbe(probe: Probe, neutral: FaceDetection, seen: FaceDetection): SolverReport {
  const commanded = new FaceControls();
  probe.apply(commanded);
  const solver = new LandmarkSolver();
  solver.setNeutral(neutral);
  const recovered = new FaceControls();
  solver.solve(seen, recovered);
  const report: SolverReport = { recovered: {}, error: {}, measured: measuredChange(neutral, seen) };
  for (const axis of SOLVER_ANGLES) {
    report.recovered[axis] = round(radToDeg(recovered[axis]));
    report.error[axis] = round(Math.abs(radToDeg(recovered[axis] - commanded[axis])));
  }
  for (const name of SOLVER_WEIGHTS) {
    const i = blendshapeIndex(name);
    report.recovered[name] = round(recovered.weights[i]);
    report.error[name] = round(Math.abs(recovered.weights[i] - commanded.weights[i]));
  }
  return report;
}

function measuredChange(neutral: FaceDetection, seen: FaceDetection): Record<string, number> {
  const a = detectionFeatures(neutral), b = detectionFeatures(seen);
  const out: Record<string, number> = {};
  for (const [name, i] of Object.entries(Feature)) {
    out[name] = round(i === Feature.eyeLeft || i === Feature.eyeRight ? b[i] / a[i] : b[i] - a[i]);
  }
  return out;
}
