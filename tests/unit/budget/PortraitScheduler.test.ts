import { describe, expect, it } from 'vitest';
import type { BudgetExceededEvent } from '../../../plugin/budget/PortraitPlan';
import { PortraitScheduler } from '../../../plugin/budget/PortraitScheduler';
import type { ScheduledPortrait } from '../../../plugin/budget/ScheduledPortrait';
import { SeededRandom } from '../../../plugin/core/SeededRandom';
import { fakeCostMs, runFrames } from './fakeCosts';

/** Frames for the scheduler to measure costs and finish climbing (several upFrames periods). */
const SETTLE = 400;
const FULL_MS = fakeCostMs(1024);

const levelsOf = (ps: readonly ScheduledPortrait[]) => ps.map((p) => p.level);
const isSorted = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] <= x);

describe('PortraitScheduler', () => {
  it('updates everyone every frame at max size when the budget fits them all', () => {
    const scheduler = new PortraitScheduler({ budgetMs: 8 * FULL_MS * 1.5 });
    const portraits = Array.from({ length: 8 }, (_, i) => scheduler.add({ maxSize: 1024, priority: i % 2 ? 'low' : 'high' }));
    const random = new SeededRandom(1);
    runFrames(scheduler, 0, SETTLE, random);
    const run = runFrames(scheduler, SETTLE, 100, random);
    expect(new Set(run.counts)).toEqual(new Set([8]));
    for (const p of portraits) expect([p.level, p.size, p.rate]).toEqual([0, 1024, 1]);
    expect(scheduler.stats.averageLoadMs).toBeCloseTo(8 * FULL_MS, 1);
  });

  it('orders levels by priority: hint and screen share', () => {
    const scheduler = new PortraitScheduler({ budgetMs: 0.5 });
    const byHint = [8, 4, 2, 1, 0.5, 0.25].map((w) => scheduler.add({ maxSize: 1024, priority: w }));
    runFrames(scheduler, 0, SETTLE, new SeededRandom(2));
    const levels = levelsOf(byHint);
    expect(isSorted(levels)).toBe(true);
    expect(levels[0]).toBeLessThan(levels[5]);
    expect(isSorted(byHint.map((p) => -p.size))).toBe(true);
    expect(isSorted(byHint.map((p) => p.rate))).toBe(true);

    const scheduler2 = new PortraitScheduler({ budgetMs: 0.5 });
    const byShare = [0.4, 0.2, 0.1, 0.05, 0.02, 0.01].map((screenShare) => scheduler2.add({ maxSize: 1024, screenShare }));
    runFrames(scheduler2, 0, SETTLE, new SeededRandom(3));
    expect(isSorted(levelsOf(byShare))).toBe(true);
    expect(byShare[0].level).toBeLessThan(byShare[5].level);
  });

  it('freezes a portrait off screen: never updated, rate 0, no cost, its budget goes to the others', () => {
    const scheduler = new PortraitScheduler({ budgetMs: 0.3 });
    const [a, b] = [scheduler.add({ maxSize: 1024, priority: 'high' }), scheduler.add({ maxSize: 1024 })];
    const random = new SeededRandom(4);
    runFrames(scheduler, 0, SETTLE, random);
    expect(a.level).toBe(0);
    expect(b.level).toBeGreaterThan(0);
    a.visible = false;
    const samplesBefore = a.meter.sampleCount(1024);
    let aUpdated = 0;
    // beforeFrame sees the previous frame's plan, so frame SETTLE shows the last plan before hiding.
    runFrames(scheduler, SETTLE, SETTLE, random, { beforeFrame: (frame) => (aUpdated += frame > SETTLE && a.updating ? 1 : 0) });
    expect(aUpdated).toBe(0);
    expect(a.meter.sampleCount(1024)).toBe(samplesBefore);
    expect([a.level, a.rate, a.size]).toEqual([-1, 0, 1024]);
    expect(scheduler.stats.visibleCount).toBe(1);
    expect(b.level).toBe(0);
    a.visible = true;
    runFrames(scheduler, 2 * SETTLE, SETTLE, random);
    expect(a.level).toBe(0);
    expect(b.level).toBeGreaterThan(0);
  });

  it('serves the focused portrait first, whatever its hint and size on screen, and follows a focus change', () => {
    const scheduler = new PortraitScheduler({ budgetMs: 0.4 });
    const ps = [
      scheduler.add({ maxSize: 1024, priority: 'high', screenShare: 0.5 }),
      scheduler.add({ maxSize: 1024, priority: 'normal', screenShare: 0.2 }),
      scheduler.add({ maxSize: 1024, priority: 'low', screenShare: 0.001, focused: true }),
      scheduler.add({ maxSize: 1024, priority: 'normal', screenShare: 0.1 }),
    ];
    const random = new SeededRandom(5);
    runFrames(scheduler, 0, SETTLE, random);
    expect(ps[2].level).toBe(0);
    for (const i of [0, 1, 3]) expect(ps[i].level).toBeGreaterThan(0);
    ps[2].focused = false;
    ps[3].focused = true;
    runFrames(scheduler, SETTLE, SETTLE, random);
    expect(ps[3].level).toBe(0);
    expect(ps[2].level).toBeGreaterThan(ps[0].level);
  });

  it('degrades the lowest priority first as the budget shrinks', () => {
    const scheduler = new PortraitScheduler({ budgetMs: 4 * FULL_MS * 1.5 });
    const priorities = [2, 8, 1, 4]; // added out of order, so ties broken by position cannot pass for priority
    const added = priorities.map((priority) => scheduler.add({ maxSize: 1024, priority }));
    const ps = [8, 4, 2, 1].map((w) => added[priorities.indexOf(w)]); // strongest first
    const random = new SeededRandom(6);
    let frame = 0;
    runFrames(scheduler, frame, SETTLE, random);
    frame += SETTLE;
    expect(levelsOf(ps)).toEqual([0, 0, 0, 0]);
    const leftTop: number[] = []; // order in which portraits first leave level 0
    for (let budget = scheduler.budgetMs; budget > 0.05; budget *= 0.9) {
      scheduler.budgetMs = budget;
      runFrames(scheduler, frame, 60, random);
      frame += 60;
      const levels = levelsOf(ps);
      expect(isSorted(levels)).toBe(true);
      ps.forEach((p, i) => {
        if (p.level > 0 && !leftTop.includes(i)) leftTop.push(i);
      });
    }
    expect(leftTop).toEqual([3, 2, 1, 0]);
    for (const p of ps) expect(p.level).toBeGreaterThan(0);
  });

  it('holds every visible portrait at its floor when even the floors do not fit, and says so once per episode', () => {
    const scheduler = new PortraitScheduler({ budgetMs: 1 });
    const ps = Array.from({ length: 64 }, () => scheduler.add({ maxSize: 512 }));
    const events: BudgetExceededEvent[] = [];
    scheduler.onBudgetExceeded.add((e) => events.push(e));
    const random = new SeededRandom(7);
    runFrames(scheduler, 0, SETTLE, random);
    expect(events).toHaveLength(0);

    scheduler.budgetMs = 0.05;
    const lastUpdate = new Map<ScheduledPortrait, number>();
    let longestWait = 0;
    let wrongSize = 0;
    runFrames(scheduler, SETTLE, 600, random, {
      beforeFrame: (frame) => {
        if (frame === SETTLE) return; // still the last plan under the old budget
        for (const p of ps) {
          if (p.updating) {
            lastUpdate.set(p, frame - 1);
            if (p.size !== 128) wrongSize++;
          }
          if (frame > SETTLE + 8) longestWait = Math.max(longestWait, frame - (lastUpdate.get(p) ?? SETTLE));
        }
      },
    });
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.frameIndex).toBe(SETTLE);
    expect(event.budgetMs).toBe(0.05);
    expect(event.visibleCount).toBe(64);
    // The floors cost 64 × (one 128 px update) / 8 frames; the meters predict it from what they measured.
    const trueFloorLoad = (64 * fakeCostMs(128)) / 8;
    expect(event.floorLoadMs).toBeGreaterThan(trueFloorLoad * 0.8);
    expect(event.floorLoadMs).toBeLessThan(trueFloorLoad * 2);
    expect(scheduler.stats.overBudget).toBe(true);
    for (const p of ps) expect([p.size, p.rate]).toEqual([128, 8]);
    expect(wrongSize).toBe(0);
    expect(longestWait).toBeLessThanOrEqual(8);

    scheduler.budgetMs = 1;
    runFrames(scheduler, SETTLE + 600, 10, random);
    expect(scheduler.stats.overBudget).toBe(false);
    expect(events).toHaveLength(1);
    scheduler.budgetMs = 0.05;
    runFrames(scheduler, SETTLE + 610, 100, random);
    expect(events).toHaveLength(2);
    expect(events[1].frameIndex).toBe(SETTLE + 610);
  });

  it('returns the same plan object every frame and reports totals in stats', () => {
    const scheduler = new PortraitScheduler({ budgetMs: 1 });
    for (let i = 0; i < 4; i++) scheduler.add();
    const plan = scheduler.plan(0);
    for (let i = 0; i < plan.count; i++) plan.portraits[i].recordCost(0.1);
    expect(scheduler.stats.measuredMs).toBeCloseTo(0.1 * plan.count, 12);
    const measured = scheduler.stats.measuredMs;
    expect(scheduler.plan(1)).toBe(plan);
    expect(scheduler.stats.lastFrameMeasuredMs).toBe(measured);
    expect(scheduler.stats.measuredMs).toBe(0);
    expect(scheduler.stats.frameIndex).toBe(1);
    expect(scheduler.stats.updateCount).toBe(plan.count);
    expect(scheduler.stats.predictedMs).toBe(plan.predictedMs);
    const p = scheduler.portraits[0];
    expect(p.smoothedCostMs).toBe(p.meter.smoothedMs(p.size));
    expect(Number.isFinite(p.predictedCostMs)).toBe(true);
  });

  it('refuses misuse with messages that name the class, the value and what to do', () => {
    expect(() => new PortraitScheduler({ budgetMs: -1 })).toThrow(/budgetMs .* got -1/);
    expect(() => new PortraitScheduler({ floorRate: 6 })).toThrow(/floorRate must be a power of two/);
    expect(() => new PortraitScheduler({ floorSize: 100 })).toThrow(/floorSize must be one of 1024, 512, 256, 128/);
    expect(() => new PortraitScheduler({ headroom: 1 })).toThrow(/headroom/);
    expect(() => new PortraitScheduler({ upFrames: 0 })).toThrow(/upFrames/);
    expect(() => new PortraitScheduler({ costs: { smoothing: 2 } })).toThrow(/CostMeter: smoothing/);
    const scheduler = new PortraitScheduler();
    expect(() => scheduler.add({ maxSize: 2048 })).toThrow(/maxSize must be a whole number of pixels from 128 to 1024, got 2048/);
    expect(() => scheduler.add({ refreshRate: 3 })).toThrow(/refreshRate/);
    expect(() => scheduler.add({ priority: -1 })).toThrow(/priority/);
    expect(scheduler.portraits).toHaveLength(0);
    const p = scheduler.add();
    expect(() => (p.screenShare = NaN)).toThrow(/ScheduledPortrait.screenShare/);
    expect(() => (p.visible = 1 as unknown as boolean)).toThrow(TypeError);
    p.screenShare = 3;
    expect(p.screenShare).toBe(1);
    scheduler.plan(5);
    expect(() => scheduler.plan(5)).toThrow(/frameIndex must be a whole number larger than the last one \(5\), got 5/);
    expect(() => scheduler.plan(6.5)).toThrow(RangeError);
    scheduler.dispose();
    scheduler.dispose();
    expect(scheduler.portraits).toHaveLength(0);
    expect(scheduler.remove(p)).toBe(false);
  });

  it('takes its caller’s measured overhead off the budget, so updates plus overhead fit it', () => {
    const BUDGET_MS = 1;
    const OVERHEAD_MS = 0.3;
    const make = () => {
      const scheduler = new PortraitScheduler({ budgetMs: BUDGET_MS });
      for (let i = 0; i < 32; i++) scheduler.add({ maxSize: 512 });
      return scheduler;
    };
    const alone = make();
    runFrames(alone, 0, SETTLE, new SeededRandom(40));
    const without = runFrames(alone, SETTLE, 400, new SeededRandom(41));
    const paying = make();
    runFrames(paying, 0, SETTLE, new SeededRandom(40), { overheadMs: OVERHEAD_MS });
    const withOverhead = runFrames(paying, SETTLE, 400, new SeededRandom(41), { overheadMs: OVERHEAD_MS });
    expect(paying.stats.overheadMs).toBeCloseTo(OVERHEAD_MS, 1);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // Without the report the updates take the whole budget; with it, they leave the overhead room.
    expect(mean(without.predictedMs)).toBeGreaterThan(BUDGET_MS * 0.8);
    expect(mean(withOverhead.predictedMs) + OVERHEAD_MS).toBeLessThanOrEqual(BUDGET_MS);
    expect(Math.max(...withOverhead.predictedMs)).toBeLessThanOrEqual(BUDGET_MS - OVERHEAD_MS * 0.8);
  });

  it('refuses an overhead that is not a finite number of ms', () => {
    const scheduler = new PortraitScheduler();
    for (const bad of [-1, NaN, Infinity]) expect(() => scheduler.recordOverhead(bad)).toThrow(/recordOverhead: ms must be a finite number/);
  });
});
