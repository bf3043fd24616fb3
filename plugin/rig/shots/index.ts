export { buildPortraitShot, SHOT_EYES_CLOSED, SHOT_MOUTH_OPEN, type PortraitShotData, type ShotContent } from './PortraitShot';
export type { ShotExpression } from './shotExpression';
