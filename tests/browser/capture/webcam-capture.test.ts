// The camera paths a test browser can reach without a camera: no camera, or no permission.
import { describe, expect, it } from 'vitest';
import { WebcamCapture } from '../../../plugin/capture/WebcamCapture';
import { CameraError } from '../../../plugin/core/errors';

describe('WebcamCapture without a camera', () => {
  it('is supported on a secure page', () => {
    expect(WebcamCapture.IsSupported()).toBe(true);
  });

  it('rejects with a CameraError saying why, and the page keeps running', async () => {
    // The test browser has no fake camera and grants no permission: getUserMedia refuses.
    const error = await WebcamCapture.CreateAsync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CameraError);
    expect(['denied', 'not-found']).toContain((error as CameraError).reason);
    expect((error as CameraError).cause).toBeTruthy();
    // Nothing is left half-open: another attempt fails the same way.
    const again = await WebcamCapture.CreateAsync({ width: 320, height: 240 }).catch((e: unknown) => e);
    expect((again as CameraError).reason).toBe((error as CameraError).reason);
  });

  it('refuses bad options before asking the browser, naming them', async () => {
    await expect(WebcamCapture.CreateAsync({ width: -1 })).rejects.toThrow(/width/);
    await expect(WebcamCapture.CreateAsync({ frameRate: Number.NaN })).rejects.toThrow(RangeError);
  });
});

describe('WebcamFace without a camera', () => {
  it('rejects with the camera\'s CameraError before loading any tracker', async () => {
    const { WebcamFace } = await import('../../../plugin/babylon/WebcamFace');
    expect(WebcamFace.IsSupported()).toBe(true);
    const error = await WebcamFace.CreateAsync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CameraError);
    expect(['denied', 'not-found']).toContain((error as CameraError).reason);
  });
});
