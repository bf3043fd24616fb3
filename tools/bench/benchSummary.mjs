// The benchmark's summary from its cases: per-portrait costs, the video/warp ratio at 512 px, slopes, the 1 ms budget figures
// and ONNX against warp on the texture-only engine.
import { TEXTURE_ONLY_ENGINE } from './benchCase.mjs';
import { ONNX_SIZE_PX } from './textureOnlyCases.mjs';

/** Least-squares line through (x, y) points: slope, intercept and r². */
export function fitLine(points) {
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

/**
 * Whole cost (or, with `mainThread`, main-thread p50) against portrait count for one generator and size, on the canvas
 * engine (cases without `engine`) or on the engine named.
 */
export function slopeOf(cases, generator, sizePx, mainThread = false, engine = undefined) {
  const value = (c) => (mainThread ? c.mainThreadMs.p50 : c.wholeCostMs);
  return fitLine(cases.filter((c) => c.engine === engine && c.generator === generator && c.sizePx === sizePx && value(c) !== null).map((c) => ({ x: c.portraits, y: value(c) })));
}

/**
 * ONNX against warp on the texture-only engine at ONNX_SIZE_PX: per portrait count both main-thread p50s and
 * their ratio (onnx / warp), and the ratio of the slopes where two or more counts were measured; null without both.
 */
export function onnxVsWarpMainThread(cases) {
  const at = (generator, n) => cases.find((c) => c.engine === TEXTURE_ONLY_ENGINE && c.generator === generator && c.sizePx === ONNX_SIZE_PX && c.portraits === n);
  const counts = [...new Set(cases.filter((c) => c.generator === 'onnx' && c.engine === TEXTURE_ONLY_ENGINE).map((c) => c.portraits))].sort((a, b) => a - b);
  const byPortraits = counts.filter((n) => at('warp', n)).map((n) => {
    const onnx = at('onnx', n).mainThreadMs.p50;
    const warp = at('warp', n).mainThreadMs.p50;
    return { portraits: n, onnxP50Ms: round(onnx), warpP50Ms: round(warp), ratio: warp > 0 ? round(onnx / warp) : null };
  });
  if (byPortraits.length === 0) return null;
  const onnxSlope = slopeOf(cases, 'onnx', ONNX_SIZE_PX, true, TEXTURE_ONLY_ENGINE);
  const warpSlope = slopeOf(cases, 'warp', ONNX_SIZE_PX, true, TEXTURE_ONLY_ENGINE);
  return {
    engine: TEXTURE_ONLY_ENGINE,
    byPortraits,
    onnxPerPortraitMs: onnxSlope ? round(onnxSlope.slope) : null,
    warpPerPortraitMs: warpSlope ? round(warpSlope.slope) : null,
    slopeRatio: onnxSlope && warpSlope && warpSlope.slope > 0 ? round(onnxSlope.slope / warpSlope.slope) : null,
  };
}

/** The scheduler figures of one budget case. */
function budgetFigures(c) {
  return {
    p95Ms: round(c.systemMs.p95),
    overBudgetShare: round(c.overBudgetShare),
    budgetedP95Ms: round(c.budgetedMs?.p95),
    budgetedOverBudgetShare: round(c.overBudgetShareBudgeted),
    frames: c.frames,
    levels: c.levels,
  };
}

const round = (v) => (v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v * 10000) / 10000);

/**
 * perPortraitMs512 / videoPerPortraitMs512: the least-squares slope of whole cost (ms per frame) against
 * the number of portraits at 512 px, i.e. what one more portrait costs; ratio512 = video / warp.
 */
export function summarize(cases, budgetCase, slowFloorCase) {
  const slopes = {};
  for (const generator of ['warp', 'video']) {
    for (const size of [...new Set(cases.map((c) => c.sizePx))]) {
      const fit = slopeOf(cases, generator, size);
      if (fit) slopes[`${generator}@${size}`] = { msPerPortrait: round(fit.slope), interceptMs: round(fit.intercept), r2: round(fit.r2) };
    }
  }
  const warp = slopes['warp@512']?.msPerPortrait ?? null;
  const video = slopes['video@512']?.msPerPortrait ?? null;
  const warpMain = slopeOf(cases, 'warp', 512, true);
  const videoMain = slopeOf(cases, 'video', 512, true);
  return {
    perPortraitMs512: warp,
    videoPerPortraitMs512: video,
    ratio512: warp && video ? round(video / warp) : null,
    /** The same slopes and ratio on the main thread alone (p50 per frame): what the game's own thread pays. */
    mainThreadPerPortraitMs512: warpMain ? round(warpMain.slope) : null,
    videoMainThreadPerPortraitMs512: videoMain ? round(videoMain.slope) : null,
    mainThreadRatio512: warpMain && videoMain ? round(videoMain.slope / warpMain.slope) : null,
    budget1ms64: budgetCase ? budgetFigures(budgetCase) : null,
    budget1ms64FloorRate32: slowFloorCase ? budgetFigures(slowFloorCase) : null,
    slopeMsPerPortrait: warp,
    slopes,
    /** Main-thread p50, ONNX against warp at 256 px on the texture-only WebGPU engine (see onnxVsWarpMainThread). */
    onnxVsWarpMainThread256: onnxVsWarpMainThread(cases),
  };
}
