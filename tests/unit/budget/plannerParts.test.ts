import { describe, expect, it } from 'vitest';
import { LevelPlanner } from '../../../plugin/budget/LevelPlanner';
import { PhaseBalancer } from '../../../plugin/budget/PhaseBalancer';
import { MAX_LADDER_LEVELS, MAX_UPDATE_RATE } from '../../../plugin/budget/renderLevels';

/** A planner with `claims.length` portraits whose per-level costs halve at each step from 1 ms. */
function planner(claims: number[]): LevelPlanner {
  const p = new LevelPlanner();
  p.ensureCapacity(claims.length);
  claims.forEach((claim, k) => {
    p.claims[k] = claim;
    p.floors[k] = 4;
    for (let level = 0; level <= 4; level++) p.costs[k * MAX_LADDER_LEVELS + level] = 2 ** -level;
  });
  return p;
}

describe('LevelPlanner', () => {
  it('puts everyone at the top when the budget allows, at the floor when it does not', () => {
    const p = planner([0, 0, 0]);
    p.budgetMs = 10;
    p.plan(3);
    expect(p.load).toBe(3);
    expect([...p.target.slice(0, 3)]).toEqual([0, 0, 0]);
    p.budgetMs = 0.01;
    p.plan(3);
    expect(p.load).toBeCloseTo(3 / 16, 12);
    expect([...p.target.slice(0, 3)]).toEqual([4, 4, 4]);
  });

  it('keeps equal claims within one level, and gives each doubling of priority one level', () => {
    const equal = planner([0, 0, 0, 0]);
    equal.budgetMs = 1.4;
    equal.plan(4);
    const load = equal.load;
    const levels = [...equal.target.slice(0, 4)];
    expect(Math.max(...levels) - Math.min(...levels)).toBeLessThanOrEqual(1);
    expect(load).toBeLessThanOrEqual(1.4);
    const ranked = planner([2, 1, 0]);
    ranked.budgetMs = 1 + 0.5 + 0.25;
    ranked.plan(3);
    expect(ranked.load).toBe(1.75);
    expect([...ranked.target.slice(0, 3)]).toEqual([0, 1, 2]);
    // A hair less budget: the lowest priority gives way, the others keep their levels.
    ranked.budgetMs = 1.75 - 1e-9;
    ranked.plan(3);
    expect([...ranked.target.slice(0, 3)]).toEqual([0, 1, 3]);
  });

  it('grows its arrays only when asked for more room', () => {
    const p = new LevelPlanner();
    p.ensureCapacity(4);
    const target = p.target;
    p.ensureCapacity(3);
    expect(p.target).toBe(target);
    p.ensureCapacity(5);
    expect(p.target.length).toBeGreaterThanOrEqual(8);
  });
});

describe('PhaseBalancer', () => {
  it('spreads equal portraits of one rate evenly over its phases', () => {
    const b = new PhaseBalancer();
    const perPhase = [0, 0, 0, 0];
    for (let i = 0; i < 64; i++) perPhase[b.place(4, 0.1)]++;
    expect(perPhase).toEqual([16, 16, 16, 16]);
  });

  it('balances mixed rates and costs across the whole cycle', () => {
    const b = new PhaseBalancer();
    b.place(1, 0.5);
    const rates = [2, 2, 4, 4, 4, 8, 8, 8, 8, 8, 8];
    for (const rate of rates) b.place(rate, 0.2);
    const loads = Array.from({ length: MAX_UPDATE_RATE }, (_, f) => b.loadAt(f));
    const total = 0.5 + rates.reduce((s, r) => s + 0.2 / r, 0);
    // Perfect balance would put `total` in every frame; placement is in whole portraits of 0.2 ms.
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(0.2 + 1e-9);
    expect(loads.reduce((s, l) => s + l, 0) / MAX_UPDATE_RATE).toBeCloseTo(total, 9);
  });
});
