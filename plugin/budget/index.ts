// budget: measure what portraits cost and decide who updates this frame, at which size and rate.
export { PortraitScheduler, type PortraitSchedulerOptions, type ScheduledPortraitOptions } from './PortraitScheduler';
export { ScheduledPortrait } from './ScheduledPortrait';
export { PortraitPlan, type BudgetExceededEvent } from './PortraitPlan';
export { PortraitSchedulerStats } from './PortraitSchedulerStats';
export { CostMeter, type CostMeterOptions } from './CostMeter';
export { PortraitLadder } from './PortraitLadder';
export { PRIORITY_WEIGHTS, type PriorityHint } from './priority';
export { MAX_UPDATE_RATE, RENDER_SIZES } from './renderLevels';
