// Prints the benchmark's short table and summary to stdout.

const fmt = (v, digits = 3) => (v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits));

/** The columns every case has. */
function caseLine(c) {
  return `${c.generator.padEnd(9)}  ${String(c.portraits).padStart(9)}  ${String(c.sizePx).padStart(4)}  ${fmt(c.mainThreadMs.p50).padStart(9)}  ${fmt(c.mainThreadMs.p95).padStart(9)}  ${fmt(c.gpuMs).padStart(7)}  ${fmt(c.frameMs, 2).padStart(9)}  ${fmt(c.wholeCostMs).padStart(15)}`;
}

/** One line per case (the texture-only engine's in their own section), then the summary figures. */
export function printBenchTable(document) {
  const lines = [];
  lines.push(`engine: ${document.engine}; measure ${document.measureSeconds} s per case; empty scene ${fmt(document.emptyScene.cpuMsPerFrame)} CPU ms/frame at ${fmt(document.emptyScene.frameMs, 1)} ms/frame`);
  lines.push('generator  portraits  size   main p50   main p95   gpu ms   frame ms   whole ms/frame');
  for (const c of document.cases.filter((k) => k.engine === undefined)) lines.push(caseLine(c));
  if (document.textureOnly) {
    const t = document.textureOnly;
    lines.push(`texture-only engine: ${t.engine}; empty scene ${fmt(t.emptyScene.cpuMsPerFrame)} CPU ms/frame at ${fmt(t.emptyScene.frameMs, 1)} ms/frame`);
    lines.push('generator  portraits  size   main p50   main p95   gpu ms   frame ms   whole ms/frame   infer p50   infer p95   shown');
    for (const c of document.cases.filter((k) => k.engine !== undefined)) {
      const onnx = c.inferenceMs ? `  ${fmt(c.inferenceMs.p50, 1).padStart(10)}  ${fmt(c.inferenceMs.p95, 1).padStart(10)}  ${String(c.framesShown).padStart(6)}` : '';
      lines.push(caseLine(c) + onnx);
    }
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
  if (s.onnxVsWarpMainThread256) {
    const o = s.onnxVsWarpMainThread256;
    const pairs = o.byPortraits.map((p) => `${p.portraits}: onnx ${fmt(p.onnxP50Ms)} / warp ${fmt(p.warpP50Ms)} ms = ${fmt(p.ratio, 2)}`).join('; ');
    lines.push(`onnx vs warp, main-thread p50 at 256 px (textures only): ${pairs}; per portrait onnx ${fmt(o.onnxPerPortraitMs)} / warp ${fmt(o.warpPerPortraitMs)} ms, ratio ${fmt(o.slopeRatio, 2)}`);
  }
  for (const [key, fit] of Object.entries(s.slopes)) lines.push(`slope ${key}: ${fmt(fit.msPerPortrait)} ms per portrait (r² ${fmt(fit.r2)})`);
  console.log(lines.join('\n'));
}
