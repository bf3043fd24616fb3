// The public door, plugin/index.ts, imported in plain Node: no window, no document, no DOM.
// A game's server-side code, its tests and its bundler's pre-rendering import the package
// this way, so nothing in it may touch browser globals at import time.
import { describe, expect, it } from 'vitest';

/** Names a game relies on; the lead's later rooms add more, these must stay. */
const EXPECTED_NAMES = [
  'ARKIT_BLENDSHAPE_NAMES',
  'BLENDSHAPE_COUNT',
  'Blendshape',
  'CameraError',
  'FACE_LANDMARK_COUNT',
  'FACE_OVAL',
  'FaceControls',
  'FaceTracker',
  'LIPS',
  'ModelLoadError',
  'NoFaceError',
  'OneEuroFilter',
  'SeededRandom',
  'SUBJECT_LEFT_EYE',
  'SUBJECT_LEFT_IRIS',
  'SUBJECT_RIGHT_EYE',
  'SUBJECT_RIGHT_IRIS',
  'TalkingPortraitError',
];

describe('plugin/index.ts in Node', () => {
  it('runs where no browser global exists', () => {
    expect(typeof (globalThis as Record<string, unknown>).window).toBe('undefined');
    expect(typeof (globalThis as Record<string, unknown>).document).toBe('undefined');
    expect(typeof (globalThis as Record<string, unknown>).HTMLImageElement).toBe('undefined');
  });

  it('imports without throwing and exposes the public names', async () => {
    const api = await import('../../../plugin/index');
    for (const name of EXPECTED_NAMES) {
      expect(api, `export ${name}`).toHaveProperty(name);
      expect((api as Record<string, unknown>)[name], `export ${name}`).toBeDefined();
    }
    expect(api.FACE_LANDMARK_COUNT).toBe(478);
    expect(typeof api.FaceTracker.CreateAsync).toBe('function');
  });

  it('works in Node where it needs no browser: controls clamp, errors are named', async () => {
    const { FaceControls, NoFaceError, TalkingPortraitError, FaceTracker } = await import('../../../plugin/index');
    const controls = new FaceControls().set('jawOpen', 2);
    expect(controls.get('jawOpen')).toBe(1);
    const error = new NoFaceError('goblin.png (320×320)');
    expect(error).toBeInstanceOf(TalkingPortraitError);
    expect(error.name).toBe('NoFaceError');
    // Options are checked before anything browser-only is reached.
    await expect(FaceTracker.CreateAsync({ maxFaces: 0 })).rejects.toThrow(RangeError);
  });
});
