// One row of the benchmark's `cases` from a measured window and the empty scene it is measured against.

/** The engine label of cases drawn on the texture-only WebGPU engine; the canvas engine's cases carry no `engine` field. */
export const TEXTURE_ONLY_ENGINE = 'webgpu-texture-only';

/** Whole cost: the browser's CPU ms per frame beyond the empty scene's on the same engine; null when either is unknown. */
function wholeCost(r, empty) {
  return r.cpuMsPerFrame === null || empty.cpuMsPerFrame === null ? null : r.cpuMsPerFrame - empty.cpuMsPerFrame;
}

/** A case of the canvas engine (warp or video), in the shape every earlier report has. */
export function benchCase(generator, portraits, sizePx, r, empty) {
  return {
    generator, portraits, sizePx,
    mainThreadMs: { p50: r.mainThreadMs.p50, p95: r.mainThreadMs.p95 },
    gpuMs: r.gpuMs,
    frameMs: r.frameMs.p50,
    wholeCostMs: wholeCost(r, empty),
    detail: { frames: r.frames, frameMsP95: r.frameMs.p95, gpuFrameMs: r.gpuFrameMs, cpuMsPerFrame: r.cpuMsPerFrame, systemMs: r.systemMs, motionMs: r.motionMs, processes: r.processes },
  };
}

/**
 * A case of the texture-only engine: the same fields plus `engine`, and for ONNX `inferenceMs`
 * and `framesShown`. ONNX `gpuMs` is null: the inference runs in onnxruntime's own compute
 * passes, which the PortraitSystem's pass timers do not see; `inferenceMs` is its figure instead.
 */
export function textureOnlyCase(generator, portraits, sizePx, r, empty) {
  const base = benchCase(generator, portraits, sizePx, r, empty);
  if (generator !== 'onnx') return { ...base, engine: TEXTURE_ONLY_ENGINE };
  const { detail, ...fields } = base;
  return {
    ...fields,
    gpuMs: null,
    inferenceMs: { p50: r.inferenceMs?.p50 ?? null, p95: r.inferenceMs?.p95 ?? null },
    framesShown: r.framesShown,
    engine: TEXTURE_ONLY_ENGINE,
    detail: { ...detail, passGpuMs: r.gpuMs, inferenceMsMean: r.inferenceMs?.mean ?? null },
  };
}
