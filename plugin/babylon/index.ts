export { TalkingPortrait, type TalkingPortraitOptions, type PortraitShotSource } from './TalkingPortrait';
export { PortraitSystem, type PortraitSystemOptions, type SystemPortrait } from './PortraitSystem';
export { PortraitStats } from './PortraitStats';
export { PortraitSystemStats } from './PortraitSystemStats';
export type { GpuTimingMode } from './gpuTiming';
export type { PortraitImageSource } from './portraitImage';
export type { PortraitShotInfo } from './portraitShots';
