// TalkingPortrait's `generator` option: 'onnx' draws with the ONNX generator on a WebGPU engine
// and keeps the warp generator, saying so, on WebGL2.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Scene } from '@babylonjs/core/scene';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Logger } from '@babylonjs/core/Misc/logger';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import { TalkingPortrait } from '../../../plugin/babylon';
import type { OnnxGenerator } from '../../../plugin/render/onnx/OnnxGenerator';
import { FaceTracker } from '../../../plugin/capture/FaceTracker';
import type { PortraitRigData } from '../../../plugin/rig/PortraitRigData';
import { loseDevice } from '../../support/deviceLoss';
import { createEngine } from '../../support/engines';
import { psnr, type Rgba } from '../../support/pixels';

const SIZE = 256;
const URL_PORTRAIT = '/tests/fixtures/portraits/flare-female01.png';
/** A character with another shot of her (few-shot): her eyes closed. */
const URL_SHOT_PORTRAIT = '/tests/fixtures/few-shot/sylvie.png';
const URL_EYES_CLOSED_SHOT = '/tests/fixtures/few-shot/sylvie.shots/eyes-closed.png';
/** Two warp generators drawing the same rig, shot and pose: only float noise may differ. */
const SAME_DRAWING_MIN_PSNR_DB = 40;
/** QUALITY.md's neutral probe: a still face equals the source (here: the warp's still frame), less resampling. */
const NEUTRAL_MIN_PSNR_DB = 35;
/** An open jaw changes the frame by more than resampling noise. */
const MOVED_MAX_PSNR_DB = 35;

const asRgba = (data: Uint8Array): Rgba => ({ width: SIZE, height: SIZE, data });

describe("TalkingPortrait's generator option", () => {
  let rig: PortraitRigData;

  beforeAll(async () => {
    // One detection, shared as a baked rig by every portrait below.
    const engine = await createEngine('webgl2');
    const scene = new Scene(engine);
    const tracker = await FaceTracker.CreateAsync();
    const portrait = await TalkingPortrait.CreateAsync(scene, URL_PORTRAIT, { size: SIZE, tracker, calibrateHeadTurns: false });
    rig = portrait.rig.data;
    tracker.dispose();
    scene.dispose();
    engine.dispose();
  });

  describe('on WebGPU', () => {
    let engine: AbstractEngine;
    let scene: Scene;
    beforeAll(async () => {
      engine = await createEngine('webgpu');
      scene = new Scene(engine);
    });
    afterAll(() => {
      scene.dispose();
      engine.dispose();
    });

    it("draws with the ONNX generator: the still face as the warp draws it, and the jaw moves it", async () => {
      const warp = await TalkingPortrait.CreateAsync(scene, URL_PORTRAIT, { size: SIZE, rig, matte: Color3.White() });
      const onnx = await TalkingPortrait.CreateAsync(scene, URL_PORTRAIT, { size: SIZE, rig, matte: Color3.White(), generator: 'onnx' });
      expect(warp.generatorKind).toBe('warp');
      expect(onnx.generatorKind).toBe('onnx');
      const still = asRgba(await onnx.readPixelsAsync());
      expect(psnr(still, asRgba(await warp.readPixelsAsync()))).toBeGreaterThanOrEqual(NEUTRAL_MIN_PSNR_DB);
      onnx.controls.set('jawOpen', 1);
      onnx.renderNow();
      expect(psnr(asRgba(await onnx.readPixelsAsync()), still)).toBeLessThan(MOVED_MAX_PSNR_DB);
      onnx.dispose();
      onnx.dispose();
      warp.dispose();
    });

    it('hands a portrait to the warp generator when the device its ONNX session ran on is lost', async () => {
      const own = await createEngine('webgpu');
      const ownScene = new Scene(own);
      const warned = vi.spyOn(Logger, 'Warn');
      try {
        const onnx = await TalkingPortrait.CreateAsync(ownScene, URL_PORTRAIT, { size: SIZE, rig, matte: Color3.White(), generator: 'onnx' });
        const still = asRgba(await onnx.readPixelsAsync());
        const restored = new Promise<void>((resolve) => onnx.onDeviceRestoredObservable.addOnce(() => resolve()));
        await loseDevice(own, async () => undefined);
        await restored;
        expect(onnx.generatorKind).toBe('warp');
        expect(warned.mock.calls.some(([message]) => /cannot move to the engine's new device/.test(String(message)))).toBe(true);
        expect(psnr(asRgba(await onnx.readPixelsAsync()), still)).toBeGreaterThanOrEqual(NEUTRAL_MIN_PSNR_DB);
        onnx.dispose();
      } finally {
        warned.mockRestore();
        ownScene.dispose();
        own.dispose();
      }
    });

    it('draws a shot the ONNX portrait kept once the warp takes over after a device loss, as a warp portrait with that shot does', async () => {
      const own = await createEngine('webgpu');
      const ownScene = new Scene(own);
      const tracker = await FaceTracker.CreateAsync();
      const warned = vi.spyOn(Logger, 'Warn');
      try {
        const options = { size: SIZE, matte: Color3.White(), tracker, calibrateHeadTurns: false };
        const onnx = await TalkingPortrait.CreateAsync(ownScene, URL_SHOT_PORTRAIT, { ...options, generator: 'onnx' });
        const warp = await TalkingPortrait.CreateAsync(ownScene, URL_SHOT_PORTRAIT, options);
        for (const p of [onnx, warp]) await p.addShotAsync(URL_EYES_CLOSED_SHOT, { eyesClosed: true });
        expect(warned.mock.calls.some(([message]) => /the shot is kept but not drawn/.test(String(message)))).toBe(true);
        const restored = Promise.all([onnx, warp].map((p) => new Promise<void>((resolve) => p.onDeviceRestoredObservable.addOnce(() => resolve()))));
        await loseDevice(own, async () => undefined);
        await restored;
        expect(onnx.generatorKind).toBe('warp');
        for (const p of [onnx, warp]) {
          p.controls.set('eyeBlinkLeft', 1).set('eyeBlinkRight', 1);
          p.renderNow();
        }
        expect(Math.max(...onnx.rig.shotWeights), 'the blink shows the eyes shot').toBeGreaterThan(0);
        expect(psnr(asRgba(await onnx.readPixelsAsync()), asRgba(await warp.readPixelsAsync()))).toBeGreaterThanOrEqual(SAME_DRAWING_MIN_PSNR_DB);
        onnx.dispose();
        warp.dispose();
      } finally {
        warned.mockRestore();
        tracker.dispose();
        ownScene.dispose();
        own.dispose();
      }
    });

    it('runs two ONNX portraits on one page, taking turns with onnxruntime', async () => {
      const options = { size: SIZE, rig, matte: Color3.White(), generator: 'onnx' as const };
      const [first, second] = await Promise.all([
        TalkingPortrait.CreateAsync(scene, URL_PORTRAIT, options),
        TalkingPortrait.CreateAsync(scene, URL_PORTRAIT, options),
      ]);
      const stills = [asRgba(await first.readPixelsAsync()), asRgba(await second.readPixelsAsync())];
      first.controls.set('jawOpen', 1);
      second.controls.setHead(0.25, 0, 0);
      // Both start an inference in the same frame: one runs, the other waits its turn.
      first.renderNow();
      second.renderNow();
      const moved = [asRgba(await first.readPixelsAsync()), asRgba(await second.readPixelsAsync())];
      expect(psnr(moved[0], stills[0])).toBeLessThan(MOVED_MAX_PSNR_DB);
      expect(psnr(moved[1], stills[1])).toBeLessThan(MOVED_MAX_PSNR_DB);
      // The waiting run started, and both frames were presented, outside render(): main-thread time no update saw.
      const outside = (p: TalkingPortrait) => (p.generator as OnnxGenerator).takeOutsideRenderMs();
      expect(outside(first) + outside(second)).toBeGreaterThan(0);
      expect(outside(first) + outside(second), 'taken once').toBe(0);
      first.dispose();
      second.dispose();
    });
  });

  it('keeps the warp generator on WebGL2 and says so', async () => {
    const engine = await createEngine('webgl2');
    const scene = new Scene(engine);
    const warn = vi.spyOn(Logger, 'Warn');
    try {
      const portrait = await TalkingPortrait.CreateAsync(scene, URL_PORTRAIT, { size: SIZE, rig, generator: 'onnx' });
      expect(portrait.generatorKind).toBe('warp');
      expect(warn.mock.calls.some(([message]) => /ONNX generator needs WebGPU/.test(String(message)))).toBe(true);
      expect(portrait.isReady()).toBe(true);
    } finally {
      warn.mockRestore();
      scene.dispose();
      engine.dispose();
    }
  });

  it('refuses an unknown generator by name', async () => {
    const engine = await createEngine('webgl2');
    const scene = new Scene(engine);
    try {
      await expect(TalkingPortrait.CreateAsync(scene, URL_PORTRAIT, { rig, generator: 'neural' as 'warp' })).rejects.toThrow(/generator must be 'warp' or 'onnx'/);
    } finally {
      scene.dispose();
      engine.dispose();
    }
  });
});
