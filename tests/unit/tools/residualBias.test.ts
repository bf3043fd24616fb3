import { describe, expect, it } from 'vitest';
import { landmarkResiduals } from '../../../tools/eval/landmarkResiduals';
import { printResidualBias, residualBias } from '../../../tools/eval/residualBias.mjs';

describe('landmarkResiduals', () => {
  it('is zero where the detector put a point on its target, and the difference in face widths where not', () => {
    // The first point was read 3 px above its target (the rig moved it 10 px, the detector 7), the second on it.
    const target = [101, 109, 0, 204, 101, 0];
    const seen = [101, 106, 0, 204, 101, 0];
    expect(landmarkResiduals(seen, target, 2, 300)).toEqual([0, -0.01, 0, 0]);
  });
});

const LANDMARKS = 10;
const EYES = [8, 9];
/** Landmark 3's y residual, shared by every portrait: 30 % of the face width on one of 8 face landmarks fails agreement (a mean of 3.75 %). */
const SHARED = 0.3;
/** Eye landmark 8's x residual: large, but eyes are not part of face agreement. */
const EYE_RESIDUAL = 0.5;
/** A report of the jaw probe: every portrait shares the two residuals above, each with its own small noise. */
function report(portraits: number) {
  return {
    eyePoints: EYES,
    portraits: Array.from({ length: portraits }, (_, p) => ({
      portrait: `p${p}.png`,
      probes: [{
        probe: 'jaw',
        residuals: Array.from({ length: LANDMARKS * 2 }, (_, j) => (j === 3 * 2 + 1 ? SHARED : 0) + (j === 8 * 2 ? EYE_RESIDUAL : 0) + 0.001 * ((p + j) % 3)),
      }],
    })),
  };
}

describe('residualBias', () => {
  it('finds the landmark every portrait disagrees on and counts who would hold without it, leaving the eyes out of face agreement', () => {
    const bias = residualBias(report(4), 'jaw');
    expect(bias.portraits).toHaveLength(4);
    expect(bias.held).toBe(0);
    expect(bias.heldWithoutBias).toBe(4);
    expect(bias.face[0].landmark).toBe(3);
    expect(bias.face[0].y).toBeCloseTo(SHARED, 2);
    expect(bias.face.map((f) => f.landmark)).not.toContain(8);
    expect(bias.eyes[0].landmark).toBe(8);
    expect(bias.eyes[0].x).toBeCloseTo(EYE_RESIDUAL, 2);
    const lines: string[] = [];
    printResidualBias(bias, (line: string) => lines.push(line));
    expect(lines[0]).toBe('jaw: face agreement held on 0/4; 4/4 without the bias the other portraits share');
  });

  it('refuses a report without residuals, and a probe too few portraits have', () => {
    expect(() => residualBias({ portraits: [] }, 'jaw')).toThrow(/--residuals/);
    expect(() => residualBias(report(1), 'jaw')).toThrow(/at least 2/);
    expect(() => residualBias(report(3), 'smile')).toThrow(/smile for 0 portrait/);
  });
});
