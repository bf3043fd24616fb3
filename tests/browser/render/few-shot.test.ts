import { describe, expect, it } from 'vitest';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { TalkingPortrait } from '../../../plugin/babylon';
import type { FaceTracker } from '../../../plugin/capture/FaceTracker';
import { NoFaceError } from '../../../plugin/core/errors';
import { SUBJECT_LEFT_EYE, SUBJECT_RIGHT_EYE } from '../../../plugin/core/landmarkIndices';
import { eyeRegion, mouthRegion, regionDistance, type Region } from '../../../tools/eval/regionPatch';
import { ENGINE_KINDS, type EngineKind } from '../../support/engines';
import { usePortraitScene } from '../../support/portraitScene';
import { imageCanvas, psnr, type Rgba } from '../../support/pixels';

const SIZE = 512;
const DIR = '/tests/fixtures/few-shot';
const PORTRAIT = `${DIR}/sylvie.png`;
const EYES_SHOT = `${DIR}/sylvie.shots/eyes-closed.png`;
const MOUTH_SHOT = `${DIR}/sylvie.shots/mouth-open.png`;
/** With a shot, a region must look at least this much closer to the shot's than the warp alone makes it (measured: about half as far). */
const CLOSER_THAN_ALONE = 0.75;
/** QUALITY.md: the two engines must agree this closely on every frame. */
const ENGINES_AGREE_MIN_PSNR_DB = 40;
/** A still face must not change when shots are added: they show only as eyes shut or a mouth opens. */
const STILL_UNCHANGED_MIN_PSNR_DB = 60;

const POSES: Record<string, (p: TalkingPortrait) => void> = {
  neutral: () => undefined,
  blink: (p) => p.controls.set('eyeBlinkLeft', 1).set('eyeBlinkRight', 1),
  jaw: (p) => p.controls.set('jawOpen', 1),
};
const withShots: Record<EngineKind, Record<string, Rgba>> = { webgpu: {}, webgl2: {} };

async function pixelsOf(url: string): Promise<Rgba> {
  const canvas = await imageCanvas(url);
  const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  return { width: data.width, height: data.height, data: data.data };
}

async function framesOf(portrait: TalkingPortrait): Promise<Record<string, { frame: Rgba; points: Float32Array }>> {
  const out: Record<string, { frame: Rgba; points: Float32Array }> = {};
  for (const [pose, apply] of Object.entries(POSES)) {
    portrait.controls.reset();
    apply(portrait);
    portrait.renderNow();
    const posed = new Float32Array(portrait.rig.positionsLength);
    portrait.rig.deform(portrait.controls, posed);
    const points = new Float32Array(478 * 3);
    for (let i = 0; i < 478; i++) {
      points[i * 3] = posed[i * 3] * SIZE;
      points[i * 3 + 1] = posed[i * 3 + 1] * SIZE;
    }
    out[pose] = { frame: { width: SIZE, height: SIZE, data: await portrait.readPixelsAsync() }, points };
  }
  return out;
}

describe.each(ENGINE_KINDS)('few-shot on %s', (kind) => {
  /** A shot's pixels and its landmarks in its own pixels, x, y, z per point. */
  async function seenShot(url: string): Promise<{ pixels: Rgba; points: Float32Array }> {
    const pixels = await pixelsOf(url);
    const seen = await env.tracker.detectImage(new ImageData(new Uint8ClampedArray(pixels.data), pixels.width, pixels.height));
    const points = new Float32Array(478 * 3);
    for (let i = 0; i < 478; i++) {
      points[i * 3] = seen.landmarks[i * 3] * pixels.width;
      points[i * 3 + 1] = seen.landmarks[i * 3 + 1] * pixels.height;
    }
    return { pixels, points };
  }

  const env = usePortraitScene(kind);

  it('draws a blink from an eyes-closed shot and an open jaw from a mouth-open one; the still face is unchanged', async () => {
    const portrait = await TalkingPortrait.CreateAsync(env.scene, PORTRAIT, { size: SIZE, matte: Color3.White(), tracker: env.tracker, calibrateHeadTurns: false });
    const alone = await framesOf(portrait);
    // The detector reads this painting's shut eyes as open, and its grin as an open mouth: the game says what the shot shows.
    const eyesInfo = await portrait.addShotAsync(EYES_SHOT, { eyesClosed: true, mouthOpen: false });
    expect(eyesInfo.usedFor).toEqual(['eyes']);
    const mouthInfo = await portrait.addShotAsync(MOUTH_SHOT);
    expect(mouthInfo.mouthOpening).toBeGreaterThan(0.03);
    expect(mouthInfo.usedFor).toEqual(['mouth']);
    const shot = await framesOf(portrait);
    withShots[kind] = Object.fromEntries(Object.entries(shot).map(([k, v]) => [k, v.frame]));
    expect(psnr(shot.neutral.frame, alone.neutral.frame)).toBeGreaterThanOrEqual(STILL_UNCHANGED_MIN_PSNR_DB);

    const eyes = (points: Float32Array): Region[] => [eyeRegion(points, SUBJECT_LEFT_EYE), eyeRegion(points, SUBJECT_RIGHT_EYE)];
    const mouth = (points: Float32Array): Region[] => [mouthRegion(points)];
    for (const [pose, url, regions] of [['blink', EYES_SHOT, eyes], ['jaw', MOUTH_SHOT, mouth]] as const) {
      const { pixels, points } = await seenShot(url);
      const theirs = regions(points);
      const distance = (f: { frame: Rgba; points: Float32Array }) =>
        regions(f.points).reduce((sum, r, i) => sum + regionDistance(f.frame, r, pixels, theirs[i]), 0) / theirs.length;
      expect(distance(shot[pose]), `${pose} with the shot against alone (${distance(alone[pose]).toFixed(3)})`).toBeLessThan(distance(alone[pose]) * CLOSER_THAN_ALONE);
    }
    portrait.dispose();
    portrait.dispose();
    expect(portrait.isReady()).toBe(false);
  });

  it('maps shots baked into the rig without a face detector, and refuses them out of order', async () => {
    const detected = await TalkingPortrait.CreateAsync(env.scene, PORTRAIT, { size: SIZE, matte: Color3.White(), tracker: env.tracker, calibrateHeadTurns: false });
    await detected.addShotAsync(EYES_SHOT, { eyesClosed: true, mouthOpen: false });
    await detected.addShotAsync(MOUTH_SHOT);
    const want = await framesOf(detected);
    const recorded = async (name: string) => {
      const r = (await (await fetch(`${DIR}/landmarks/${name}.json`)).json()) as { width: number; height: number; landmarks: number[][] };
      return { imageWidth: r.width, imageHeight: r.height, landmarks: Float32Array.from(r.landmarks.flat()) };
    };
    const rig = { ...detected.rig.data, shots: [{ ...(await recorded('eyes-closed')), eyesClosed: true, mouthOpen: false }, await recorded('mouth-open')] };
    detected.dispose();
    // A tracker that fails the test if anything asks it to find a face.
    const noDetector = { detectImage: () => Promise.reject(new Error('a baked shot was detected again')) } as unknown as FaceTracker;
    const baked = await TalkingPortrait.CreateAsync(env.scene, PORTRAIT, { size: SIZE, matte: Color3.White(), rig, tracker: noDetector, shots: [EYES_SHOT, MOUTH_SHOT] });
    const got = await framesOf(baked);
    for (const pose of Object.keys(POSES)) expect(psnr(got[pose].frame, want[pose].frame), pose).toBeGreaterThanOrEqual(ENGINES_AGREE_MIN_PSNR_DB);
    baked.dispose();
    await expect(TalkingPortrait.CreateAsync(env.scene, PORTRAIT, { size: SIZE, rig: { ...rig, shots: [{ ...rig.shots[0], imageWidth: 300 }] }, tracker: noDetector, shots: [EYES_SHOT] }))
      .rejects.toThrow(/baked shot is for a 300×512 image, this shot is 512×512/);
  });

  it('refuses a shot with no face with NoFaceError and keeps drawing; a shot that shows nothing new is left unused', async () => {
    const portrait = await TalkingPortrait.CreateAsync(env.scene, PORTRAIT, { size: SIZE, matte: Color3.White(), tracker: env.tracker, calibrateHeadTurns: false });
    await expect(portrait.addShotAsync('/tests/fixtures/portraits/chelsea-cat.png')).rejects.toBeInstanceOf(NoFaceError);
    const same = await portrait.addShotAsync(PORTRAIT);
    expect(same.usedFor).toEqual([]);
    expect(same.eyeClosure[0]).toBeLessThan(0.05);
    expect(Math.abs(same.mouthOpening)).toBeLessThan(0.005);
    portrait.controls.set('eyeBlinkLeft', 1);
    expect(portrait.renderNow()).toBe(true);
    portrait.dispose();
    await expect(portrait.addShotAsync(EYES_SHOT)).rejects.toThrow(/disposed/);
  });
});

describe('WebGPU and WebGL2 agree with a shot', () => {
  it.each(Object.keys(POSES))('on %s', (pose) => {
    const a = withShots.webgpu[pose];
    const b = withShots.webgl2[pose];
    expect(a && b, 'both engines rendered').toBeTruthy();
    expect(psnr(a, b)).toBeGreaterThanOrEqual(ENGINES_AGREE_MIN_PSNR_DB);
  });
});
