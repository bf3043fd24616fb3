import { describe, expect, it } from 'vitest';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { GpuDeviceLostError, TalkingPortrait } from '../../../plugin';
import { ENGINE_KINDS } from '../../support/engines';
import { usePortraitScene } from '../../support/portraitScene';
import { loseDevice } from '../../support/deviceLoss';
import { imageCanvas, psnr, type Rgba } from '../../support/pixels';

const SIZE = 128;
const PORTRAIT = '/tests/fixtures/portraits/flare-female01.png';
const SHOT = '/tests/fixtures/few-shot/sylvie.shots/eyes-closed.png';
/** The same pose drawn before the loss and after the restore: only resampling may differ. */
const SAME_FRAME_MIN_PSNR_DB = 40;
describe.each(ENGINE_KINDS)('a lost GPU device on %s', (kind) => {
  const env = usePortraitScene(kind);

  it('is reported with GpuDeviceLostError, and the portrait and its shots draw again once the engine is restored', async () => {
    const { engine, scene, tracker } = env;
    const portrait = await TalkingPortrait.CreateAsync(scene, PORTRAIT, { size: SIZE, matte: Color3.White(), tracker });
    const withShot = await TalkingPortrait.CreateAsync(scene, '/tests/fixtures/few-shot/sylvie.png', { size: SIZE, matte: Color3.White(), tracker });
    await withShot.addShotAsync(await imageCanvas(SHOT), { eyesClosed: true });
    const pose = (p: TalkingPortrait) => p.controls.set('jawOpen', 0.8).set('eyeBlinkLeft', 1).set('eyeBlinkRight', 1);
    const read = async (p: TalkingPortrait): Promise<Rgba> => ({ width: SIZE, height: SIZE, data: await p.readPixelsAsync() });
    for (const p of [portrait, withShot]) {
      pose(p);
      p.renderNow();
    }
    const before = [await read(portrait), await read(withShot)];

    const reported: GpuDeviceLostError[] = [];
    portrait.onDeviceLostObservable.add((error) => reported.push(error));
    const restored = Promise.all([portrait, withShot].map((p) => new Promise<void>((resolve) => p.onDeviceRestoredObservable.addOnce(() => resolve()))));
    await loseDevice(engine, async () => {
      expect(reported).toHaveLength(1);
      expect(reported[0]).toBeInstanceOf(GpuDeviceLostError);
      expect(portrait.isReady()).toBe(false);
      expect(portrait.renderNow()).toBe(false);
      // The budget may ask for another size meanwhile: nothing is resized on a lost device.
      expect(portrait.drawScheduled(SIZE / 2)).toBe(false);
      expect(portrait.stats.size).toBe(SIZE);
      await expect(portrait.readPixelsAsync()).rejects.toBeInstanceOf(GpuDeviceLostError);
    });
    await restored;

    expect(portrait.isReady()).toBe(true);
    const after = [await read(portrait), await read(withShot)];
    expect(psnr(after[0], before[0])).toBeGreaterThanOrEqual(SAME_FRAME_MIN_PSNR_DB);
    expect(psnr(after[1], before[1])).toBeGreaterThanOrEqual(SAME_FRAME_MIN_PSNR_DB);
    // And it still moves.
    portrait.controls.reset();
    portrait.renderNow();
    expect(psnr(await read(portrait), before[0])).toBeLessThan(SAME_FRAME_MIN_PSNR_DB);
    portrait.dispose();
    withShot.dispose();
  });
});
