// The ONNX generator's contract check on real onnxruntime-web: models that do not fit are
// refused with a message naming what is wrong, including nodes that would fall back to the
// CPU; the shipped model has every node on the WebGPU execution provider.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scene } from '@babylonjs/core/scene';
import { RenderTargetTexture } from '@babylonjs/core/Materials/Textures/renderTargetTexture';
import { RawTexture } from '@babylonjs/core/Materials/Textures/rawTexture';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import { ModelLoadError } from '../../../plugin/core/errors/dataErrors';
import { buildPortraitRig } from '../../../plugin/rig/buildPortraitRig';
import { PortraitRig } from '../../../plugin/rig/PortraitRig';
import { OnnxGenerator } from '../../../plugin/render/onnx/OnnxGenerator';
import { OnnxContractError } from '../../../plugin/render/onnx/OnnxContractError';
import { createWebGpuSession } from '../../../plugin/render/onnx/createWebGpuSession';
import { defaultOrtWasmUrl, loadOrtWebGpu } from '../../../plugin/render/onnx/loadOrtWebGpu';
import { captureOrtLog } from '../../../plugin/render/onnx/ortLogRouter';
import { defaultOnnxModelUrl } from '../../../plugin/render/onnx/loadModelBytes';
import { denseMotionModel } from '../../../tools/onnx/denseMotionGraph.mjs';
import { encodeModel } from '../../../tools/onnx/onnxProto.mjs';
import { createEngine } from '../../support/engines';

type ModelDescription = ReturnType<typeof denseMotionModel>;
const FLOAT16 = 10;

/** Refusals the contract check must give, each with the words its message must contain. */
const WRONG_MODELS: [string, () => ModelDescription, RegExp][] = [
  ['an unknown input name', () => denseMotionModel({ names: { targetPoints: 'landmarks' } }), /Input 'landmarks' is not one the generator can feed/],
  ['a missing output', () => denseMotionModel({ names: { output: 'frame' } }), /no output named 'image' \(it declares 'frame'\)/],
  ['a three-channel image', () => { const m = denseMotionModel(); m.inputs[0].shape = [1, 3, 256, 256]; return m; }, /Input 'source_image' has shape \[1, 3, 256, 256\]/],
  ['points of another count', () => { const m = denseMotionModel(); m.inputs[2].shape = [1, 12, 2]; return m; }, /Input 'target_points' has shape \[1, 12, 2\]; the contract needs \[1, 590, 2\]/],
  ['float16 tensors', () => { const m = denseMotionModel(); (m.inputs[0] as { elemType: number }).elemType = FLOAT16; return m; }, /Input 'source_image' is float16; the contract needs float32/],
  ['more control points than the rig has', () => denseMotionModel({ controlCount: 5000 }), /asks for rig vertex \d+, but this portrait's rig has \d+ vertices/],
  ['GridSample at opset 20', () => denseMotionModel({ opset: 20, irVersion: 9, gridSampleMode: 'linear' }), /GridSample at opset 20\) would run on the CPU/],
];

describe('ONNX contract check', () => {
  let engine: AbstractEngine;
  let scene: Scene;
  let rig: PortraitRig;
  let source: RawTexture;
  let target: RenderTargetTexture;
  beforeAll(async () => {
    engine = await createEngine('webgpu');
    scene = new Scene(engine);
    const fixture = (await (await fetch('/tests/fixtures/landmarks/flare-female01.json')).json()) as { width: number; height: number; landmarks: number[][] };
    rig = new PortraitRig(buildPortraitRig({ landmarks: fixture.landmarks.flat(), imageWidth: fixture.width, imageHeight: fixture.height }));
    source = RawTexture.CreateRGBATexture(new Uint8Array(4 * 16 * 16).fill(200), 16, 16, scene);
    target = new RenderTargetTexture('t', 64, scene);
  });
  afterAll(() => {
    scene?.dispose();
    engine?.dispose();
  });

  const create = (bytes: Uint8Array) => OnnxGenerator.CreateAsync(engine, rig, source, target, { model: bytes }).catch((e: unknown) => e);

  it.each(WRONG_MODELS)('refuses %s, saying what is wrong', async (_, build, message) => {
    const error = await create(encodeModel(build()));
    expect(error).toBeInstanceOf(OnnxContractError);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as Error).message).toMatch(message);
  });

  it('refuses a model with a node the WebGPU EP cannot run', async () => {
    // The WebGPU EP has no Shrink kernel: onnxruntime would run this node on the CPU.
    const m = denseMotionModel();
    m.nodes = m.nodes.map((n) => (n.opType === 'Exp' ? { ...n, inputs: ['logits_shrunk'] } : n));
    m.nodes.splice(10, 0, { opType: 'Shrink', name: 'cpu_only', inputs: ['logits'], outputs: ['logits_shrunk'], attributes: { lambd: 0.5, bias: 0.5 } } as never);
    const error = await create(encodeModel(m));
    expect(error).toBeInstanceOf(OnnxContractError);
    expect((error as Error).message).toMatch(/nodes would run on the CPU, not on the WebGPU EP/);
  });

  it('refuses bytes that are not an ONNX model with ModelLoadError', async () => {
    const error = await create(new TextEncoder().encode('<!doctype html><p>not found</p>'));
    expect(error).toBeInstanceOf(ModelLoadError);
    expect(error).not.toBeInstanceOf(OnnxContractError);
  });

  it('places every node of the shipped model on the WebGPU execution provider (onnxruntime verbose log)', async () => {
    const bytes = new Uint8Array(await (await fetch(defaultOnnxModelUrl())).arrayBuffer());
    const ort = await loadOrtWebGpu(defaultOrtWasmUrl());
    const device = (engine as unknown as { _device: GPUDevice })._device;
    ort.env.logLevel = 'verbose';
    const { result: session, lines } = await captureOrtLog(() => ort.InferenceSession.create(bytes, { executionProviders: [{ name: 'webgpu', device } as never], logSeverityLevel: 0 }));
    ort.env.logLevel = 'warning';
    expect(session?.inputNames).toEqual(['source_image', 'source_points', 'target_points']);
    expect(session?.outputNames).toEqual(['image']);
    await session?.release();
    expect(lines.join('\n')).toMatch(/All nodes placed on \[WebGpuExecutionProvider\]/);
    // And the generator's own check (which reads the same log) accepts it.
    const checked = await createWebGpuSession(ort, device, bytes, 'the shipped model');
    await checked.release();
  });
});
