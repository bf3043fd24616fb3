// The ONNX generator's cases: ONNX and warp portraits side by side on a WebGPU engine that renders only into textures.
import { textureOnlyCase } from './benchCase.mjs';

/** The shipped model's side (models/dense-motion-256.onnx): both generators are compared at this size only. */
export const ONNX_SIZE_PX = 256;
/** SwiftShader runs one inference in about a second; past this many portraits a case takes minutes, so larger counts are left out. */
export const ONNX_MAX_PORTRAITS = 4;
/** The warp twin first, so the ONNX runtime's memory does not weigh on it. */
const GENERATORS = ['warp', 'onnx'];

/**
 * Starts the page's texture-only engine, measures its empty scene, then warp and ONNX at
 * ONNX_SIZE_PX for each count up to ONNX_MAX_PORTRAITS; `measure(spec)` is run-bench's window.
 */
export async function measureTextureOnlyCases(page, counts, budgetMs, measure, log) {
  const engine = await page.evaluate(() => window.startTextureEngine());
  log(`texture-only engine: ${engine}`);
  const spec = { budgetMs, textureOnly: true };
  const empty = await measure({ ...spec, generator: 'none', portraits: 0, sizePx: 0 });
  const cases = [];
  for (const generator of GENERATORS) {
    for (const portraits of counts.filter((n) => n <= ONNX_MAX_PORTRAITS)) {
      const r = await measure({ ...spec, generator, portraits, sizePx: ONNX_SIZE_PX });
      cases.push(textureOnlyCase(generator, portraits, ONNX_SIZE_PX, r, empty));
    }
  }
  return { engine, emptyScene: { cpuMsPerFrame: empty.cpuMsPerFrame, frameMs: empty.frameMs.p50, frames: empty.frames }, cases };
}
