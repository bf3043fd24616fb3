import { describe, expect, it } from 'vitest';
import { PortraitScheduler } from '../../../plugin/budget/PortraitScheduler';
import type { ScheduledPortrait } from '../../../plugin/budget/ScheduledPortrait';
import { SeededRandom } from '../../../plugin/core/SeededRandom';
import { quantile, runFrames } from './fakeCosts';

const PORTRAITS = 64;
const BUDGET_MS = 1;
const FRAMES = 3000;
/** The target: a frame counts as over when its actual cost exceeds the budget by more than 10 %. */
const OVER_FACTOR = 1.1;
/** Fewer than this fraction of frames may be over. */
const MAX_OVER_FRACTION = 0.05;
/** Frames between speaker changes (5 s at 60 fps). */
const SPEAKER_FRAMES = 300;
/** Frames a wandering portrait spends on screen, then off screen. */
const WANDER_FRAMES = 240;
/** A scheduler that does not use the budget would pass the cap trivially; require it to spend at least this much of it. */
const MIN_MEAN_USE = 0.5;

const MAX_SIZES = [1024, 512, 256];
const HINTS = ['high', 'normal', 'normal', 'low'] as const;

/** 64 portraits of mixed sizes and hints, on a camera that drifts, with a changing speaker and some walking off screen. */
function crowd(scheduler: PortraitScheduler, random: SeededRandom): { portraits: ScheduledPortrait[]; move: (frame: number) => void } {
  const portraits: ScheduledPortrait[] = [];
  const baseShare: number[] = [];
  for (let i = 0; i < PORTRAITS; i++) {
    portraits.push(scheduler.add({ maxSize: MAX_SIZES[i % MAX_SIZES.length], priority: HINTS[i % HINTS.length] }));
    baseShare.push(random.range(0.002, 0.08));
  }
  const move = (frame: number) => {
    for (let i = 0; i < PORTRAITS; i++) {
      const p = portraits[i];
      p.screenShare = baseShare[i] * (1 + 0.5 * Math.sin(frame / 200 + i));
      p.focused = i === Math.floor(frame / SPEAKER_FRAMES) % 8;
      if (i % 8 === 7) p.visible = Math.floor((frame + i * 13) / WANDER_FRAMES) % 2 === 0;
    }
  };
  return { portraits, move };
}

describe('PortraitScheduler simulation: 64 portraits, 1 ms budget, noisy fake costs', () => {
  it('keeps the actual cost per frame within 10 % of the budget in all but a few frames, and starves no one', () => {
    const random = new SeededRandom(2024);
    const scheduler = new PortraitScheduler({ budgetMs: BUDGET_MS });
    const { portraits, move } = crowd(scheduler, random);
    const lastUpdate = new Map<ScheduledPortrait, number>();
    let longestWait = 0;
    let exceeded = 0;
    scheduler.onBudgetExceeded.add(() => exceeded++);
    const run = runFrames(scheduler, 0, FRAMES, random, {
      noise: 0.1,
      beforeFrame: (frame) => {
        move(frame);
        for (const p of portraits) {
          if (p.updating) lastUpdate.set(p, frame - 1);
          if (!p.visible) lastUpdate.delete(p);
          else if (lastUpdate.has(p)) longestWait = Math.max(longestWait, frame - (lastUpdate.get(p) as number));
        }
      },
    });
    const over = run.actualMs.filter((ms) => ms > BUDGET_MS * OVER_FACTOR).length / FRAMES;
    const p95 = quantile(run.actualMs, 0.95);
    const mean = run.actualMs.reduce((s, ms) => s + ms, 0) / FRAMES;
    expect(over).toBeLessThan(MAX_OVER_FRACTION);
    expect(p95).toBeLessThanOrEqual(BUDGET_MS * OVER_FACTOR);
    expect(mean).toBeGreaterThan(BUDGET_MS * MIN_MEAN_USE);
    // No forced update was needed: every plan's prediction fits the budget.
    expect(Math.max(...run.predictedMs)).toBeLessThanOrEqual(BUDGET_MS);
    expect(exceeded).toBe(0);
    expect(longestWait).toBeLessThanOrEqual(scheduler.floorRate);
    // The speaker of the last stretch holds the best level of its ladder.
    const speaker = portraits[Math.floor((FRAMES - 1) / SPEAKER_FRAMES) % 8];
    expect(speaker.level).toBe(0);
    console.info(`budget simulation: over ${(over * 100).toFixed(2)} % of frames, p95 ${p95.toFixed(3)} ms, mean ${mean.toFixed(3)} ms, max ${Math.max(...run.actualMs).toFixed(3)} ms`);
  });

  it('takes portraits added and removed mid-run in its stride', () => {
    const random = new SeededRandom(99);
    const scheduler = new PortraitScheduler({ budgetMs: BUDGET_MS });
    const first: ScheduledPortrait[] = [];
    for (let i = 0; i < 32; i++) first.push(scheduler.add({ maxSize: MAX_SIZES[i % 3], priority: HINTS[i % 4], screenShare: 0.01 + i / 1000 }));
    const before = runFrames(scheduler, 0, 300, random);

    const added: ScheduledPortrait[] = [];
    for (let i = 0; i < 32; i++) added.push(scheduler.add({ maxSize: 1024, priority: 'high', screenShare: 0.05 }));
    const seenAdded = new Set<ScheduledPortrait>();
    const during = runFrames(scheduler, 300, 300, random, {
      beforeFrame: (frame) => {
        if (frame <= 300 + scheduler.floorRate) for (const p of added) if (p.updating) seenAdded.add(p);
      },
    });
    expect(seenAdded.size).toBe(added.length); // every newcomer drawn within one floor interval
    expect(scheduler.portraits).toHaveLength(64);

    const removed = [...first.slice(0, 16), ...added.slice(0, 16)];
    const kept = [...first.slice(16), ...added.slice(16)];
    const meanLevel = () => kept.reduce((s, p) => s + p.level, 0) / kept.length;
    const crowdedLevel = meanLevel();
    for (const p of removed) expect(scheduler.remove(p)).toBe(true);
    for (const p of removed) expect(scheduler.remove(p)).toBe(false);
    expect(scheduler.portraits).toHaveLength(32);
    expect(new Set(scheduler.portraits)).toEqual(new Set(kept));
    let removedPlanned = 0;
    const plan = scheduler.plan(600); // the same object every frame
    const after = runFrames(scheduler, 601, 600, random, {
      beforeFrame: () => {
        for (let i = 0; i < plan.count; i++) if (removed.includes(plan.portraits[i])) removedPlanned++;
      },
    });
    expect(removedPlanned).toBe(0);
    expect(removed.some((p) => p.updating)).toBe(false);
    for (const run of [before, during, after]) expect(quantile(run.actualMs, 0.95)).toBeLessThanOrEqual(BUDGET_MS * OVER_FACTOR);
    // With half the crowd gone, those left climb (a lower level is better).
    expect(scheduler.stats.visibleCount).toBe(32);
    expect(meanLevel()).toBeLessThan(crowdedLevel - 0.5); // twice the budget each: about one ladder step
  });
});
