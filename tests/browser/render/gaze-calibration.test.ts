import { describe, expect, it } from 'vitest';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { TalkingPortrait } from '../../../plugin/babylon';
import { GAZE_SHIFT_TARGET } from '../../../plugin/babylon/gazeGainSearch';
import { landmarksInPixels } from '../../../plugin/capture/FaceDetection';
import { irisShift } from '../../../plugin/capture/faceFeatures';
import { SUBJECT_LEFT_EYE, SUBJECT_LEFT_IRIS, SUBJECT_RIGHT_EYE, SUBJECT_RIGHT_IRIS } from '../../../plugin/core/landmarkIndices';
import { usePortraitScene } from '../../support/portraitScene';

const SIZE = 512;
/** Its authored look to the subject's left reads far past the target: 0.27 (left eye, out) and 0.37 (right eye, in). */
const LONG_PORTRAIT = '/tests/fixtures/portraits/flare-male01.png';
/** Reads the same look short on both eyes (0.14 and 0.15): nothing to lessen. */
const SHORT_PORTRAIT = '/tests/fixtures/portraits/flare-female06.png';

describe('gaze calibration', () => {
  const env = usePortraitScene('webgl2');

  async function landmarks(portrait: TalkingPortrait, look: number): Promise<Float32Array> {
    portrait.controls.reset();
    portrait.controls.set('eyeLookOutLeft', look).set('eyeLookInRight', look);
    portrait.renderNow();
    const pixels = await portrait.readPixelsAsync();
    return landmarksInPixels(await env.tracker.detectImage(new ImageData(new Uint8ClampedArray(pixels), SIZE, SIZE)));
  }

  /** The full look to the subject's left as the detector reads it, left eye then right. */
  async function shifts(portrait: TalkingPortrait): Promise<[number, number]> {
    const rest = await landmarks(portrait, 0);
    const full = await landmarks(portrait, 1);
    return [irisShift(rest, full, SUBJECT_LEFT_IRIS, SUBJECT_LEFT_EYE), irisShift(rest, full, SUBJECT_RIGHT_IRIS, SUBJECT_RIGHT_EYE)];
  }

  const create = (url: string, calibrateGaze: boolean) =>
    TalkingPortrait.CreateAsync(env.scene, url, {
      size: SIZE, matte: Color3.White(), tracker: env.tracker, calibrateHeadTurns: false, calibrateJaw: false, calibrateSmile: false, calibrateGaze,
    });

  it('lessens a look that reads far past the target until it reads near it, and leaves an uncalibrated rig without gains', async () => {
    const plain = await create(LONG_PORTRAIT, false);
    const calibrated = await create(LONG_PORTRAIT, true);
    try {
      expect(plain.rig.data.gazeGains).toBeUndefined();
      const { inRight } = calibrated.rig.data.gazeGains!;
      expect(inRight).toBeLessThan(0.85);
      const [, before] = await shifts(plain);
      const [left, after] = await shifts(calibrated);
      expect(before - GAZE_SHIFT_TARGET).toBeGreaterThan(0.1);
      expect(Math.abs(after - GAZE_SHIFT_TARGET)).toBeLessThan(0.03);
      expect(left).toBeGreaterThan(0.2);
    } finally {
      plain.dispose();
      calibrated.dispose();
    }
  });

  it('keeps the authored travel where the look reads short', async () => {
    const portrait = await create(SHORT_PORTRAIT, true);
    try {
      const { outLeft, inRight } = portrait.rig.data.gazeGains!;
      expect([outLeft, inRight]).toEqual([1, 1]);
    } finally {
      portrait.dispose();
    }
  });
});
