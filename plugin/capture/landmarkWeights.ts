// Measured change from the neutral face to blendshape weights, for models without a blendshape head.
import { Blendshape } from '../core/arkitBlendshapes';
import { Feature } from './faceFeatures';
import {
  BROW_DEAD_ZONE, BROW_FULL_DROP, BROW_FULL_RISE, CORNER_DEAD_ZONE, EYE_CLOSED_RATIO, EYE_OPEN_RATIO, FROWN_FULL_DROP,
  GAZE_DEAD_ZONE, GAZE_FULL_SIDEWAYS, GAZE_VERTICAL_DEAD_ZONE, GAZE_FULL_VERTICAL, JAW_DEAD_ZONE, JAW_FULL_GAP, SMILE_FULL_RISE, response,
} from './solverResponse';

/**
 * Writes the landmark-solved weights (subject's own sides) into `weights` from `features` and
 * the `neutral` face's features (faceFeatures' layout). Other weights are not touched. Allocates nothing.
 */
export function writeLandmarkWeights(features: Float64Array, neutral: Float64Array, weights: Float32Array): void {
  const blinkLeft = blink(features[Feature.eyeLeft] / neutral[Feature.eyeLeft]);
  const blinkRight = blink(features[Feature.eyeRight] / neutral[Feature.eyeRight]);
  weights[Blendshape.eyeBlinkLeft] = blinkLeft;
  weights[Blendshape.eyeBlinkRight] = blinkRight;
  weights[Blendshape.jawOpen] = response(delta(features, neutral, Feature.lipGap), JAW_FULL_GAP, JAW_DEAD_ZONE);

  const riseLeft = delta(features, neutral, Feature.cornerLeft), riseRight = delta(features, neutral, Feature.cornerRight);
  weights[Blendshape.mouthSmileLeft] = response(riseLeft, SMILE_FULL_RISE, CORNER_DEAD_ZONE);
  weights[Blendshape.mouthSmileRight] = response(riseRight, SMILE_FULL_RISE, CORNER_DEAD_ZONE);
  weights[Blendshape.mouthFrownLeft] = response(-riseLeft, FROWN_FULL_DROP, CORNER_DEAD_ZONE);
  weights[Blendshape.mouthFrownRight] = response(-riseRight, FROWN_FULL_DROP, CORNER_DEAD_ZONE);

  const innerLeft = delta(features, neutral, Feature.browInnerLeft), innerRight = delta(features, neutral, Feature.browInnerRight);
  const outerLeft = delta(features, neutral, Feature.browOuterLeft), outerRight = delta(features, neutral, Feature.browOuterRight);
  weights[Blendshape.browInnerUp] = response((innerLeft + innerRight) / 2, BROW_FULL_RISE, BROW_DEAD_ZONE);
  weights[Blendshape.browOuterUpLeft] = response(outerLeft, BROW_FULL_RISE, BROW_DEAD_ZONE);
  weights[Blendshape.browOuterUpRight] = response(outerRight, BROW_FULL_RISE, BROW_DEAD_ZONE);
  weights[Blendshape.browDownLeft] = response(-(innerLeft + outerLeft) / 2, BROW_FULL_DROP, BROW_DEAD_ZONE);
  weights[Blendshape.browDownRight] = response(-(innerRight + outerRight) / 2, BROW_FULL_DROP, BROW_DEAD_ZONE);

  // A closing lid hides the iris and drags its landmarks: gaze fades out as the eye shuts.
  // Image right is the subject's left: the left eye looks out and the right eye looks in.
  const openLeft = 1 - blinkLeft, openRight = 1 - blinkRight;
  const xLeft = delta(features, neutral, Feature.irisXLeft), yLeft = delta(features, neutral, Feature.irisYLeft);
  const xRight = delta(features, neutral, Feature.irisXRight), yRight = delta(features, neutral, Feature.irisYRight);
  weights[Blendshape.eyeLookOutLeft] = openLeft * response(xLeft, GAZE_FULL_SIDEWAYS, GAZE_DEAD_ZONE);
  weights[Blendshape.eyeLookInLeft] = openLeft * response(-xLeft, GAZE_FULL_SIDEWAYS, GAZE_DEAD_ZONE);
  weights[Blendshape.eyeLookUpLeft] = openLeft * response(yLeft, GAZE_FULL_VERTICAL, GAZE_VERTICAL_DEAD_ZONE);
  weights[Blendshape.eyeLookDownLeft] = openLeft * response(-yLeft, GAZE_FULL_VERTICAL, GAZE_VERTICAL_DEAD_ZONE);
  weights[Blendshape.eyeLookInRight] = openRight * response(xRight, GAZE_FULL_SIDEWAYS, GAZE_DEAD_ZONE);
  weights[Blendshape.eyeLookOutRight] = openRight * response(-xRight, GAZE_FULL_SIDEWAYS, GAZE_DEAD_ZONE);
  weights[Blendshape.eyeLookUpRight] = openRight * response(yRight, GAZE_FULL_VERTICAL, GAZE_VERTICAL_DEAD_ZONE);
  weights[Blendshape.eyeLookDownRight] = openRight * response(-yRight, GAZE_FULL_VERTICAL, GAZE_VERTICAL_DEAD_ZONE);
}

/** How far feature `f` moved from neutral. */
function delta(features: Float64Array, neutral: Float64Array, f: number): number {
  return features[f] - neutral[f];
}

/** Eye-ratio-over-neutral to eyeBlink: 0 at EYE_OPEN_RATIO and above, 1 at EYE_CLOSED_RATIO and below. */
function blink(ratio: number): number {
  return response(EYE_OPEN_RATIO - ratio, EYE_OPEN_RATIO - EYE_CLOSED_RATIO, 0);
}
