export { ARKIT_BLENDSHAPE_NAMES, BLENDSHAPE_COUNT, Blendshape, blendshapeIndex, isBlendshapeName, type BlendshapeName } from './arkitBlendshapes';
export { FaceControls, HEAD_ROTATION_LIMITS, HEAD_TRANSLATION_LIMIT, type FaceControlsLike, type HeadChannel } from './FaceControls';
export type { FaceControlsJSON } from './faceControlsJson';
export * from './errors';
export * from './landmarkIndices';
export { CallbackList } from './CallbackList';
export { OneEuroFilter, type OneEuroFilterOptions } from './OneEuroFilter';
export { SeededRandom } from './SeededRandom';
export { clamp, clamp01, DEG_TO_RAD, degToRad, inverseLerp, lerp, RAD_TO_DEG, radToDeg, smoothstep } from './mathUtils';
