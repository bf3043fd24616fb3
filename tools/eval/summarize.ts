import type { PortraitReport } from './evaluatePortrait';
import { summarizeSolver, type SolverSummary } from './summarizeSolver';

export interface EvalSummary {
  /** Portraits evaluated, and those in which a face was found and rigged. */
  portraits: number;
  rigged: number;
  riggedShare: number;
  /** Probes that held, over all rigged portraits. */
  probesHeld: number;
  probesTotal: number;
  probesHeldShare: number;
  /** Rigged portraits on which every probe held, and their share of the rigged ones. */
  portraitsHoldingEvery: number;
  portraitsHoldingEveryShare: number;
  /** Median of every figure, per probe, over the rigged portraits. */
  medians: Record<string, Record<string, number>>;
  /** The closed loop: the landmark solver's error per control, over the rigged portraits. */
  solver: SolverSummary;
  /** Few-shot: portraits that came with shots, and their blink and jaw probes that read closer to the shots with them than without. */
  fewShot: { portraits: number; probesHeld: number; probesTotal: number };
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1e4) / 1e4);

function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarize(reports: readonly PortraitReport[]): EvalSummary {
  const rigged = reports.filter((r) => r.rigged);
  const probesHeld = rigged.reduce((s, r) => s + r.probesHeld, 0);
  const probesTotal = rigged.reduce((s, r) => s + r.probesTotal, 0);
  const holding = rigged.filter((r) => r.held).length;
  const values: Record<string, Record<string, number[]>> = {};
  for (const report of rigged) {
    for (const probe of report.probes) {
      for (const check of probe.checks) ((values[probe.probe] ??= {})[check.figure] ??= []).push(check.value);
    }
  }
  const medians: Record<string, Record<string, number>> = {};
  for (const [probe, figures] of Object.entries(values)) {
    medians[probe] = {};
    for (const [figure, list] of Object.entries(figures)) medians[probe][figure] = Math.round(median(list) * 1e4) / 1e4;
  }
  return {
    portraits: reports.length,
    rigged: rigged.length,
    riggedShare: share(rigged.length, reports.length),
    probesHeld,
    probesTotal,
    probesHeldShare: share(probesHeld, probesTotal),
    portraitsHoldingEvery: holding,
    portraitsHoldingEveryShare: share(holding, rigged.length),
    medians,
    solver: summarizeSolver(rigged),
    fewShot: {
      portraits: rigged.filter((r) => r.fewShot).length,
      probesHeld: rigged.reduce((sum, r) => sum + (r.fewShot?.probes.filter((p) => p.held).length ?? 0), 0),
      probesTotal: rigged.reduce((sum, r) => sum + (r.fewShot?.probes.length ?? 0), 0),
    },
  };
}
