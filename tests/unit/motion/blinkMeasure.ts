// Test helper: blinks timed from a lid's output curve alone (onset, closing and opening times).
import { Blendshape } from '../../../plugin/core/arkitBlendshapes';
import { FaceControls } from '../../../plugin/core/FaceControls';
import type { MotionSource } from '../../../plugin/motion/MotionSource';

export interface MeasuredBlink {
  /** Last sample with the lid fully open before it moved, ms. */
  onsetMs: number;
  /** From the last fully open sample to the first fully shut one, ms. */
  closingMs: number;
  /** From the last fully shut sample to the first fully open one, ms. */
  openingMs: number;
  /** How long the lid sat fully shut, ms. */
  shutMs: number;
}

/** Samples one lid every `stepMs` over [startMs, startMs + durationMs] and times each full blink on its curve. */
export function measureBlinks(
  source: MotionSource, startMs: number, durationMs: number, stepMs = 1, lid: number = Blendshape.eyeBlinkLeft,
): MeasuredBlink[] {
  const out = new FaceControls();
  const blinks: MeasuredBlink[] = [];
  let state: 'open' | 'closing' | 'shut' = 'open';
  let lastOpen = NaN, firstShut = 0, lastShut = 0;
  for (let t = startMs; t <= startMs + durationMs; t += stepMs) {
    source.sample(t, out);
    const v = out.weights[lid];
    if (state === 'open') {
      if (v === 0) lastOpen = t;
      else if (!Number.isNaN(lastOpen)) state = 'closing';
    }
    if (state === 'closing' && v === 1) { state = 'shut'; firstShut = t; }
    if (state === 'shut') {
      if (v === 1) lastShut = t;
      else if (v === 0) {
        blinks.push({ onsetMs: lastOpen, closingMs: firstShut - lastOpen, openingMs: t - lastShut, shutMs: lastShut - firstShut });
        state = 'open';
        lastOpen = t;
      }
    }
  }
  return blinks;
}

/** Mean and coefficient of variation of `values`. */
export function meanAndCv(values: readonly number[]): { mean: number; cv: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { mean, cv: Math.sqrt(variance) / mean };
}
