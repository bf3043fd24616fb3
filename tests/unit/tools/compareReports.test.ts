import { describe, expect, it } from 'vitest';
import { compareReports, printComparison } from '../../../tools/eval/compareReports.mjs';

const check = (figure: string, value: number, held: boolean) => ({ figure, value, held });

type EvalReport = Parameters<typeof compareReports>[0];
type Readings = Record<string, number>;

/** A two-probe eval report: a smile (with its closed-loop reading) and a yaw turn. */
function report(smileHeld: boolean, smileRead: number, yawRead: number | null): EvalReport {
  const smileRecovered: Readings = { mouthSmileLeft: smileRead, mouthSmileRight: 1 };
  const smileError: Readings = { mouthSmileLeft: Math.abs(1 - smileRead), mouthSmileRight: 0 };
  return {
    portraits: [{
      portrait: 'a.png',
      rigged: true,
      probes: [
        {
          probe: 'smile', held: smileHeld,
          checks: [check('cornerRiseLeft', 0.04, true), check('foldOvers', smileHeld ? 0 : 2, smileHeld)],
          solver: { recovered: smileRecovered, error: smileError },
        },
        {
          probe: 'yaw+20', held: true, checks: [check('yawErrorDeg', 1, true)],
          ...(yawRead === null ? {} : { solver: { recovered: { yaw: yawRead } as Readings, error: { yaw: Math.abs(20 - yawRead) } as Readings } }),
        },
      ],
    }],
  };
}

describe('compareReports', () => {
  it('lists the probes that flipped with what failed on each side', () => {
    const c = compareReports(report(false, 1, 20), report(true, 1, 20));
    expect(c.probes.before.total).toBe(1);
    expect(c.probes.after.total).toBe(2);
    expect(c.flipped).toEqual([{ portrait: 'a.png', probe: 'smile', held: true, before: ['foldOvers 2'], after: [] }]);
  });

  it('names the folded triangles by their corners where the report lists them', () => {
    const before = report(true, 1, 20), after = report(false, 1, 20);
    after.portraits[0].probes[0].folded = [308, 324, 292, 78, 62, 95];
    const c = compareReports(before, after);
    expect(c.flipped[0].after).toEqual(['foldOvers 2 (308-324-292 78-62-95)']);
  });

  it('holds the closed loop to the closed-loop test\'s tolerances: 0.35 for weights, 3° for angles', () => {
    const c = compareReports(report(true, 0.66, 17.1), report(true, 0.64, 16.9));
    expect(c.closedLoop.before.smile).toMatchObject({ held: 2, total: 2 });
    expect(c.closedLoop.after.smile).toMatchObject({ held: 1, total: 2 });
    expect(c.closedLoop.before.yaw).toMatchObject({ held: 1, total: 1 });
    expect(c.closedLoop.after.yaw.held).toBe(0);
    expect(c.closedLoop.after.yaw.misses).toEqual(['a.png yaw+20 yaw: read 16.9']);
  });

  it('lists a frame with no face found as a miss without counting it as a reading', () => {
    const c = compareReports(report(true, 1, 20), report(true, 1, null));
    expect(c.closedLoop.after.yaw).toEqual({ held: 0, total: 0, misses: ['a.png yaw+20 yaw: no face'] });
  });

  it('prints the totals, the flips and each closed-loop row', () => {
    const lines: string[] = [];
    printComparison(compareReports(report(false, 1, 20), report(true, 0.5, 20)), (line: string) => lines.push(line));
    expect(lines[0]).toBe('probes held: 1 -> 2');
    expect(lines.some((l) => l.startsWith('now holds: a.png smile (failing before: foldOvers 2; after: none)'))).toBe(true);
    expect(lines.some((l) => l.includes('smile 2/2 -> 1/2; misses: a.png smile mouthSmileLeft: read 0.5'))).toBe(true);
  });
});
