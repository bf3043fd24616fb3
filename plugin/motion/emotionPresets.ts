// The built-in facial expressions as sparse ARKit weights plus a small head tilt, after FACS action units.
import type { BlendshapeName } from '../core/arkitBlendshapes';

/** One expression at full intensity: sparse ARKit weights (0..1) and an optional small head tilt. */
export interface EmotionPreset {
  /** Weights at intensity 1; unnamed weights are 0. */
  readonly weights: Readonly<Partial<Record<BlendshapeName, number>>>;
  /** Head pitch at intensity 1, degrees, > 0 chin up. Default 0. */
  readonly pitchDeg?: number;
  /** Head roll at intensity 1, degrees, > 0 top toward the viewer's left. Default 0. */
  readonly rollDeg?: number;
}

/**
 * The built-in presets. Weights follow the action units of Ekman's basic emotions (e.g. happy: AU6 cheek
 * raiser + AU12 lip corner puller → cheekSquint, eyeSquint, mouthSmile), kept moderate so that one
 * portrait warps convincingly.
 */
export const EMOTION_PRESETS = Object.freeze({
  neutral: { weights: {} },
  happy: {
    weights: {
      mouthSmileLeft: 0.7, mouthSmileRight: 0.7, cheekSquintLeft: 0.4, cheekSquintRight: 0.4,
      eyeSquintLeft: 0.3, eyeSquintRight: 0.3, mouthDimpleLeft: 0.2, mouthDimpleRight: 0.2,
    },
    pitchDeg: 1.5,
  },
  sad: {
    weights: {
      browInnerUp: 0.7, browDownLeft: 0.15, browDownRight: 0.15, mouthFrownLeft: 0.6, mouthFrownRight: 0.6,
      mouthShrugLower: 0.3, eyeBlinkLeft: 0.15, eyeBlinkRight: 0.15,
    },
    pitchDeg: -4, rollDeg: 1.5,
  },
  angry: {
    weights: {
      browDownLeft: 0.8, browDownRight: 0.8, eyeSquintLeft: 0.3, eyeSquintRight: 0.3, noseSneerLeft: 0.35,
      noseSneerRight: 0.35, mouthPressLeft: 0.4, mouthPressRight: 0.4, mouthFrownLeft: 0.3, mouthFrownRight: 0.3, jawForward: 0.1,
    },
    pitchDeg: -2,
  },
  surprised: {
    weights: {
      browInnerUp: 0.8, browOuterUpLeft: 0.8, browOuterUpRight: 0.8, eyeWideLeft: 0.7, eyeWideRight: 0.7,
      jawOpen: 0.35, mouthFunnel: 0.15,
    },
    pitchDeg: 2,
  },
  thinking: {
    weights: {
      browDownLeft: 0.3, browOuterUpRight: 0.4, browInnerUp: 0.15, eyeSquintLeft: 0.15, eyeSquintRight: 0.15,
      mouthPressLeft: 0.3, mouthLeft: 0.25, mouthRollLower: 0.2,
    },
    pitchDeg: 3, rollDeg: 4,
  },
  disgusted: {
    weights: {
      noseSneerLeft: 0.7, noseSneerRight: 0.7, mouthUpperUpLeft: 0.5, mouthUpperUpRight: 0.5, browDownLeft: 0.4,
      browDownRight: 0.4, eyeSquintLeft: 0.4, eyeSquintRight: 0.4, cheekSquintLeft: 0.3, cheekSquintRight: 0.3,
      mouthFrownLeft: 0.3, mouthFrownRight: 0.3,
    },
    pitchDeg: -1, rollDeg: -2,
  },
  fearful: {
    weights: {
      browInnerUp: 0.8, browOuterUpLeft: 0.3, browOuterUpRight: 0.3, browDownLeft: 0.2, browDownRight: 0.2,
      eyeWideLeft: 0.8, eyeWideRight: 0.8, mouthStretchLeft: 0.5, mouthStretchRight: 0.5, jawOpen: 0.15,
    },
    pitchDeg: -2,
  },
  contempt: {
    weights: { mouthSmileLeft: 0.4, mouthDimpleLeft: 0.35, eyeSquintLeft: 0.1, eyeSquintRight: 0.1, mouthPressRight: 0.2 },
    pitchDeg: 2, rollDeg: -2,
  },
  sleepy: {
    weights: { eyeBlinkLeft: 0.5, eyeBlinkRight: 0.5, browInnerUp: 0.2, mouthClose: 0.1, jawOpen: 0.05 },
    pitchDeg: -3, rollDeg: 2,
  },
  blissful: {
    weights: {
      eyeBlinkLeft: 0.85, eyeBlinkRight: 0.85, mouthSmileLeft: 0.6, mouthSmileRight: 0.6, cheekSquintLeft: 0.35,
      cheekSquintRight: 0.35, browInnerUp: 0.2,
    },
    pitchDeg: 3, rollDeg: 3,
  },
} as const satisfies Readonly<Record<string, EmotionPreset>>);

/** A built-in emotion name. */
export type EmotionName = keyof typeof EMOTION_PRESETS;

/** The built-in emotion names. */
export const EMOTION_NAMES = Object.freeze(Object.keys(EMOTION_PRESETS) as EmotionName[]);
