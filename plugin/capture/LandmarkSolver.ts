// Landmarks (or a model's blendshapes) to FaceControls: head turn from the transform, and
// blinks, jaw, smile, brows and gaze from how the face moved away from its neutral.
import { BLENDSHAPE_COUNT, Blendshape } from '../core/arkitBlendshapes';
import type { FaceControls } from '../core/FaceControls';
import { CHIN, FOREHEAD_TOP } from '../core/landmarkIndices';
import { FACE_LANDMARK_COUNT, type FaceDetection } from './FaceDetection';
import { Feature, FEATURE_COUNT, measureFeatures } from './faceFeatures';
import { eyeLineAngle, eyeSpanPx, NOSE_BRIDGE, toHeadFrame } from './headFrame';
import { headTurnInto, type HeadAngles } from './headTurn';
import { MIRRORED_BLENDSHAPE } from './mirrorWeights';
import { writeLandmarkWeights } from './landmarkWeights';

export interface LandmarkSolverOptions {
  /**
   * Solve as a mirror image (a selfie view): the player's left eye drives the portrait's right
   * eye, and turns and tilts go the other way. Default false.
   */
  mirror?: boolean;
  /** Take the model's own blendshapes when it gives them, instead of reading the landmarks. Default true. */
  useModelBlendshapes?: boolean;
}

/** The blendshapes the landmark path writes; a model's blendshapes write all 52. */
export const LANDMARK_SOLVED_WEIGHTS: readonly number[] = Object.freeze([
  Blendshape.eyeBlinkLeft, Blendshape.eyeBlinkRight, Blendshape.jawOpen,
  Blendshape.mouthSmileLeft, Blendshape.mouthSmileRight, Blendshape.mouthFrownLeft, Blendshape.mouthFrownRight,
  Blendshape.browInnerUp, Blendshape.browDownLeft, Blendshape.browDownRight, Blendshape.browOuterUpLeft, Blendshape.browOuterUpRight,
  Blendshape.eyeLookInLeft, Blendshape.eyeLookOutLeft, Blendshape.eyeLookUpLeft, Blendshape.eyeLookDownLeft,
  Blendshape.eyeLookInRight, Blendshape.eyeLookOutRight, Blendshape.eyeLookUpRight, Blendshape.eyeLookDownRight,
]);

/**
 * Turns detections into FaceControls against a neutral face: the first detection solved, the
 * mean of several given to addNeutralSample, or one set with setNeutral (for a portrait, its own
 * rest detection). solve() allocates nothing: call it for every video frame.
 */
export class LandmarkSolver {
  /** Whether the solver mirrors left and right (see LandmarkSolverOptions.mirror). */
  mirror: boolean;
  /** Whether a model's blendshapes are used when present. */
  useModelBlendshapes: boolean;

  private readonly _local = new Float32Array(FACE_LANDMARK_COUNT * 3);
  private readonly _features = new Float64Array(FEATURE_COUNT);
  private readonly _neutral = new Float64Array(FEATURE_COUNT);
  private readonly _neutralTransform = new Float64Array(16);
  private readonly _weights = new Float32Array(BLENDSHAPE_COUNT);
  private readonly _angles: HeadAngles = { yaw: 0, pitch: 0, roll: 0 };
  private _neutralSamples = 0;
  private _neutralHasTransform = false;
  private _neutralX = 0;
  private _neutralY = 0;
  private _neutralUnit = 0;
  private _neutralFaceHeight = 0;
  private _neutralRoll = 0;

  constructor(options: LandmarkSolverOptions = {}) {
    this.mirror = options.mirror ?? false;
    this.useModelBlendshapes = options.useModelBlendshapes ?? true;
  }

  /** Whether a neutral face is set. */
  get hasNeutral(): boolean {
    return this._neutralSamples > 0;
  }

  /** Makes `detection` the neutral face: controls are measured from it. */
  setNeutral(detection: FaceDetection): void {
    this.clearNeutral();
    this.addNeutralSample(detection);
  }

  /** Adds one more detection of the neutral face; the neutral becomes the mean of all added. */
  addNeutralSample(detection: FaceDetection): void {
    checkDetection(detection, 'addNeutralSample');
    const n = ++this._neutralSamples;
    const unit = toHeadFrame(detection, this._local);
    measureFeatures(this._local, this._features);
    for (let i = 0; i < FEATURE_COUNT; i++) this._neutral[i] += (this._features[i] - this._neutral[i]) / n;
    const p = detection.landmarks, w = detection.imageWidth, h = detection.imageHeight;
    this._neutralX += (p[NOSE_BRIDGE * 3] * w - this._neutralX) / n;
    this._neutralY += (p[NOSE_BRIDGE * 3 + 1] * h - this._neutralY) / n;
    this._neutralUnit += (unit - this._neutralUnit) / n;
    const faceHeight = Math.hypot((p[FOREHEAD_TOP * 3] - p[CHIN * 3]) * w, (p[FOREHEAD_TOP * 3 + 1] - p[CHIN * 3 + 1]) * h);
    this._neutralFaceHeight += (faceHeight - this._neutralFaceHeight) / n;
    this._neutralRoll += (eyeLineAngle(detection) - this._neutralRoll) / n;
    this._neutralHasTransform = n === 1 ? detection.transform !== null : this._neutralHasTransform && detection.transform !== null;
    if (detection.transform) for (let i = 0; i < 16; i++) this._neutralTransform[i] += (detection.transform[i] - this._neutralTransform[i]) / n;
  }

  /** Forgets the neutral; the next detection solved becomes it. */
  clearNeutral(): void {
    this._neutralSamples = 0;
    this._neutral.fill(0);
    this._neutralTransform.fill(0);
    this._neutralX = this._neutralY = this._neutralUnit = this._neutralFaceHeight = this._neutralRoll = 0;
  }

  /**
   * Writes the head turn, head offset and the solved weights (LANDMARK_SOLVED_WEIGHTS, or all 52
   * from a model's blendshapes) into `out`; other weights are left as they are. Allocates nothing.
   */
  solve(detection: FaceDetection, out: FaceControls): void {
    checkDetection(detection, 'solve');
    if (!this.hasNeutral) this.addNeutralSample(detection);
    const side = this.mirror ? -1 : 1;
    this.solveHead(detection, out, side);
    const weights = this._weights;
    let solved: readonly number[] | null = LANDMARK_SOLVED_WEIGHTS;
    if (detection.blendshapes && this.useModelBlendshapes) {
      weights.set(detection.blendshapes);
      solved = null;
    } else {
      toHeadFrame(detection, this._local);
      measureFeatures(this._local, this._features);
      writeLandmarkWeights(this._features, this._neutral, weights);
    }
    const count = solved ? solved.length : BLENDSHAPE_COUNT;
    for (let k = 0; k < count; k++) {
      const i = solved ? solved[k] : k;
      const value = weights[i];
      out.weights[this.mirror ? MIRRORED_BLENDSHAPE[i] : i] = value > 0 ? (value < 1 ? value : 1) : 0;
    }
  }

  private solveHead(detection: FaceDetection, out: FaceControls, side: number): void {
    const angles = this._angles;
    if (detection.transform && this._neutralHasTransform) {
      headTurnInto(this._neutralTransform, detection.transform, angles);
    } else {
      // No transform: only the tilt of the eye line can be read. Image y grows down, so a
      // counter-clockwise tilt makes the angle smaller.
      angles.yaw = angles.pitch = 0;
      angles.roll = this._neutralRoll - eyeLineAngle(detection);
    }
    out.setHead(side * angles.yaw, angles.pitch, side * angles.roll);
    const p = detection.landmarks, w = detection.imageWidth, h = detection.imageHeight;
    const faceHeight = this._neutralFaceHeight;
        out.setHeadPosition(
      side * (p[NOSE_BRIDGE * 3] * w - this._neutralX) / faceHeight,
      -(p[NOSE_BRIDGE * 3 + 1] * h - this._neutralY) / faceHeight,
      eyeSpanPx(detection) / this._neutralUnit - 1,
    );
  }
}

function checkDetection(detection: FaceDetection, method: string): void {
  if (!detection || !(detection.landmarks instanceof Float32Array) || detection.landmarks.length !== FACE_LANDMARK_COUNT * 3) {
    throw new TypeError(`LandmarkSolver.${method}: expected a FaceDetection with ${FACE_LANDMARK_COUNT} landmarks (x, y, z each), as FaceTracker gives.`);
  }
  if (!(detection.imageWidth > 0 && detection.imageHeight > 0)) {
    throw new RangeError(`LandmarkSolver.${method}: the detection's image size must be positive, got ${detection.imageWidth}×${detection.imageHeight}.`);
  }
}
