export { TalkingPortrait, type TalkingPortraitOptions } from './TalkingPortrait';
export { PortraitSystem } from './PortraitSystem';
export type { PortraitImageSource } from './portraitImage';
