/**
 * How far behind the skin each layer is drawn, in the depth buffer's 0..1 range, where the
 * rig maps 4 face heights onto that range (rig/PortraitRig): so 0.05 is 0.2 face heights.
 * The eye white lies behind the iris, both behind the lids; the mouth interior behind the lips.
 *
 * The iris disk is flat (the eye outline's mean depth) while the lids around it are not: on the
 * shared portraits an eye's outline spans up to ±0.095 face heights of depth (a three-quarter
 * face's far corner lies deeper). The iris must clear the deepest lid skin and the eye white,
 * which keeps its lids' depths, must clear the iris at the nearest corner; smaller biases let a
 * sideways gaze draw the iris over the corner skin on one side and lose it behind the eye white
 * on the other.
 */
export const IRIS_DEPTH_BIAS = 0.05;
export const EYE_BACK_DEPTH_BIAS = 0.0875;
export const MOUTH_DEPTH_BIAS = 0.0125;
