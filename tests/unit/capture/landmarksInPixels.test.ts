import { describe, expect, it } from 'vitest';
import { landmarksInPixels } from '../../../plugin/capture/FaceDetection';

describe('landmarksInPixels', () => {
  it('scales x and z by the image width and y by its height, leaving the detection as it was', () => {
    const landmarks = Float32Array.of(0.5, 0.25, -0.1, 1, 0, 0.2);
    const out = landmarksInPixels({ landmarks, imageWidth: 640, imageHeight: 480 });
    expect(Array.from(out)).toEqual(Array.from(Float32Array.of(320, 120, -64, 640, 0, 128)));
    expect(out).not.toBe(landmarks);
    expect(landmarks[0]).toBe(0.5);
  });
});
