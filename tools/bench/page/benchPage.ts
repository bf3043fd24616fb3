// The page behind `npm run bench` (tools/bench/run-bench.mjs): builds each scene, records per-frame numbers, renders clip frames and the plot.
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import { Engine } from '@babylonjs/core/Engines/engine';
import { WebGPUEngine } from '@babylonjs/core/Engines/webgpuEngine';
import { RegisterEnginesWebGPUExtensionsEngineVideoTexture } from '@babylonjs/core/Engines/WebGPU/Extensions/engine.videoTexture.pure';
import { fixtureRig, type RecordedLandmarks } from '../fixtureRig';
import { drawBenchPlot, type PlotCase } from './benchPlot';
import { BenchScene, type BenchFace, type BenchSceneSpec } from './benchScene';
import { ClipFrames } from './clipFrames';
import { FrameSamples } from './frameSamples';
import { GpuFramePacer, createTextureOnlyEngine } from './textureEngine';

/** Portraits the scenes cycle through (recorded landmarks, so nothing is detected during the benchmark). */
const FACES = ['flare-female01', 'flare-male03', 'flare-female02', 'flare-male01'];
const LANDMARKS = import.meta.glob<RecordedLandmarks>('../../../tests/fixtures/landmarks/*.json', { eager: true, import: 'default' });
const P50 = 0.5;
const P95 = 0.95;

/** What one measured window gives back to Node. */
export interface WindowResult {
  frames: number;
  frameMs: { p50: number; p95: number; mean: number };
  mainThreadMs: { p50: number; p95: number; mean: number };
  systemMs: { p50: number; p95: number; mean: number } | null;
  budgetedMs: { p50: number; p95: number; mean: number } | null;
  motionMs: { p50: number; mean: number } | null;
  /** Mean GPU time of the portraits' passes per frame (WebGPU with timestamp-query), ms; null where unmeasurable. */
  gpuMs: number | null;
  /** Mean GPU time of whole frames where the engine measures it, ms. */
  gpuFrameMs: number | null;
  /** Warp: the scheduler's view at the end of the window. */
  levels: { sizes: Record<number, number>; rates: Record<number, number> } | null;
  /** Warp: share of frames whose whole PortraitSystem.update took more than the budget + 10 %. */
  overBudgetShare: number | null;
  overBudgetShareBudgeted: number | null;
  /** ONNX only: time from starting an inference until its frame was shown, over the frames shown in the window, ms. */
  inferenceMs: { p50: number; p95: number; mean: number } | null;
  /** ONNX only: frames the portraits' inferences finished and showed in the window (all portraits together). */
  framesShown: number | null;
}

/** Over the budget by more than this fraction counts as an over-budget frame. */
const OVER_BUDGET_TOLERANCE = 0.1;

const samples = new FrameSamples();
const canvas = document.getElementById('scene') as HTMLCanvasElement;
let engine: AbstractEngine | null = null;
/** The WebGPU engine that renders only into textures (the ONNX cases and their warp twins). */
let textureEngine: AbstractEngine | null = null;
let faces: BenchFace[] = [];
let current: BenchScene | null = null;
let currentSpec: BenchSceneSpec | null = null;
const clips = new Map<number, ClipFrames>();

async function startEngine(kind: 'webgl2' | 'webgpu'): Promise<string> {
  if (kind === 'webgpu') {
    // Headless Chromium on SwiftShader loses the device when presenting WebGPU to a canvas, and a canvas that presents
    // nothing has no back-pressure, so its frame figures would mean nothing: WebGPU is for browsers on a real GPU.
    if ((await navigator.gpu?.requestAdapter())?.info.architecture === 'swiftshader') {
      throw new Error('bench: WebGPU on SwiftShader cannot present to a canvas; use --engine webgl2 on machines without a GPU.');
    }
    RegisterEnginesWebGPUExtensionsEngineVideoTexture();
    const gpuEngine = new WebGPUEngine(canvas, { antialias: false, stencil: false, enableAllFeatures: true });
    await gpuEngine.initAsync();
    engine = gpuEngine;
  } else {
    engine = new Engine(canvas, false, { stencil: false, antialias: false }, false);
  }
  faces = await Promise.all(FACES.map((name) => fixtureRig(`/tests/fixtures/portraits/${name}.png`, LANDMARKS[`../../../tests/fixtures/landmarks/${name}.json`])));
  const running = engine;
  renderCurrentScenesOn(running);
  const info = (running as AbstractEngine & { getGlInfo?: () => { renderer: string } }).getGlInfo?.();
  return `${running.description}${info ? ` (${info.renderer})` : ''}`;
}

/** Renders the current scene each frame when it lives on `running` (the page has up to two engines), paced by `pacer` if given. */
function renderCurrentScenesOn(running: AbstractEngine, pacer: GpuFramePacer | null = null): void {
  running.runRenderLoop(() => {
    if (!current || current.scene.getEngine() !== running || (pacer && !pacer.ready)) return;
    current.scene.render();
    current.recordSystem();
    pacer?.frameSubmitted();
  });
}

/** Starts the texture-only WebGPU engine (after startEngine); returns its description. */
async function startTextureEngine(): Promise<string> {
  need();
  if (!textureEngine) {
    const created = await createTextureOnlyEngine();
    textureEngine = created;
    renderCurrentScenesOn(created, new GpuFramePacer(created));
  }
  return `${textureEngine.description}, rendering into textures only, one frame in flight`;
}

function need(textureOnly = false): AbstractEngine {
  if (!engine) throw new Error('bench page: call startEngine first.');
  if (!textureOnly) return engine;
  if (!textureEngine) throw new Error('bench page: call startTextureEngine before a textureOnly scene.');
  return textureEngine;
}

async function setup(spec: BenchSceneSpec): Promise<void> {
  samples.recording = false;
  const previous = current;
  current = null;
  await previous?.disposeAsync();
  current = await BenchScene.CreateAsync(need(spec.textureOnly), spec, faces, samples);
  currentSpec = spec;
}

/** Frames recorded so far in the open window. */
function framesSoFar(): number {
  return samples.frameMs.count;
}

/** ONNX frames shown so far in the open window. */
function shownSoFar(): number {
  return samples.inferenceMs.count;
}

function startWindow(): void {
  samples.clear();
  samples.recording = true;
}

function summary(series: FrameSamples['frameMs']) {
  return { p50: series.percentile(P50), p95: series.percentile(P95), mean: series.mean() };
}

function stopWindow(): WindowResult {
  samples.recording = false;
  const failure = current?.onnxFailure;
  if (failure) throw new Error(`bench: an ONNX inference failed, so this window's figures mean nothing: ${failure.message}`);
  const warp = currentSpec?.generator === 'warp' || currentSpec?.generator === 'onnx';
  const onnx = currentSpec?.generator === 'onnx';
  const system = current?.system ?? null;
  let levels: WindowResult['levels'] = null;
  if (system) {
    levels = { sizes: {}, rates: {} };
    for (const p of system.scheduler.portraits) {
      levels.sizes[p.size] = (levels.sizes[p.size] ?? 0) + 1;
      levels.rates[p.rate] = (levels.rates[p.rate] ?? 0) + 1;
    }
  }
  const limit = (currentSpec?.budgetMs ?? Infinity) * (1 + OVER_BUDGET_TOLERANCE);
  return {
    frames: samples.frameMs.count,
    frameMs: summary(samples.frameMs),
    mainThreadMs: summary(samples.mainThreadMs),
    systemMs: warp ? summary(samples.systemMs) : null,
    budgetedMs: warp ? summary(samples.budgetedMs) : null,
    motionMs: warp ? { p50: samples.motionMs.percentile(P50), mean: samples.motionMs.mean() } : null,
    gpuMs: samples.gpuMs.count > 0 ? samples.gpuMs.mean() : null,
    gpuFrameMs: samples.gpuFrameMs.count > 0 ? samples.gpuFrameMs.mean() : null,
    levels,
    overBudgetShare: warp ? samples.systemMs.shareAbove(limit) : null,
    overBudgetShareBudgeted: warp ? samples.budgetedMs.shareAbove(limit) : null,
    inferenceMs: onnx ? summary(samples.inferenceMs) : null,
    framesShown: onnx ? samples.inferenceMs.count : null,
  };
}

async function clipFrame(sizePx: number, index: number, fps: number): Promise<string> {
  samples.recording = false;
  current?.dispose();
  current = null;
  let clip = clips.get(sizePx);
  if (!clip) {
    clip = await ClipFrames.CreateAsync(need(), faces[0], sizePx);
    clips.set(sizePx, clip);
  }
  return clip.frameAsync(index, fps);
}

function finishClips(): void {
  for (const clip of clips.values()) clip.dispose();
  clips.clear();
}

function plot(cases: PlotCase[], title: string): string {
  return drawBenchPlot(cases, title);
}

Object.assign(window, { startEngine, startTextureEngine, setup, startWindow, framesSoFar, shownSoFar, stopWindow, clipFrame, finishClips, plot, currentScene: () => current, toolReady: true });
