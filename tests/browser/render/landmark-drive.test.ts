// TalkingPortrait driven by captured landmarks (setLandmarkDrive) instead of its controls, and
// handed back to them.
import { describe, expect, it } from 'vitest';
import { Scene } from '@babylonjs/core/scene';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { TalkingPortrait } from '../../../plugin/babylon';
import { FaceTracker } from '../../../plugin/capture/FaceTracker';
import { CHIN, LIPS } from '../../../plugin/core/landmarkIndices';
import { LANDMARK_OFFSET_STRIDE } from '../../../plugin/rig/LandmarkDrivenRig';
import { createEngine } from '../../support/engines';
import { psnr, type Rgba } from '../../support/pixels';

const SIZE = 256;
/** A still face drawn two ways (controls, or zero landmark offsets) is the same image, less rounding. */
const SAME_MIN_PSNR_DB = 45;
/** A dropped chin and lower lip change the frame by more than that. */
const MOVED_MAX_PSNR_DB = 35;
/** How far the synthetic performance drops the lower face, pixels of the portrait. */
const DROP_PX = 12;

describe('TalkingPortrait.setLandmarkDrive', () => {
  it('draws captured landmark offsets, and hands the face back to its controls', async () => {
    const engine = await createEngine('webgl2');
    const scene = new Scene(engine);
    const tracker = await FaceTracker.CreateAsync();
    const portrait = await TalkingPortrait.CreateAsync(scene, '/tests/fixtures/portraits/flare-female01.png', {
      size: SIZE, tracker, matte: Color3.White(), calibrateHeadTurns: false,
    });
    const frame = async (): Promise<Rgba> => {
      portrait.renderNow();
      return { width: SIZE, height: SIZE, data: await portrait.readPixelsAsync() };
    };
    try {
      const still = await frame();
      const offsets = new Float32Array(478 * LANDMARK_OFFSET_STRIDE);
      portrait.setLandmarkDrive(offsets);
      expect(psnr(await frame(), still)).toBeGreaterThanOrEqual(SAME_MIN_PSNR_DB);
      for (const v of [...LIPS.outer.lower, ...LIPS.inner.lower, CHIN]) offsets[v * LANDMARK_OFFSET_STRIDE + 1] = DROP_PX;
      expect(psnr(await frame(), still)).toBeLessThan(MOVED_MAX_PSNR_DB);
      portrait.setLandmarkDrive(null);
      expect(psnr(await frame(), still)).toBeGreaterThanOrEqual(SAME_MIN_PSNR_DB);
      expect(() => portrait.setLandmarkDrive([1, 2] as unknown as Float32Array)).toThrow(TypeError);
    } finally {
      tracker.dispose();
      scene.dispose();
      engine.dispose();
    }
  });
});
