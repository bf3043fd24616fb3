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
 * The smallest turn, on its main axis, that addTurnSample learns from: below it the detector's
 * jitter would be divided by too small an angle.
 */
export const MIN_TURN_SAMPLE_RAD = (5 * Math.PI) / 180;

/** Half-axes a turn sample teaches: each learns its own drift per radian, since a face is not symmetric under a turn. */
const TurnSide = { YawPositive: 0, YawNegative: 1, PitchPositive: 2, PitchNegative: 3 } as const;
const TURN_SIDES = 4;

/**
 * Turns detections into FaceControls against a neutral face: the first detection solved, the
 * mean of several given to addNeutralSample, or one set with setNeutral (for a portrait, its own
 * rest detection). solve() allocates nothing: call it for every video frame.
 *
 * The detector reads a turned face's features a little off, and differently for every face (on
 * the 17 human portraits at 15° of pitch down, a mouth corner read from 0.02 lower to 0.046
 * higher, brows up to 0.085: enough to read as a smile or a frown). addTurnSample teaches the
 * solver that drift from the same neutral face turned: it is then taken off in proportion to
 * each turn.
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
  /** Per turn side: Σ drift × angle per feature, and Σ angle², the least-squares drift per radian's parts. */
  private readonly _driftByAngle = new Float64Array(TURN_SIDES * FEATURE_COUNT);
  private readonly _angleSquared = new Float64Array(TURN_SIDES);
  private readonly _sampleFeatures = new Float64Array(FEATURE_COUNT);
  private readonly _sampleAngles: HeadAngles = { yaw: 0, pitch: 0, roll: 0 };

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

  /**
   * Adds one more detection of the neutral face; the neutral becomes the mean of all added.
   * Turn samples were measured against the old neutral, so they are forgotten.
   */
  addNeutralSample(detection: FaceDetection): void {
    checkDetection(detection, 'addNeutralSample');
    this.clearTurnSamples();
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

  /**
   * Teaches the solver how this face reads when turned: `detection` is the neutral face (no
   * expression) turned left, right, up or down by 5° or more. Give at least one turn per side
   * the face will turn to, near the largest it will turn; a side never sampled is not corrected.
   * Returns false, learning nothing, when there is no neutral yet, the detection has no
   * transform, or the turn is under MIN_TURN_SAMPLE_RAD.
   */
  addTurnSample(detection: FaceDetection): boolean {
    checkDetection(detection, 'addTurnSample');
    if (!this.hasNeutral || !this._neutralHasTransform || !detection.transform) return false;
    const angles = headTurnInto(this._neutralTransform, detection.transform, this._sampleAngles);
    const yawMain = Math.abs(angles.yaw) >= Math.abs(angles.pitch);
    const angle = yawMain ? angles.yaw : angles.pitch;
    if (!(Math.abs(angle) >= MIN_TURN_SAMPLE_RAD)) return false;
    const side = yawMain ? (angle > 0 ? TurnSide.YawPositive : TurnSide.YawNegative) : angle > 0 ? TurnSide.PitchPositive : TurnSide.PitchNegative;
    toHeadFrame(detection, this._local);
    measureFeatures(this._local, this._sampleFeatures);
    for (let i = 0; i < FEATURE_COUNT; i++) this._driftByAngle[side * FEATURE_COUNT + i] += (this._sampleFeatures[i] - this._neutral[i]) * angle;
    this._angleSquared[side] += angle * angle;
    return true;
  }

  /** How many turn sides (of yaw left, yaw right, pitch up, pitch down) addTurnSample has taught. */
  get turnSidesSampled(): number {
    let sides = 0;
    for (let s = 0; s < TURN_SIDES; s++) if (this._angleSquared[s] > 0) sides++;
    return sides;
  }

  /** Forgets what addTurnSample taught. */
  clearTurnSamples(): void {
    this._driftByAngle.fill(0);
    this._angleSquared.fill(0);
  }

  /** Forgets the neutral, and the turn samples measured against it; the next detection solved becomes it. */
  clearNeutral(): void {
    this.clearTurnSamples();
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
      this.removeTurnDrift();
      writeLandmarkWeights(this._features, this._neutral, weights);
    }
    const count = solved ? solved.length : BLENDSHAPE_COUNT;
    for (let k = 0; k < count; k++) {
      const i = solved ? solved[k] : k;
      const value = weights[i];
      out.weights[this.mirror ? MIRRORED_BLENDSHAPE[i] : i] = value > 0 ? (value < 1 ? value : 1) : 0;
    }
  }

  /** Takes the drift the turn samples predict for the solved turn (this._angles) off the features. */
  private removeTurnDrift(): void {
    const yaw = this._angles.yaw, pitch = this._angles.pitch;
    const yawSide = yaw > 0 ? TurnSide.YawPositive : TurnSide.YawNegative;
    const pitchSide = pitch > 0 ? TurnSide.PitchPositive : TurnSide.PitchNegative;
    const yawWeight = this._angleSquared[yawSide] > 0 ? yaw / this._angleSquared[yawSide] : 0;
    const pitchWeight = this._angleSquared[pitchSide] > 0 ? pitch / this._angleSquared[pitchSide] : 0;
    if (yawWeight === 0 && pitchWeight === 0) return;
    for (let i = 0; i < FEATURE_COUNT; i++) {
      this._features[i] -= this._driftByAngle[yawSide * FEATURE_COUNT + i] * yawWeight + this._driftByAngle[pitchSide * FEATURE_COUNT + i] * pitchWeight;
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
