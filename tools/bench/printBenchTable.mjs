// Prints the benchmark's short table and summary to stdout.

const fmt = (v, digits = 3) => (v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits));

/** One line per case, then the summary figures. */
export function printBenchTable(document) {
  const lines = [];
  lines.push(`engine: ${document.engine}; measure ${document.measureSeconds} s per case; empty scene ${fmt(document.emptyScene.cpuMsPerFrame)} CPU ms/frame at ${fmt(document.emptyScene.frameMs, 1)} ms/frame`);
  lines.push('generator  portraits  size   main p50   main p95   gpu ms   frame ms   whole ms/frame');
  for (const c of document.cases) {
    lines.push(
      `${c.generator.padEnd(9)}  ${String(c.portraits).padStart(9)}  ${String(c.sizePx).padStart(4)}  ${fmt(c.mainThreadMs.p50).padStart(9)}  ${fmt(c.mainThreadMs.p95).padStart(9)}  ${fmt(c.gpuMs).padStart(7)}  ${fmt(c.frameMs, 2).padStart(9)}  ${fmt(c.wholeCostMs).padStart(15)}`,
    );
  }
  const s = document.summary;
  lines.push(`whole cost per portrait at 512 px (slope): warp ${fmt(s.perPortraitMs512)} ms, video ${fmt(s.videoPerPortraitMs512)} ms, ratio512 ${fmt(s.ratio512, 2)}`);
  lines.push(`main thread per portrait at 512 px (slope of p50): warp ${fmt(s.mainThreadPerPortraitMs512)} ms, video ${fmt(s.videoMainThreadPerPortraitMs512)} ms, ratio ${fmt(s.mainThreadRatio512, 1)}`);
  if (s.budget1ms64) {
    lines.push(`64 portraits, 1 ms budget, floor rate 8: p95 ${fmt(s.budget1ms64.p95Ms)} ms, frames over 1.1 ms ${fmt(100 * s.budget1ms64.overBudgetShare, 1)} %`);
  }
  if (s.budget1ms64FloorRate32) {
    const b = s.budget1ms64FloorRate32;
    lines.push(`64 portraits, 1 ms budget, floor rate 32: p95 ${fmt(b.p95Ms)} ms, frames over 1.1 ms ${fmt(100 * b.overBudgetShare, 1)} %`);
  }
  for (const [key, fit] of Object.entries(s.slopes)) lines.push(`slope ${key}: ${fmt(fit.msPerPortrait)} ms per portrait (r² ${fmt(fit.r2)})`);
  console.log(lines.join('\n'));
}
