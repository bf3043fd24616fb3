// babylon-talking-portraits: the one public door. Games and the demo import only from here.
// Nothing in this module graph may touch browser globals at import time: importing the
// package in Node must not fail (tests/unit/package checks it).

// core: face controls, ARKit blendshape names, landmark index sets, errors, filters, math.
export * from './core/index';

// capture: landmarks from images and video.
export { FaceTracker, type FaceTrackerOptions, type TrackerRunningMode } from './capture/FaceTracker';
export { FACE_LANDMARK_COUNT, type FaceDetection } from './capture/FaceDetection';
export type { TrackableImage } from './capture/imageSources';

// rig: built once per portrait from landmarks, posed per frame; bake and load rigs.
export * from './rig/index';

// render: the warp generator (most games use it through TalkingPortrait).
export { WarpGenerator } from './render/WarpGenerator';

// babylon: what a game touches.
export * from './babylon/index';
