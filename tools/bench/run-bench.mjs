#!/usr/bin/env node
// The frame-budget benchmark (not a test): live warp portraits against a VideoTexture baseline in headless Chromium,
// main-thread, GPU, frame and whole-browser CPU cost per frame, and the scheduler under a 1 ms budget; the ONNX generator
// against the warp on a WebGPU engine that renders only into textures (so it runs on SwiftShader too).
// Usage: npm run bench -- --out FILE.json [--plot FILE.png] [--seconds 3] [--engine webgl2|webgpu] [--portraits 1,4,16,64] [--sizes 256,512,1024]
//        [--generators warp,video,onnx]  (warp also runs the budget cases; onnx runs ONNX and warp on the texture-only engine)
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, openToolPage } from '../browser/harness.mjs';
import { benchCase } from './benchCase.mjs';
import { summarize } from './benchSummary.mjs';
import { makeClips } from './makeClips.mjs';
import { printBenchTable } from './printBenchTable.mjs';
import { findBrowserPid, treeCpuMs } from './processCpu.mjs';
import { measureTextureOnlyCases } from './textureOnlyCases.mjs';

const USAGE = 'usage: npm run bench -- --out FILE.json [--plot FILE.png] [--seconds 3] [--engine webgl2|webgpu] [--portraits 1,4,16,64] [--sizes 256,512,1024] [--generators warp,video,onnx]';
const GENERATORS = ['warp', 'video', 'onnx'];
/** A budget no scene reaches, so every cost case runs each portrait at its full size every frame. */
const UNLIMITED_BUDGET_MS = 1000;
/** The scheduler case: 64 portraits at 512 px under 1 ms, with the scheduler's default floor rate (every 8th frame). */
const BUDGET_CASE = { portraits: 64, sizePx: 512, budgetMs: 1 };
/** The same with a slower floor (every 32nd frame, still about 2 updates a second at 60 fps) for crowds. */
const BUDGET_CASE_SLOW_FLOOR = { ...BUDGET_CASE, floorRate: 32 };
/** A window lasts at least this many frames (slow scenes on a CPU renderer take seconds per frame)… */
const MIN_FRAMES = 5;
/** …but no longer than this. */
const MAX_WINDOW_S = 20;
/** ONNX windows also wait for this many frames shown per portrait, so inference percentiles rest on more than one run… */
const MIN_SHOWN_PER_PORTRAIT = 2;
/** …for at most this long (SwiftShader on two shared cores took about 7 s per inference with one portrait). */
const ONNX_MAX_WINDOW_S = 40;
const POLL_MS = 250;
/** Frames before a window opens: clips start, shaders settle, the scheduler's levels climb (30 frames). */
const WARMUP_S = 1;
const BUDGET_WARMUP_S = 3;
const MS_PER_S = 1000;
/** The page draws into a canvas of this size (tools/pages/bench.html). */
const WINDOW_SIZE = '--window-size=960,540';

let values;
try {
  ({ values } = parseArgs({
    options: {
      out: { type: 'string' }, plot: { type: 'string' }, seconds: { type: 'string' }, engine: { type: 'string' },
      portraits: { type: 'string' }, sizes: { type: 'string' }, generators: { type: 'string' },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
const outFile = resolve(values.out ?? join(REPO_ROOT, 'bench-results/bench.json'));
const plotFile = resolve(values.plot ?? outFile.replace(/\.json$/i, '') + '.png');
const seconds = Number(values.seconds ?? 3);
const engineKind = values.engine ?? 'webgl2';
const counts = (values.portraits ?? '1,4,16,64').split(',').map(Number);
const sizes = (values.sizes ?? '256,512,1024').split(',').map(Number);
const generators = (values.generators ?? GENERATORS.join(',')).split(',');
if (!(seconds > 0) || !['webgl2', 'webgpu'].includes(engineKind) || counts.some((n) => !(n >= 1)) || sizes.some((s) => ![128, 256, 512, 1024].includes(s))
  || generators.some((g) => !GENERATORS.includes(g))) {
  console.error(USAGE);
  process.exit(2);
}

const log = (line) => process.stderr.write(`${line}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const started = Date.now();
const clipDir = await mkdtemp(join(tmpdir(), 'talking-portraits-clips-'));
const tool = await openToolPage('tools/pages/bench.html', { extraArgs: [WINDOW_SIZE], mounts: { '/@clips/': clipDir }, log });
let document;
try {
  const browserPid = findBrowserPid();
  const engine = await tool.page.evaluate((kind) => window.startEngine(kind), engineKind);
  log(`engine: ${engine}; browser pid ${browserPid}`);
  const clips = generators.includes('video') ? await makeClips(tool.page, sizes, clipDir, log) : {};

  /** Builds a scene, lets it run, then measures one window: page figures plus the browser's CPU time per frame. */
  async function measure(spec, warmupS = WARMUP_S) {
    await tool.page.evaluate((s) => window.setup(s), spec);
    await sleep(warmupS * MS_PER_S);
    const cpuBefore = treeCpuMs(browserPid);
    await tool.page.evaluate(() => window.startWindow());
    const opened = Date.now();
    await sleep(seconds * MS_PER_S);
    const minShown = spec.generator === 'onnx' ? MIN_SHOWN_PER_PORTRAIT * spec.portraits : 0;
    const enough = async () => (await tool.page.evaluate(() => window.framesSoFar())) >= MIN_FRAMES && (await tool.page.evaluate(() => window.shownSoFar())) >= minShown;
    const maxWindowMs = (spec.generator === 'onnx' ? ONNX_MAX_WINDOW_S : MAX_WINDOW_S) * MS_PER_S;
    while (!(await enough()) && Date.now() - opened < maxWindowMs) await sleep(POLL_MS);
    const result = await tool.page.evaluate(() => window.stopWindow());
    const cpuAfter = treeCpuMs(browserPid);
    const cpuMsPerFrame = result.frames > 0 ? (cpuAfter.ms - cpuBefore.ms) / result.frames : null;
    const shown = result.framesShown === null ? '' : `, ${result.framesShown} shown, inference p50 ${result.inferenceMs.p50?.toFixed(1)} ms`;
    log(`${spec.generator}${spec.textureOnly ? ' (textures)' : ''} ${spec.portraits}×${spec.sizePx}: ${result.frames} frames${shown}, main p50 ${result.mainThreadMs.p50?.toFixed(3)} ms, CPU ${cpuMsPerFrame?.toFixed(2)} ms/frame over ${cpuAfter.processes} processes`);
    return { ...result, cpuMsPerFrame, processes: cpuAfter.processes };
  }

  const empty = await measure({ generator: 'none', portraits: 0, sizePx: 0, budgetMs: UNLIMITED_BUDGET_MS });
  const cases = [];
  for (const generator of ['warp', 'video'].filter((g) => generators.includes(g))) {
    for (const sizePx of sizes) {
      for (const portraits of counts) {
        const r = await measure({ generator, portraits, sizePx, budgetMs: UNLIMITED_BUDGET_MS, clipUrl: `/@clips/${clips[sizePx]}` });
        cases.push(benchCase(generator, portraits, sizePx, r, empty));
      }
    }
  }
  const runBudget = generators.includes('warp');
  const budget = runBudget ? await measure({ generator: 'warp', ...BUDGET_CASE }, BUDGET_WARMUP_S) : null;
  const budgetSlowFloor = runBudget ? await measure({ generator: 'warp', ...BUDGET_CASE_SLOW_FLOOR }, BUDGET_WARMUP_S) : null;
  const textureOnly = generators.includes('onnx') ? await measureTextureOnlyCases(tool.page, counts, UNLIMITED_BUDGET_MS, measure, log) : null;
  // The plot keeps to the canvas engine's cases (ONNX's whole cost would flatten them); with none, it shows the texture-only ones.
  const plotted = cases.length > 0 ? [...cases] : textureOnly?.cases ?? [];
  const plotEngine = cases.length > 0 ? engine : textureOnly?.engine;
  if (textureOnly) cases.push(...textureOnly.cases);
  document = {
    tool: 'tools/bench/run-bench.mjs',
    date: new Date().toISOString(),
    engine,
    measureSeconds: seconds,
    clip: { codec: 'vp9 (libvpx-vp9, ffmpeg), webm', fps: 30, frames: 60, madeFrom: 'the warp generator rendering BenchMotion (IdleMotion + a 4 Hz jaw)' },
    emptyScene: { cpuMsPerFrame: empty.cpuMsPerFrame, frameMs: empty.frameMs.p50, frames: empty.frames },
    cases,
    budgetCase: budget && { ...BUDGET_CASE, ...budget },
    budgetCaseSlowFloor: budgetSlowFloor && { ...BUDGET_CASE_SLOW_FLOOR, ...budgetSlowFloor },
    /** The texture-only WebGPU engine of the ONNX cases and their warp twins (cases with `engine` set); null when not run. */
    textureOnly: textureOnly && { engine: textureOnly.engine, emptyScene: textureOnly.emptyScene },
    summary: summarize(cases, budget, budgetSlowFloor),
  };
  const plotUrl = await tool.page.evaluate(([c, title]) => window.plot(c, title), [plotted, `portrait frame budget: ${plotEngine}`]);
  await mkdir(dirname(plotFile), { recursive: true });
  await writeFile(plotFile, Buffer.from(plotUrl.slice('data:image/png;base64,'.length), 'base64'));
} finally {
  await tool.close();
  await rm(clipDir, { recursive: true, force: true });
}
document.seconds = Math.round((Date.now() - started) / MS_PER_S);
await mkdir(dirname(outFile), { recursive: true });
await writeFile(outFile, `${JSON.stringify(document, null, 1)}\n`);
printBenchTable(document);
console.log(`report: ${outFile}\nplot: ${plotFile}`);
