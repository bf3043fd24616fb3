import { closestName } from './closestName';

/**
 * The 52 ARKit blendshape names in ARKit's order. Left/Right are the subject's own sides:
 * eyeBlinkLeft closes the subject's left eye, which the viewer sees on the right.
 */
export const ARKIT_BLENDSHAPE_NAMES = [
  'eyeBlinkLeft', 'eyeLookDownLeft', 'eyeLookInLeft', 'eyeLookOutLeft', 'eyeLookUpLeft', 'eyeSquintLeft', 'eyeWideLeft',
  'eyeBlinkRight', 'eyeLookDownRight', 'eyeLookInRight', 'eyeLookOutRight', 'eyeLookUpRight', 'eyeSquintRight', 'eyeWideRight',
  'jawForward', 'jawLeft', 'jawRight', 'jawOpen',
  'mouthClose', 'mouthFunnel', 'mouthPucker', 'mouthLeft', 'mouthRight',
  'mouthSmileLeft', 'mouthSmileRight', 'mouthFrownLeft', 'mouthFrownRight',
  'mouthDimpleLeft', 'mouthDimpleRight', 'mouthStretchLeft', 'mouthStretchRight',
  'mouthRollLower', 'mouthRollUpper', 'mouthShrugLower', 'mouthShrugUpper',
  'mouthPressLeft', 'mouthPressRight', 'mouthLowerDownLeft', 'mouthLowerDownRight', 'mouthUpperUpLeft', 'mouthUpperUpRight',
  'browDownLeft', 'browDownRight', 'browInnerUp', 'browOuterUpLeft', 'browOuterUpRight',
  'cheekPuff', 'cheekSquintLeft', 'cheekSquintRight',
  'noseSneerLeft', 'noseSneerRight',
  'tongueOut',
] as const;

export type BlendshapeName = (typeof ARKIT_BLENDSHAPE_NAMES)[number];

export const BLENDSHAPE_COUNT = ARKIT_BLENDSHAPE_NAMES.length;

/** Index of each blendshape in ARKIT_BLENDSHAPE_NAMES, for string-free hot code: `weights[Blendshape.jawOpen]`. */
export const Blendshape = {
  eyeBlinkLeft: 0, eyeLookDownLeft: 1, eyeLookInLeft: 2, eyeLookOutLeft: 3, eyeLookUpLeft: 4, eyeSquintLeft: 5, eyeWideLeft: 6,
  eyeBlinkRight: 7, eyeLookDownRight: 8, eyeLookInRight: 9, eyeLookOutRight: 10, eyeLookUpRight: 11, eyeSquintRight: 12, eyeWideRight: 13,
  jawForward: 14, jawLeft: 15, jawRight: 16, jawOpen: 17,
  mouthClose: 18, mouthFunnel: 19, mouthPucker: 20, mouthLeft: 21, mouthRight: 22,
  mouthSmileLeft: 23, mouthSmileRight: 24, mouthFrownLeft: 25, mouthFrownRight: 26,
  mouthDimpleLeft: 27, mouthDimpleRight: 28, mouthStretchLeft: 29, mouthStretchRight: 30,
  mouthRollLower: 31, mouthRollUpper: 32, mouthShrugLower: 33, mouthShrugUpper: 34,
  mouthPressLeft: 35, mouthPressRight: 36, mouthLowerDownLeft: 37, mouthLowerDownRight: 38, mouthUpperUpLeft: 39, mouthUpperUpRight: 40,
  browDownLeft: 41, browDownRight: 42, browInnerUp: 43, browOuterUpLeft: 44, browOuterUpRight: 45,
  cheekPuff: 46, cheekSquintLeft: 47, cheekSquintRight: 48,
  noseSneerLeft: 49, noseSneerRight: 50,
  tongueOut: 51,
} as const satisfies { readonly [K in BlendshapeName]: number };

export function isBlendshapeName(name: string): name is BlendshapeName {
  return Object.hasOwn(Blendshape, name);
}

/** Index of `name`; throws a RangeError naming the closest valid name for anything else. */
export function blendshapeIndex(name: string): number {
  if (isBlendshapeName(name)) return Blendshape[name];
  throw new RangeError(
    `"${name}" is not an ARKit blendshape name; did you mean "${closestName(String(name), ARKIT_BLENDSHAPE_NAMES)}"? ` +
      'Names are case-sensitive and listed in ARKIT_BLENDSHAPE_NAMES.',
  );
}
