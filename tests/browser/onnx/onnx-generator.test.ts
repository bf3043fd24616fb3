// The ONNX generator on Babylon's WebGPU device in headless Chromium (SwiftShader): the
// shipped dense-motion model reproduces the source at rest and moves the face as the warp
// generator does; the contract check refuses models that do not fit; WebGL2 keeps the warp.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scene } from '@babylonjs/core/scene';
import { Color3, Color4 } from '@babylonjs/core/Maths/math.color';
import { Constants } from '@babylonjs/core/Engines/constants';
import { HtmlElementTexture } from '@babylonjs/core/Materials/Textures/htmlElementTexture';
import { RenderTargetTexture } from '@babylonjs/core/Materials/Textures/renderTargetTexture';
import { Texture } from '@babylonjs/core/Materials/Textures/texture';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import { TalkingPortrait } from '../../../plugin/babylon';
import { FaceTracker } from '../../../plugin/capture/FaceTracker';
import { FACE_OVAL } from '../../../plugin/core/landmarkIndices';
import { UnsupportedEngineError } from '../../../plugin/core/errors/gpuErrors';
import { OnnxGenerator } from '../../../plugin/render/onnx/OnnxGenerator';
import { createEngine } from '../../support/engines';
import { polygonMask } from '../../../tools/eval/pixels';
import { imageCanvas, psnr, referenceImage, type Rgba } from '../../support/pixels';
import { readRenderTarget, poseControls } from './renderTargetPixels';

const SIZE = 256;
const PORTRAIT = 'flare-female01.png';
const URL_PORTRAIT = `/tests/fixtures/portraits/${PORTRAIT}`;
/** As for the warp generator (QUALITY.md): a still face equals the source, less a GPU's resampling. */
const NEUTRAL_MIN_PSNR_DB = 35;
/** A pose counts as moved when the face differs from the neutral frame by more than resampling noise. */
const MOVED_MAX_PSNR_DB = 35;
/** The dense field is coarser than the warp's mesh and draws no mouth interior: agreement on the face is this close at least. */
const AGREES_MIN_PSNR_DB = 24;

describe('ONNX generator on WebGPU', () => {
  let engine: AbstractEngine;
  let scene: Scene;
  let tracker: FaceTracker;
  let portrait: TalkingPortrait;
  let generator: OnnxGenerator;
  let target: RenderTargetTexture;
  let source: HtmlElementTexture;
  const timings: number[] = [];
  const frames: Record<string, { onnx: Rgba; warp: Rgba; positions: Float32Array }> = {};

  beforeAll(async () => {
    engine = await createEngine('webgpu');
    scene = new Scene(engine);
    tracker = await FaceTracker.CreateAsync();
    portrait = await TalkingPortrait.CreateAsync(scene, URL_PORTRAIT, { size: SIZE, matte: Color3.White(), tracker });
    const canvas = await imageCanvas(URL_PORTRAIT);
    source = new HtmlElementTexture('onnxSource', canvas, { engine, scene, generateMipMaps: false, samplingMode: Texture.BILINEAR_SAMPLINGMODE });
    source.update(false);
    source.wrapU = source.wrapV = Texture.CLAMP_ADDRESSMODE;
    target = new RenderTargetTexture('onnxTarget', { width: SIZE, height: SIZE }, scene, { generateMipMaps: false, generateDepthBuffer: false, type: Constants.TEXTURETYPE_UNSIGNED_BYTE });
    generator = await OnnxGenerator.CreateAsync(engine, portrait.rig, source, target, { matte: new Color4(1, 1, 1, 1) });
    generator.onFrameShown.add((ms) => timings.push(ms));
  });
  afterAll(() => {
    console.log(`ONNX inference on SwiftShader, ms per frame: ${timings.map((t) => t.toFixed(0)).join(', ')}`);
    generator?.dispose();
    generator?.dispose();
    portrait?.dispose();
    scene?.dispose();
    engine?.dispose();
    tracker?.dispose();
  });

  it('shows the still portrait before any inference, and renders the neutral frame equal to the source', async () => {
    const reference = await referenceImage(URL_PORTRAIT, SIZE);
    const still = await readRenderTarget(target);
    expect(psnr(still, reference)).toBeGreaterThanOrEqual(NEUTRAL_MIN_PSNR_DB);
    for (const pose of ['neutral', 'jaw', 'yaw'] as const) {
      poseControls(portrait, pose);
      portrait.renderNow();
      const positions = new Float32Array(portrait.rig.positionsLength);
      portrait.rig.deform(portrait.controls, positions);
      expect(generator.render(positions)).toBe(true);
      expect(generator.busy).toBe(true);
      await generator.whenIdleAsync();
      frames[pose] = { onnx: await readRenderTarget(target), warp: { width: SIZE, height: SIZE, data: await portrait.readPixelsAsync() }, positions };
    }
    expect(psnr(frames.neutral.onnx, reference)).toBeGreaterThanOrEqual(NEUTRAL_MIN_PSNR_DB);
    expect(psnr(frames.neutral.onnx, frames.neutral.warp)).toBeGreaterThanOrEqual(NEUTRAL_MIN_PSNR_DB);
  });

  it.each(['jaw', 'yaw'])('moves the face for %s as the warp generator does', (pose) => {
    const f = frames[pose];
    expect(f, 'rendered in the first test').toBeTruthy();
    const face = polygonMask(FACE_OVAL.map((i) => [f.positions[i * 3] * SIZE, f.positions[i * 3 + 1] * SIZE] as const));
    const moved = psnr(f.onnx, frames.neutral.onnx, face);
    const agrees = psnr(f.onnx, f.warp, face);
    const stillVsWarp = psnr(frames.neutral.onnx, f.warp, face);
    console.log(`${pose}: face PSNR onnx vs warp ${agrees.toFixed(2)} dB (neutral vs warp ${stillVsWarp.toFixed(2)} dB, moved ${moved.toFixed(2)} dB)`);
    expect(moved).toBeLessThan(MOVED_MAX_PSNR_DB);
    expect(agrees).toBeGreaterThan(stillVsWarp);
    expect(agrees).toBeGreaterThanOrEqual(AGREES_MIN_PSNR_DB);
  });

  it('keeps at most one inference in flight and shows the latest pose', async () => {
    const shown = timings.length;
    const a = frames.jaw.positions, b = frames.yaw.positions;
    generator.render(a);
    generator.render(b);
    generator.render(a);
    generator.render(b);
    await generator.whenIdleAsync();
    // Four poses handed over while busy: the first runs, the newest runs next, the two between are dropped.
    expect(timings.length - shown).toBe(2);
    const last = await readRenderTarget(target);
    expect(psnr(last, frames.yaw.onnx)).toBeGreaterThanOrEqual(NEUTRAL_MIN_PSNR_DB);
  });
});

describe('ONNX generator on WebGL2', () => {
  it('is not supported, and CreateAsync says to keep the warp generator', async () => {
    const engine = await createEngine('webgl2');
    const scene = new Scene(engine);
    try {
      expect(OnnxGenerator.IsSupported(engine)).toBe(false);
      const target = new RenderTargetTexture('t', 64, scene);
      const error = await OnnxGenerator.CreateAsync(engine, null as never, null as never, target).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedEngineError);
      expect(String(error)).toMatch(/keep the warp generator/);
    } finally {
      scene.dispose();
      engine.dispose();
    }
  });
});
