// Reads the per-landmark residuals of an `npm run eval -- --residuals` report: for one probe, the
// bias every portrait shares (each landmark's mean residual) and how many portraits' face
// agreement would hold without it. That count leaves each portrait out of its own bias, and it
// assumes the detector would not react to the change: an upper bound on what moving those points
// in the rig can gain, not a forecast.

/** QUALITY.md's landmark agreement limit, in face widths. */
export const AGREEMENT_LIMIT = 0.015;
/** Landmarks to list. */
const TOP = 12;

/**
 * @param {{ eyePoints?: number[], portraits: { portrait: string, probes?: { probe: string, residuals?: number[] }[] }[] }} report
 * @param {string} probe
 */
export function residualBias(report, probe) {
  if (!Array.isArray(report.eyePoints)) throw new Error('the report has no residuals: run the eval with --residuals');
  const eyes = new Set(report.eyePoints);
  const rows = [];
  for (const p of report.portraits) {
    const found = (p.probes ?? []).find((q) => q.probe === probe);
    if (found?.residuals) rows.push({ portrait: p.portrait, residuals: found.residuals });
  }
  if (rows.length < 2) throw new Error(`the report has residuals of ${probe} for ${rows.length} portrait(s); the bias needs at least 2`);
  const length = rows[0].residuals.length;
  const sum = new Float64Array(length);
  for (const { residuals } of rows) for (let i = 0; i < length; i++) sum[i] += residuals[i];
  const landmarks = length / 2;
  /** Mean distance over the face's non-eye landmarks, less a bias (or none). */
  const agreement = (residuals, bias) => {
    let total = 0, n = 0;
    for (let i = 0; i < landmarks; i++) {
      if (eyes.has(i)) continue;
      total += Math.hypot(residuals[2 * i] - (bias ? bias(2 * i) : 0), residuals[2 * i + 1] - (bias ? bias(2 * i + 1) : 0));
      n++;
    }
    return total / n;
  };
  const portraits = rows.map(({ portrait, residuals }) => {
    const others = (j) => (sum[j] - residuals[j]) / (rows.length - 1);
    return { portrait, agreement: agreement(residuals), withoutBias: agreement(residuals, others) };
  });
  const mean = (j) => sum[j] / rows.length;
  const ranked = (keep) => [...Array(landmarks).keys()].filter(keep)
    .map((landmark) => ({ landmark, x: mean(2 * landmark), y: mean(2 * landmark + 1) }))
    .sort((a, b) => Math.hypot(b.x, b.y) - Math.hypot(a.x, a.y))
    .slice(0, TOP);
  return {
    probe,
    portraits,
    held: portraits.filter((p) => p.agreement <= AGREEMENT_LIMIT).length,
    heldWithoutBias: portraits.filter((p) => p.withoutBias <= AGREEMENT_LIMIT).length,
    face: ranked((i) => !eyes.has(i)),
    eyes: ranked((i) => eyes.has(i)),
  };
}

const pct = (x) => (x * 100).toFixed(2);
const point = ({ landmark, x, y }) => `${landmark} (${pct(x)}, ${pct(y)})`;

/** @param {ReturnType<typeof residualBias>} bias */
export function printResidualBias(bias, log = console.log) {
  log(`${bias.probe}: face agreement held on ${bias.held}/${bias.portraits.length}; ${bias.heldWithoutBias}/${bias.portraits.length} without the bias the other portraits share`);
  log(`  per portrait, % of the face width: ${bias.portraits.map((p) => `${p.portrait} ${pct(p.agreement)} -> ${pct(p.withoutBias)}`).join(' · ')}`);
  log(`  largest shared residuals (detector minus rig, x right and y down, % of the face width): ${bias.face.map(point).join(' ')}`);
  log(`  eyes: ${bias.eyes.map(point).join(' ')}`);
}
