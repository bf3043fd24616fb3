export { TalkingPortrait } from './TalkingPortrait';
export type { TalkingPortraitOptions, PortraitShotSource } from './TalkingPortraitOptions';
export { PortraitSystem, type PortraitSystemOptions, type SystemPortrait } from './PortraitSystem';
export { PortraitStats } from './PortraitStats';
export { PortraitSystemStats } from './PortraitSystemStats';
export type { GpuTimingMode } from './gpuTiming';
export type { PortraitImageSource } from './portraitImage';
export type { PortraitShotInfo } from './portraitShots';
