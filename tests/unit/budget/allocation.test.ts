import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { PortraitScheduler } from '../../../plugin/budget/PortraitScheduler';
import { SeededRandom } from '../../../plugin/core/SeededRandom';
import { fakeCostMs } from './fakeCosts';

/** Frames run first so that V8 has optimized the per-frame code (interpreted code boxes numbers). */
const WARM_UP_FRAMES = 10_000;
const WINDOW_FRAMES = 1000;
const WINDOWS = 9;
/**
 * Heap growth allowed per frame, bytes. The probe itself (one getHeapStatistics object per window) costs
 * well under 1 byte per frame; one boxed number per frame would cost 16.
 */
const MAX_BYTES_PER_FRAME = 4;
/** The system's own per-frame work reported each frame, ms (recordOverhead runs every frame too). */
const OVERHEAD_MS = 0.05;

/** Median heap growth per frame over windows of plan() + recordCost(), for a scheduler under `budgetMs`. */
function bytesPerFrame(budgetMs: number): number {
  const scheduler = new PortraitScheduler({ budgetMs });
  const random = new SeededRandom(5);
  for (let i = 0; i < 64; i++) scheduler.add({ maxSize: [1024, 512, 256][i % 3], priority: (['high', 'normal', 'low'] as const)[i % 3], screenShare: random.range(0.001, 0.1) });
  // Costs and noise precomputed, so the loop itself allocates nothing.
  const costAt = new Float64Array(1025).map((_, size) => fakeCostMs(size));
  const noise = new Float64Array(4096).map(() => 1 + random.gaussian(0, 0.1));
  let frame = 0;
  const run = (frames: number) => {
    for (const end = frame + frames; frame < end; frame++) {
      const plan = scheduler.plan(frame);
      for (let i = 0; i < plan.count; i++) plan.portraits[i].recordCost(costAt[plan.portraits[i].size] * noise[(frame * 7 + i) & 4095]);
      scheduler.recordOverhead(OVERHEAD_MS * noise[(frame * 13) & 4095]);
      if (frame % 500 === 0) scheduler.portraits[frame % 64].screenShare = noise[frame & 4095] * 0.05; // the camera moves
    }
  };
  run(WARM_UP_FRAMES);
  const growth: number[] = [];
  for (let w = 0; w < WINDOWS; w++) {
    const before = getHeapStatistics().used_heap_size;
    run(WINDOW_FRAMES);
    growth.push((getHeapStatistics().used_heap_size - before) / WINDOW_FRAMES);
  }
  return growth.sort((a, b) => a - b)[WINDOWS >> 1]; // the median ignores a window with a collection in it
}

describe('PortraitScheduler allocation', () => {
  it('allocates nothing per frame in the steady state: within budget, constrained, and over budget', () => {
    for (const budgetMs of [100, 1, 0.01]) expect(bytesPerFrame(budgetMs), `budget ${budgetMs} ms`).toBeLessThan(MAX_BYTES_PER_FRAME);
  });
});
