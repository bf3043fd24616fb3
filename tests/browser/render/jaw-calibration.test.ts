import { describe, expect, it } from 'vitest';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { TalkingPortrait } from '../../../plugin/babylon';
import { JAW_OPEN_TARGET, MAX_CALIBRATED_JAW_GAIN } from '../../../plugin/babylon/jawGainSearch';
import { landmarksInPixels } from '../../../plugin/capture/FaceDetection';
import { mouthOpening } from '../../../plugin/capture/faceFeatures';
import { MIN_JAW_GAIN } from '../../../plugin/rig/PortraitRigData';
import { usePortraitScene } from '../../support/portraitScene';

const SIZE = 512;
/** Over-reads an open jaw most of the recorded portraits (0.63 of the mouth's width at the authored drop). */
const PORTRAIT = '/tests/fixtures/portraits/flare-female03.png';
/** Reads about right at the authored drop (0.40). */
const STEADY_PORTRAIT = '/tests/fixtures/portraits/flare-male06.png';

describe('jaw calibration', () => {
  const env = usePortraitScene('webgl2');

  /** The mouth opening the embedded detector reads with the jaw fully open. */
  async function openingRead(portrait: TalkingPortrait): Promise<number> {
    portrait.controls.reset();
    portrait.controls.set('jawOpen', 1);
    portrait.renderNow();
    const pixels = await portrait.readPixelsAsync();
    const seen = await env.tracker.detectImage(new ImageData(new Uint8ClampedArray(pixels), SIZE, SIZE));
    return mouthOpening(landmarksInPixels(seen));
  }

  const create = (url: string, calibrateJaw: boolean) =>
    TalkingPortrait.CreateAsync(env.scene, url, { size: SIZE, matte: Color3.White(), tracker: env.tracker, calibrateHeadTurns: false, calibrateJaw });

  it('finds the drop at which a fully open jaw reads closer to the target opening, and leaves an uncalibrated rig without a gain', async () => {
    const plain = await create(PORTRAIT, false);
    const calibrated = await create(PORTRAIT, true);
    try {
      expect(plain.rig.data.jawGain).toBeUndefined();
      const gain = calibrated.rig.data.jawGain!;
      expect(gain).toBeGreaterThanOrEqual(MIN_JAW_GAIN);
      expect(gain).toBeLessThan(1);
      const before = Math.abs((await openingRead(plain)) - JAW_OPEN_TARGET);
      const after = Math.abs((await openingRead(calibrated)) - JAW_OPEN_TARGET);
      expect(after).toBeLessThan(before / 2);
    } finally {
      plain.dispose();
      calibrated.dispose();
    }
  });

  it('keeps the gain near 1 where the authored drop already reads about right', async () => {
    const portrait = await create(STEADY_PORTRAIT, true);
    try {
      const gain = portrait.rig.data.jawGain!;
      expect(gain).toBeGreaterThan(0.8);
      expect(gain).toBeLessThanOrEqual(MAX_CALIBRATED_JAW_GAIN);
      expect(Math.abs((await openingRead(portrait)) - JAW_OPEN_TARGET)).toBeLessThan(0.05);
    } finally {
      portrait.dispose();
    }
  });
});
