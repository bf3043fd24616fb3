export { PortraitRig } from './PortraitRig';
export { buildPortraitRig, DEFAULT_DEPTH_RELIEF, type RigInput } from './buildPortraitRig';
export { RIG_FORMAT, RIG_VERSION, type BakedShot, type FaceFrame, type PortraitRigData, type RigMorph } from './PortraitRigData';
export { parseRig, parseRigJson, serializeRig, type SerializedRig } from './rigSerialization';
export type { RigColors, RigPixels, Rgb } from './rigColors';
export * from './shots/index';
