// A shot: another image of a portrait's character, mapped onto the portrait's rig once.
import { FACE_OVAL, NOSE_TIP } from '../../core/landmarkIndices';
import { LANDMARK_COUNT } from '../landmarkPixels';
import type { PortraitRigData } from '../PortraitRigData';
import { affineScale, applyAffine, fitAffine, invertAffine } from './fitAffine';
import { shotExpression, type ShotExpression } from './shotExpression';
import { shotMasks } from './shotMasks';
import { shotPixelPositions } from './shotUv';

/** The nose's midline, bridge to tip: it keeps its place whatever the face does. */
const NOSE_MIDLINE = [168, 6, 197, 195, 5, 4, 1];

/**
 * Landmarks that frame a face but do not move with an expression: the nose's midline and the
 * face outline above the nose tip (a jaw drop or a smile moves the rest). A shot is framed
 * against the portrait by these alone, so its expression shows as its own shape.
 */
function framingPoints(rig: PortraitRigData): number[] {
  const f = rig.frame, rest = rig.rest;
  const up = (i: number) => (rest[i * 3] - f.centerX) * f.upX + (rest[i * 3 + 1] - f.centerY) * f.upY;
  const noseTip = up(NOSE_TIP);
  return [...NOSE_MIDLINE, ...FACE_OVAL.filter((i) => up(i) > noseTip)];
}

/** A shot counts as eyes-closed when an eye is at least this shut against the portrait's (0..1). */
export const SHOT_EYES_CLOSED = 0.5;
/** A shot counts as mouth-open when its lips are at least this much further apart (face heights). */
export const SHOT_MOUTH_OPEN = 0.03;

/**
 * What a shot shows, when the game knows better than the detector: a face detector often reads
 * painted shut eyes as half open. Each field left out is measured from the shot's landmarks.
 */
export interface ShotContent {
  /** Both eyes are shut in this shot. */
  eyesClosed?: boolean;
  /** The mouth is open in this shot. */
  mouthOpen?: boolean;
}

/** What a shot gives a rig: where each vertex samples it, where it may show, and what it shows. */
export interface PortraitShotData extends ShotExpression {
  readonly imageWidth: number;
  readonly imageHeight: number;
  /** Where each rig vertex samples the shot, 0..1 (v down), two floats per vertex. */
  readonly uv: Float32Array;
  /** Per rig vertex (SHOT_MASK_STRIDE floats): the eye weight, signed by eye (subject left positive), and the mouth weight. */
  readonly mask: Float32Array;
  /**
   * Per rig vertex, x and y in portrait pixels: where the shot has it, framed as the portrait,
   * minus its rest. A blink ends in an eyes shot's own shape, so its pixels show undistorted.
   */
  readonly shape: Float32Array;
  /** True when the shot has an eye closed (SHOT_EYES_CLOSED): it lends its lids to blinks. */
  readonly eyesClosed: boolean;
  /** True when the shot's mouth is open (SHOT_MOUTH_OPEN): it lends its lips, teeth and mouth to an open jaw. */
  readonly mouthOpen: boolean;
}

/**
 * Maps a shot of the same character onto `rig`: its 478 landmarks (normalized, as the detector
 * gives them) on a `width`×`height` image; `content` overrides what is measured (a shut-eyed shot
 * then counts as fully shut). Build time only. RangeError on landmarks that are
 * not 478 finite points or on a size that is not whole positive pixels.
 */
export function buildPortraitShot(rig: PortraitRigData, landmarks: ArrayLike<number>, width: number, height: number, content: ShotContent = {}): PortraitShotData {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new RangeError(`buildPortraitShot: the shot's size must be positive whole pixels, got ${width}×${height}.`);
  }
  if (landmarks.length !== LANDMARK_COUNT * 3) {
    throw new RangeError(`buildPortraitShot: a shot needs ${LANDMARK_COUNT} landmarks (x, y, z each), got ${landmarks.length / 3}.`);
  }
  const shotPixels = new Float32Array(LANDMARK_COUNT * 2);
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const x = landmarks[i * 3], y = landmarks[i * 3 + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError(`buildPortraitShot: shot landmark ${i} is not a finite number.`);
    shotPixels[i * 2] = x * width;
    shotPixels[i * 2 + 1] = y * height;
  }
  const toShot = fitAffine(rig.rest, 3, shotPixels, 2, framingPoints(rig));
  const positions = shotPixelPositions(rig, shotPixels, toShot);
  const uv = new Float32Array(positions.length);
  const shape = new Float32Array(positions.length);
  const fromShot = invertAffine(toShot);
  for (let v = 0; v < rig.vertexCount; v++) {
    uv[v * 2] = positions[v * 2] / width;
    uv[v * 2 + 1] = positions[v * 2 + 1] / height;
    applyAffine(fromShot, positions[v * 2], positions[v * 2 + 1], shape, v * 2);
    shape[v * 2] -= rig.rest[v * 3];
    shape[v * 2 + 1] -= rig.rest[v * 3 + 1];
  }
  const measured = shotExpression({ values: rig.rest, stride: 3 }, { values: shotPixels, stride: 2 }, affineScale(toShot), rig.frame.faceHeight);
  const eyesClosed = content.eyesClosed ?? Math.max(measured.eyeClosure[0], measured.eyeClosure[1]) >= SHOT_EYES_CLOSED;
  const mouthOpen = content.mouthOpen ?? measured.mouthOpening >= SHOT_MOUTH_OPEN;
  return {
    imageWidth: width,
    imageHeight: height,
    uv,
    mask: shotMasks(rig),
    shape,
    eyeClosure: content.eyesClosed ? [1, 1] : measured.eyeClosure,
    // A mouth said to be open opens at least this far, so it fades in as the lips part.
    mouthOpening: content.mouthOpen ? Math.max(measured.mouthOpening, SHOT_MOUTH_OPEN) : measured.mouthOpening,
    eyesClosed,
    mouthOpen,
  };
}
