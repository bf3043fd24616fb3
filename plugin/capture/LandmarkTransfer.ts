// Captured landmarks onto a portrait, directly: the performer's motion away from their neutral,
// in their head's own frame, scaled onto the portrait's face as per-landmark pixel offsets, and
// the head's turn and offset as FaceControls, so everything a face does transfers.
import type { FaceControls } from '../core/FaceControls';
import { CHIN, FOREHEAD_TOP, SUBJECT_LEFT_EYE, SUBJECT_RIGHT_EYE } from '../core/landmarkIndices';
import { MIRRORED_LANDMARK } from '../core/landmarkMirror.generated';
import { FACE_LANDMARK_COUNT, type FaceDetection } from './FaceDetection';
import { toHeadFrame } from './headFrame';
import { LandmarkSolver } from './LandmarkSolver';

/** Floats per landmark in `offsets`: x, y in the portrait's image pixels. */
export const TRANSFER_OFFSET_STRIDE = 2;

/** The portrait a transfer drives: its own rest landmarks, normalized as MediaPipe gives them. */
export interface TransferPortrait {
  /** 478 landmarks, x, y, z each, x and y normalized to the image. */
  readonly landmarks: ArrayLike<number>;
  readonly imageWidth: number;
  readonly imageHeight: number;
}

export interface LandmarkTransferOptions {
  /**
   * Transfer as a mirror image (a selfie view): the performer's left eye drives the portrait's
   * right, and a turn to their left turns the portrait to its right. Default false (as recorded).
   */
  mirror?: boolean;
}

/** What transfer() reads of a performer's frame: a FaceDetection, or a LandmarkClipPlayer frame. */
export type PerformerFrame = Pick<FaceDetection, 'landmarks' | 'transform' | 'imageWidth' | 'imageHeight'>;

/**
 * Maps a performer's landmarks onto a portrait. Set the portrait once (setPortrait) and the
 * performer's neutral (setNeutral, or the first frame transferred); then transfer() writes, per
 * frame and allocating nothing, the offsets of the portrait's 478 landmarks from their rest
 * (image pixels, for LandmarkDrivenRig) and the head's turn and position into a FaceControls.
 */
export class LandmarkTransfer {
  private readonly _solver: LandmarkSolver;
  private readonly _neutral = new Float32Array(FACE_LANDMARK_COUNT * 3);
  private readonly _local = new Float32Array(FACE_LANDMARK_COUNT * 3);
  private _neutralSamples = 0;
  private _hasPortrait = false;
  // Portrait axes in image pixels (right and down on its face) and pixels per performer unit along each.
  private _rightX = 1;
  private _rightY = 0;
  private _downX = 0;
  private _downY = 1;
  private _eyeSpanPx = 0;
  private _faceHeightPx = 0;
  private _scaleX = 0;
  private _scaleY = 0;

  constructor(options: LandmarkTransferOptions = {}) {
    this._solver = new LandmarkSolver({ useModelBlendshapes: false, mirror: options.mirror ?? false });
  }

  /** Whether the transfer mirrors left and right (see LandmarkTransferOptions.mirror); may change between frames. */
  get mirror(): boolean {
    return this._solver.mirror;
  }
  set mirror(value: boolean) {
    this._solver.mirror = value;
  }

  /** Whether the performer's neutral is set. */
  get hasNeutral(): boolean {
    return this._neutralSamples > 0;
  }

  /** Whether a portrait is set. */
  get hasPortrait(): boolean {
    return this._hasPortrait;
  }

  /** Sets the portrait the landmarks are transferred onto: its axes and size come from its rest landmarks. */
  setPortrait(portrait: TransferPortrait): void {
    const p = portrait?.landmarks, w = portrait?.imageWidth, h = portrait?.imageHeight;
    if (!p || p.length !== FACE_LANDMARK_COUNT * 3) {
      throw new TypeError(`LandmarkTransfer.setPortrait: expected ${FACE_LANDMARK_COUNT} landmarks (x, y, z each), got ${p ? p.length / 3 : 'none'}; pass the portrait's own detection.`);
    }
    if (!(w > 0 && h > 0)) throw new RangeError(`LandmarkTransfer.setPortrait: the image size must be positive, got ${w}×${h}.`);
    const upX = (p[FOREHEAD_TOP * 3] - p[CHIN * 3]) * w, upY = (p[FOREHEAD_TOP * 3 + 1] - p[CHIN * 3 + 1]) * h;
    const faceHeight = Math.hypot(upX, upY);
    const a = SUBJECT_RIGHT_EYE.outerCorner * 3, b = SUBJECT_LEFT_EYE.outerCorner * 3;
    const eyeSpan = Math.hypot((p[b] - p[a]) * w, (p[b + 1] - p[a + 1]) * h);
    if (!(faceHeight > 0 && eyeSpan > 0)) {
      throw new RangeError('LandmarkTransfer.setPortrait: the portrait\'s landmarks have no extent (forehead on chin or eyes on each other); pass a real detection.');
    }
    // Right is up turned a quarter clockwise on screen (y down); down is minus up.
    this._rightX = -upY / faceHeight;
    this._rightY = upX / faceHeight;
    this._downX = -upX / faceHeight;
    this._downY = -upY / faceHeight;
    this._eyeSpanPx = eyeSpan;
    this._faceHeightPx = faceHeight;
    this._hasPortrait = true;
    this._updateScale();
  }

  /** Makes `frame` the performer's neutral: offsets are measured from it. */
  setNeutral(frame: PerformerFrame): void {
    this.clearNeutral();
    this.addNeutralSample(frame);
  }

  /** Adds one more frame of the performer's neutral face; the neutral becomes the mean of all added. */
  addNeutralSample(frame: PerformerFrame): void {
    checkFrame(frame, 'addNeutralSample');
    const n = ++this._neutralSamples;
    toHeadFrame(frame as FaceDetection, this._local);
    for (let i = 0; i < this._neutral.length; i++) this._neutral[i] += (this._local[i] - this._neutral[i]) / n;
    this._solver.addNeutralSample(frame as FaceDetection);
    this._updateScale();
  }

  /** Forgets the neutral; the next frame transferred becomes it. */
  clearNeutral(): void {
    this._neutralSamples = 0;
    this._neutral.fill(0);
    this._solver.clearNeutral();
  }

  /**
   * Writes the portrait landmarks' offsets from rest (x, y image pixels per landmark, length
   * 478 × 2) into `offsets`, and the head's turn and position into `head` (LandmarkSolver's
   * reading of the weights too; LandmarkDrivenRig uses only the head). Allocates nothing.
   */
  transfer(frame: PerformerFrame, offsets: Float32Array, head: FaceControls): void {
    if (!this._hasPortrait) throw new TypeError('LandmarkTransfer.transfer: no portrait is set; call setPortrait(portraitDetection) first.');
    if (!(offsets instanceof Float32Array) || offsets.length !== FACE_LANDMARK_COUNT * TRANSFER_OFFSET_STRIDE) {
      throw new TypeError(`LandmarkTransfer.transfer: offsets must be a Float32Array of ${FACE_LANDMARK_COUNT * TRANSFER_OFFSET_STRIDE}, got ${offsets?.length}.`);
    }
    checkFrame(frame, 'transfer');
    if (!this.hasNeutral) this.addNeutralSample(frame);
    this._solver.solve(frame as FaceDetection, head);
    const local = this._local, neutral = this._neutral;
    toHeadFrame(frame as FaceDetection, local);
    const sy = this._scaleY;
    const mirror = this._solver.mirror;
    // Mirrored, each portrait landmark takes its twin's motion, reflected across the face.
    const sx = mirror ? -this._scaleX : this._scaleX;
    for (let i = 0; i < FACE_LANDMARK_COUNT; i++) {
      const j = mirror ? MIRRORED_LANDMARK[i] : i;
      const dx = (local[j * 3] - neutral[j * 3]) * sx;
      const dy = (local[j * 3 + 1] - neutral[j * 3 + 1]) * sy;
      offsets[i * 2] = dx * this._rightX + dy * this._downX;
      offsets[i * 2 + 1] = dx * this._rightY + dy * this._downY;
    }
  }

  /** Pixels per performer unit: eye spans across, face heights along the face, so any proportions fit. */
  private _updateScale(): void {
    const n = this._neutral;
    const faceHeightUnits = Math.hypot(n[FOREHEAD_TOP * 3] - n[CHIN * 3], n[FOREHEAD_TOP * 3 + 1] - n[CHIN * 3 + 1]);
    // The head frame's unit is the performer's eye span, so across the face one unit is the portrait's eye span.
    this._scaleX = this._eyeSpanPx;
    this._scaleY = faceHeightUnits > 0 ? this._faceHeightPx / faceHeightUnits : 0;
  }
}

function checkFrame(frame: PerformerFrame, method: string): void {
  if (!frame || !(frame.landmarks instanceof Float32Array) || frame.landmarks.length !== FACE_LANDMARK_COUNT * 3) {
    throw new TypeError(`LandmarkTransfer.${method}: expected a frame with ${FACE_LANDMARK_COUNT} landmarks (x, y, z each), as FaceTracker or LandmarkClipPlayer gives.`);
  }
  if (!(frame.imageWidth > 0 && frame.imageHeight > 0)) {
    throw new RangeError(`LandmarkTransfer.${method}: the frame's image size must be positive, got ${frame.imageWidth}×${frame.imageHeight}.`);
  }
}
