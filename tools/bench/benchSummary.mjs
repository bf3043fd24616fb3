// The benchmark's summary from its cases: per-portrait costs, the video/warp ratio at 512 px, slopes and the 1 ms budget figures.

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

/** Whole cost (or, with `mainThread`, main-thread p50) against portrait count for one generator and size. */
export function slopeOf(cases, generator, sizePx, mainThread = false) {
  const value = (c) => (mainThread ? c.mainThreadMs.p50 : c.wholeCostMs);
  return fitLine(cases.filter((c) => c.generator === generator && c.sizePx === sizePx && value(c) !== null).map((c) => ({ x: c.portraits, y: value(c) })));
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
  };
}
