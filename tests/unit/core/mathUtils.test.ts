import { describe, expect, it } from 'vitest';
import { clamp, clamp01, degToRad, inverseLerp, lerp, radToDeg, smoothstep } from '../../../plugin/core/mathUtils';

describe('mathUtils', () => {
  it('clamps', () => {
    expect(clamp(5, 0, 3)).toBe(3);
    expect(clamp(-5, 0, 3)).toBe(0);
    expect(clamp(2, 0, 3)).toBe(2);
    expect(clamp01(1.5)).toBe(1);
    expect(clamp01(-0.5)).toBe(0);
    expect(clamp01(0.25)).toBe(0.25);
  });

  it('interpolates and inverts', () => {
    expect(lerp(2, 6, 0.25)).toBe(3);
    expect(lerp(2, 6, 1.5)).toBe(8);
    expect(inverseLerp(2, 6, 3)).toBe(0.25);
    expect(inverseLerp(4, 4, 9)).toBe(0);
  });

  it('smoothstep eases from 0 to 1', () => {
    expect(smoothstep(0, 1, -1)).toBe(0);
    expect(smoothstep(0, 1, 2)).toBe(1);
    expect(smoothstep(0, 1, 0.5)).toBe(0.5);
    expect(smoothstep(0, 1, 0.25)).toBeLessThan(0.25);
    expect(smoothstep(10, 20, 17.5)).toBeGreaterThan(0.75);
  });

  it('converts angles', () => {
    expect(degToRad(180)).toBeCloseTo(Math.PI, 12);
    expect(radToDeg(Math.PI / 2)).toBeCloseTo(90, 12);
  });
});
