/**
 * How far behind the skin each layer is drawn, in the depth buffer's 0..1 range, where the
 * rig maps 4 face heights onto that range (rig/PortraitRig): so 0.0075 is 0.03 face heights.
 * The eye white lies behind the iris, both behind the lids; the mouth interior behind the lips.
 */
export const EYE_BACK_DEPTH_BIAS = 0.0075;
export const IRIS_DEPTH_BIAS = 0.005;
export const MOUTH_DEPTH_BIAS = 0.0125;
