import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaceTracker } from '../../../plugin/capture/FaceTracker';
import { FACE_LANDMARK_COUNT } from '../../../plugin/capture/FaceDetection';
import { ModelLoadError, NoFaceError } from '../../../plugin/core/errors';
import { defaultFaceModelUrl } from '../../../plugin/capture/defaultAssetUrls';

interface RecordedLandmarks {
  portrait: string;
  noFace: boolean;
  landmarks: number[][];
  transform: number[] | null;
}

const recorded = Object.values(
  import.meta.glob<RecordedLandmarks>('../../fixtures/landmarks/*.json', { eager: true, import: 'default' }),
);
const withFace = recorded.filter((r) => !r.noFace);
const withoutFace = recorded.filter((r) => r.noFace);

/**
 * Same model, same browser, CPU delegate: results should be nearly identical, but XNNPACK may
 * take other SIMD paths on another CPU. 0.2 % of the image is under one pixel on a 320 px portrait.
 */
const MEAN_LANDMARK_TOLERANCE = 0.002;
const MAX_LANDMARK_TOLERANCE = 0.01;

async function load(name: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = `/tests/fixtures/portraits/${name}`;
  await image.decode();
  return image;
}

describe('FaceTracker with the embedded model', () => {
  let tracker: FaceTracker;
  beforeAll(async () => {
    tracker = await FaceTracker.CreateAsync();
  });
  afterAll(() => tracker?.dispose());

  it('has recorded fixtures for every portrait, with faces and without', () => {
    expect(withFace.length).toBeGreaterThanOrEqual(17);
    expect(withoutFace.map((r) => r.portrait).sort()).toEqual(['chelsea-cat.png', 'flare-goblin.png']);
  });

  it.each(withFace.map((r) => [r.portrait, r] as const))('finds 478 landmarks on %s matching the recording', async (name, fixture) => {
    const detection = await tracker.detectImage(await load(name));
    expect(detection.landmarks.length).toBe(FACE_LANDMARK_COUNT * 3);
    expect(detection.faceCount).toBeGreaterThanOrEqual(1);
    expect(detection.transform?.length).toBe(16);
    expect(detection.blendshapes).toBeNull();
    let sum = 0;
    let max = 0;
    for (let i = 0; i < FACE_LANDMARK_COUNT; i++) {
      const dx = detection.landmarks[i * 3] - fixture.landmarks[i][0];
      const dy = detection.landmarks[i * 3 + 1] - fixture.landmarks[i][1];
      const d = Math.hypot(dx, dy);
      sum += d;
      max = Math.max(max, d);
    }
    expect(sum / FACE_LANDMARK_COUNT).toBeLessThan(MEAN_LANDMARK_TOLERANCE);
    expect(max).toBeLessThan(MAX_LANDMARK_TOLERANCE);
  });

  it.each(withoutFace.map((r) => [r.portrait] as const))('throws NoFaceError on %s', async (name) => {
    const image = await load(name);
    await expect(tracker.detectImage(image)).rejects.toBeInstanceOf(NoFaceError);
    // The tracker keeps working after a refusal.
    const face = await tracker.detectImage(await load('astronaut.png'));
    expect(face.landmarks.length).toBe(FACE_LANDMARK_COUNT * 3);
  });

  it('throws TypeError for what is not an image', async () => {
    await expect(tracker.detectImage({} as unknown as HTMLImageElement)).rejects.toBeInstanceOf(TypeError);
    await expect(tracker.detectImage(new Image())).rejects.toThrow(/not loaded/);
  });

  it('reports the largest of several faces and how many there were', async () => {
    // The short-range detector wants faces large in the frame: two portraits side by side.
    const big = await load('flare-female01.png');
    const small = await load('flare-male03.png');
    const canvas = document.createElement('canvas');
    canvas.width = 600;
    canvas.height = 320;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(big, 0, 0, 320, 320);
    ctx.drawImage(small, 330, 40, 260, 260);
    const detection = await tracker.detectImage(canvas);
    expect(detection.faceCount).toBe(2);
    const noseX = detection.landmarks[1 * 3] * canvas.width;
    expect(noseX).toBeLessThan(320);
  });
});

describe('FaceTracker model loading', () => {
  it('refuses a truncated model with ModelLoadError', async () => {
    const bytes = new Uint8Array(await (await fetch(defaultFaceModelUrl())).arrayBuffer());
    const truncated = bytes.slice(0, Math.floor(bytes.length / 2));
    const error = await FaceTracker.CreateAsync({ model: truncated }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect(String((error as Error).message)).toMatch(/truncated|corrupt/);
  });

  it('refuses a file that is not a model bundle', async () => {
    const png = new Uint8Array(await (await fetch('/tests/fixtures/portraits/astronaut.png')).arrayBuffer());
    await expect(FaceTracker.CreateAsync({ model: png })).rejects.toBeInstanceOf(ModelLoadError);
  });

  it('refuses a model URL that does not exist', async () => {
    await expect(FaceTracker.CreateAsync({ model: '/models/no-such-model.task' })).rejects.toBeInstanceOf(ModelLoadError);
  });
});
