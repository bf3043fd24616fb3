// GPU time per portrait where the engine can measure it (WebGPU with 'timestamp-query', which SwiftShader has), null where it cannot.
import { afterEach, describe, expect, it } from 'vitest';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import { WebGPUEngine } from '@babylonjs/core/Engines/webgpuEngine';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Scene } from '@babylonjs/core/scene';
import { PortraitSystem, TalkingPortrait } from '../../../plugin/babylon';
import { fixtureRig, type RecordedLandmarks } from '../../../tools/bench/fixtureRig';
import recorded from '../../fixtures/landmarks/flare-female01.json';
import { createEngine } from '../../support/engines';
import { installWebGpuCanvasShim } from '../../support/webgpuCanvasShim';

const IMAGE_URL = '/tests/fixtures/portraits/flare-female01.png';
/** Timestamp results come back a few frames late, through a buffer map: give them this many frames. */
const MAX_FRAMES = 120;
const FRAME_GAP_MS = 10;

/** Renders whole frames until the portrait's pass and the frame both have a GPU time; returns how many it took, -1 if none came. */
async function gpuTimedFrames(scene: Scene, system: PortraitSystem, portrait: TalkingPortrait): Promise<number> {
  for (let f = 0; f < MAX_FRAMES; f++) {
    portrait.controls.set('jawOpen', (f % 10) / 10);
    // A whole engine frame, as runRenderLoop does: WebGPU submits the frame's commands (and its timestamp queries) in endFrame.
    const engine = scene.getEngine();
    engine.beginFrame();
    scene.render();
    engine.endFrame();
    await new Promise((resolve) => setTimeout(resolve, FRAME_GAP_MS));
    if (portrait.stats.gpuMs !== null && system.stats.gpuFrameMs !== null) return f;
  }
  return -1;
}

describe('GPU timing', () => {
  let engine: AbstractEngine | undefined;
  let scene: Scene | undefined;
  afterEach(() => {
    scene?.dispose();
    engine?.dispose();
  });

  async function portraitOn(made: AbstractEngine): Promise<{ system: PortraitSystem; portrait: TalkingPortrait }> {
    engine = made;
    scene = new Scene(made);
    new FreeCamera('camera', new Vector3(0, 0, -5), scene);
    const system = PortraitSystem.Get(scene, { budgetMs: 1000 });
    const { canvas, rig } = await fixtureRig(IMAGE_URL, recorded as RecordedLandmarks);
    const portrait = await TalkingPortrait.CreateAsync(scene, canvas, { rig, size: 256 });
    return { system, portrait };
  }

  it('times each portrait pass on WebGPU when the device has timestamp-query', async () => {
    installWebGpuCanvasShim();
    const canvas = document.createElement('canvas');
    const gpu = new WebGPUEngine(canvas, { antialias: false, stencil: false, enableAllFeatures: true });
    await gpu.initAsync();
    expect(gpu.getCaps().timerQuery, 'SwiftShader offers timestamp-query').toBeTruthy();
    const { system, portrait } = await portraitOn(gpu);
    expect(system.gpuTiming).toBe('pass');
    const frames = await gpuTimedFrames(scene!, system, portrait);
    expect(frames).toBeGreaterThanOrEqual(0);
    expect(portrait.stats.gpuMs).toBeGreaterThan(0);
    expect(portrait.stats.mainThreadMs).toBeGreaterThan(0);
    expect(system.stats.gpuFrameMs).toBeGreaterThan(0);
  });

  it('reports null on WebGL2 without a timer-query extension (SwiftShader has none)', async () => {
    const { system, portrait } = await portraitOn(await createEngine('webgl2'));
    expect(system.gpuTiming).toBeNull();
    for (let f = 0; f < 8; f++) {
      portrait.controls.set('jawOpen', f / 10);
      scene!.render();
    }
    expect(portrait.stats.updateCount).toBeGreaterThan(0);
    expect(portrait.stats.gpuMs).toBeNull();
    expect(system.stats.gpuFrameMs).toBeNull();
  });
});
