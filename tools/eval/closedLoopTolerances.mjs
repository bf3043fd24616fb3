// How far the closed loop may miss: the solver's reading of a frame against the controls that
// made it. Shared by the closed-loop browser test and the report comparison; the reasons for each
// figure are in tests/browser/capture/solver-closed-loop.test.ts.

/** A commanded blendshape weight comes back within this (weight units, 0..1). */
export const COMMANDED_WEIGHT_TOLERANCE = 0.35;
/** A commanded head angle comes back within this many degrees. */
export const COMMANDED_ANGLE_TOLERANCE_DEG = 3;
/** A weight nobody commanded stays within this. */
export const CROSS_TALK_WEIGHT_TOLERANCE = 0.4;
/** An angle nobody commanded stays within this many degrees. */
export const CROSS_TALK_ANGLE_TOLERANCE_DEG = 5;
