import { describe, expect, it } from 'vitest';
import { PortraitScheduler, type PortraitSchedulerOptions } from '../../../plugin/budget/PortraitScheduler';
import { SeededRandom } from '../../../plugin/core/SeededRandom';
import { countLevelChanges, fakeCostMs, runFrames } from './fakeCosts';

const PORTRAITS = 8;
const HEADROOM = 0.1;
/** Costs swing ±5 % … */
const SWING = 0.05;
/** … as a square wave with this period in frames (long enough for the smoothed costs to follow). */
const SWING_PERIOD = 100;
const FRAMES = 1000;
const WARM_UP = 400;

/**
 * 8 equal portraits whose budget is exactly what all of them cost at full quality: costs 5 % up and
 * one must step down, costs 5 % down and it could climb back. Returns the level changes over 1000 frames.
 */
function levelChanges(options: PortraitSchedulerOptions): number {
  const budgetMs = (PORTRAITS * fakeCostMs(1024)) / (1 - HEADROOM);
  const scheduler = new PortraitScheduler({ budgetMs: budgetMs * 1.5, headroom: HEADROOM, ...options });
  for (let i = 0; i < PORTRAITS; i++) scheduler.add({ maxSize: 1024 });
  const random = new SeededRandom(21);
  runFrames(scheduler, 0, WARM_UP, random, { noise: 0.02 }); // measure every size at full quality first
  scheduler.budgetMs = budgetMs;
  const scaleAt = (frame: number) => (Math.floor(frame / (SWING_PERIOD / 2)) % 2 === 0 ? 1 + SWING : 1 - SWING);
  return countLevelChanges(scheduler, WARM_UP, FRAMES, random, { noise: 0.02, scaleAt });
}

describe('PortraitScheduler hysteresis', () => {
  it('does not flicker between levels when costs oscillate ±5 % around a threshold', () => {
    const changes = levelChanges({});
    // One portrait steps down on the first rise and stays there.
    expect(changes).toBeLessThanOrEqual(2);
    // Without the margin and the wait, the same costs make levels flip every half period.
    const flicker = levelChanges({ upMargin: 0, upFrames: 1 });
    expect(flicker).toBeGreaterThanOrEqual(FRAMES / SWING_PERIOD);
    console.info(`budget hysteresis: ${changes} level changes in ${FRAMES} frames with hysteresis, ${flicker} without`);
  });
});
