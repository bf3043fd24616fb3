// The closed loop's summary: per control, the error on the probes that command it, and the
// cross-talk (error on every probe that leaves it alone), as medians and maxima over the portraits.
import type { PortraitReport } from './evaluatePortrait';
import { PROBES } from './probes';
import { FaceControls } from '../../plugin/core/FaceControls';
import { blendshapeIndex, isBlendshapeName } from '../../plugin/core/arkitBlendshapes';

export interface SolverFigure {
  median: number;
  max: number;
  count: number;
}

export interface SolverSummary {
  /** Error per control on the probes that command it (degrees for angles, weight units otherwise). */
  commanded: Record<string, SolverFigure>;
  /** Error per control on the probes that leave it at rest. */
  crossTalk: Record<string, SolverFigure>;
  /** Median error per probe and control. */
  medians: Record<string, Record<string, number>>;
}

const ROUND = 1e4;
const round = (v: number) => Math.round(v * ROUND) / ROUND;

function figure(values: number[]): SolverFigure {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: NaN, max: NaN, count: 0 };
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median: round(median), max: round(sorted[sorted.length - 1]), count: sorted.length };
}

/** Whether `probe` commands `control` (a head angle or a blendshape name) away from rest. */
function commands(probeName: string, control: string): boolean {
  const probe = PROBES.find((p) => p.name === probeName);
  if (!probe) return false;
  const controls = new FaceControls();
  probe.apply(controls);
  if (control === 'yaw' || control === 'pitch' || control === 'roll') return controls[control] !== 0;
  return isBlendshapeName(control) && controls.weights[blendshapeIndex(control)] !== 0;
}

export function summarizeSolver(reports: readonly PortraitReport[]): SolverSummary {
  const commanded: Record<string, number[]> = {};
  const crossTalk: Record<string, number[]> = {};
  const perProbe: Record<string, Record<string, number[]>> = {};
  for (const report of reports) {
    for (const probe of report.probes) {
      if (!probe.solver) continue;
      for (const [control, error] of Object.entries(probe.solver.error)) {
        ((commands(probe.probe, control) ? commanded : crossTalk)[control] ??= []).push(error);
        ((perProbe[probe.probe] ??= {})[control] ??= []).push(error);
      }
    }
  }
  const map = (values: Record<string, number[]>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, figure(v)]));
  const medians: Record<string, Record<string, number>> = {};
  for (const [probe, controls] of Object.entries(perProbe)) {
    medians[probe] = Object.fromEntries(Object.entries(controls).map(([k, v]) => [k, figure(v).median]));
  }
  return { commanded: map(commanded), crossTalk: map(crossTalk), medians };
}
