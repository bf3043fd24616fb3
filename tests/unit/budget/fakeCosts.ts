// A fake GPU for the scheduler tests: update costs as a function of render size, with seeded noise.
import { SeededRandom } from '../../../plugin/core/SeededRandom';
import type { PortraitScheduler } from '../../../plugin/budget/PortraitScheduler';
import type { ScheduledPortrait } from '../../../plugin/budget/ScheduledPortrait';

/** Fixed part of a fake update (deform + draw call), ms: a bit below the meter's default overhead, so its scaling is imperfect. */
export const FAKE_OVERHEAD_MS = 0.015;
/** Fake cost of the pixels of a 1024 px update, ms. */
export const FAKE_FULL_PIXELS_MS = 0.2;
const FULL_SIZE = 1024;

/** Noise-free cost of one update at `size` pixels, ms. */
export function fakeCostMs(size: number): number {
  const r = size / FULL_SIZE;
  return FAKE_OVERHEAD_MS + FAKE_FULL_PIXELS_MS * r * r;
}

export interface FakeRunOptions {
  /** Standard deviation of the multiplicative noise on each update's cost. Default 0.1. */
  noise?: number;
  /** Multiplies every cost at a frame (drifts, oscillations). Default 1. */
  scaleAt?: (frame: number) => number;
  /** Called before each plan, e.g. to move the camera. */
  beforeFrame?: (frame: number) => void;
  /** The caller's own work per frame outside the updates, ms, reported with recordOverhead after each frame. Default none reported. */
  overheadMs?: number;
}

/** What happened frame by frame. */
export interface FakeRun {
  /** Sum of the actual (noisy) costs of the portraits updated, per frame, ms. */
  actualMs: number[];
  /** The scheduler's prediction for the same updates, per frame, ms. */
  predictedMs: number[];
  /** Portraits updated, per frame. */
  counts: number[];
}

/**
 * Runs frames [from, from + frames): plan, then "update" each planned portrait at its size and record
 * its noisy cost, as the Babylon layer will with performance.now.
 */
export function runFrames(scheduler: PortraitScheduler, from: number, frames: number, random: SeededRandom, options: FakeRunOptions = {}): FakeRun {
  const noise = options.noise ?? 0.1;
  const run: FakeRun = { actualMs: [], predictedMs: [], counts: [] };
  for (let frame = from; frame < from + frames; frame++) {
    options.beforeFrame?.(frame);
    const plan = scheduler.plan(frame);
    const scale = options.scaleAt ? options.scaleAt(frame) : 1;
    let actual = 0;
    for (let i = 0; i < plan.count; i++) {
      const p = plan.portraits[i];
      const ms = Math.max(0, fakeCostMs(p.size) * scale * (1 + random.gaussian(0, noise)));
      p.recordCost(ms);
      actual += ms;
    }
    if (options.overheadMs !== undefined) scheduler.recordOverhead(Math.max(0, options.overheadMs * (1 + random.gaussian(0, noise))));
    run.actualMs.push(actual);
    run.predictedMs.push(plan.predictedMs);
    run.counts.push(plan.count);
  }
  return run;
}

/** Number of times any portrait's level changed over `frames` frames starting at `from`. */
export function countLevelChanges(scheduler: PortraitScheduler, from: number, frames: number, random: SeededRandom, options: FakeRunOptions = {}): number {
  let changes = 0;
  const last = new Map<ScheduledPortrait, number>();
  for (const p of scheduler.portraits) last.set(p, p.level);
  runFrames(scheduler, from, frames, random, {
    ...options,
    beforeFrame: (frame) => {
      options.beforeFrame?.(frame);
      for (const p of scheduler.portraits) {
        if (last.get(p) !== p.level) changes++;
        last.set(p, p.level);
      }
    },
  });
  for (const p of scheduler.portraits) if (last.get(p) !== p.level) changes++;
  return changes;
}

/** The q-quantile (0..1) of `values` by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}
