import { describe, expect, it } from 'vitest';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { TalkingPortrait } from '../../../plugin/babylon';
import { SMILE_RISE_TARGET } from '../../../plugin/babylon/smileGainSearch';
import { detectionFeatures } from '../../../plugin/capture/detectionFeatures';
import { Feature } from '../../../plugin/capture/faceFeatures';
import { usePortraitScene } from '../../support/portraitScene';

const SIZE = 512;
/** Its subject's left corner reads a full smile short (0.039 against the target 0.06); the right about right. */
const SHORT_PORTRAIT = '/tests/fixtures/portraits/flare-female03.png';
/** Reads a full smile far past the target on both sides (0.092 and 0.081). */
const LONG_PORTRAIT = '/tests/fixtures/portraits/flare-male07.png';

describe('smile calibration', () => {
  const env = usePortraitScene('webgl2');

  async function corners(portrait: TalkingPortrait, smile: number): Promise<Float64Array> {
    portrait.controls.reset();
    portrait.controls.set('mouthSmileLeft', smile).set('mouthSmileRight', smile);
    portrait.renderNow();
    const pixels = await portrait.readPixelsAsync();
    return detectionFeatures(await env.tracker.detectImage(new ImageData(new Uint8ClampedArray(pixels), SIZE, SIZE)));
  }

  /** How far from the target each corner's full-smile rise reads, subject left then right. */
  async function misses(portrait: TalkingPortrait): Promise<[number, number]> {
    const rest = await corners(portrait, 0);
    const full = await corners(portrait, 1);
    const miss = (f: number) => Math.abs(full[f] - rest[f] - SMILE_RISE_TARGET);
    return [miss(Feature.cornerLeft), miss(Feature.cornerRight)];
  }

  const create = (url: string, calibrateSmile: boolean) =>
    TalkingPortrait.CreateAsync(env.scene, url, { size: SIZE, matte: Color3.White(), tracker: env.tracker, calibrateHeadTurns: false, calibrateSmile });

  it('raises the side whose smile reads short, on that side only, and leaves an uncalibrated rig without gains', async () => {
    const plain = await create(SHORT_PORTRAIT, false);
    const calibrated = await create(SHORT_PORTRAIT, true);
    try {
      expect(plain.rig.data.smileGains).toBeUndefined();
      const { left, right } = calibrated.rig.data.smileGains!;
      expect(left).toBeGreaterThan(1.1);
      expect(Math.abs(right - 1)).toBeLessThan(0.1);
      const [before] = await misses(plain);
      const [after] = await misses(calibrated);
      expect(after).toBeLessThan(before / 2);
    } finally {
      plain.dispose();
      calibrated.dispose();
    }
  });

  it('lowers a smile that reads past the target on both sides', async () => {
    const portrait = await create(LONG_PORTRAIT, true);
    try {
      const { left, right } = portrait.rig.data.smileGains!;
      expect(left).toBeLessThan(0.9);
      expect(right).toBeLessThan(0.9);
      for (const miss of await misses(portrait)) expect(miss).toBeLessThan(0.01);
    } finally {
      portrait.dispose();
    }
  });
});
