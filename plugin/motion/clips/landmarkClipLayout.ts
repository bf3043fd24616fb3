// The landmark clip file layout (version 1): constants shared by encodeLandmarkClip and decodeLandmarkClip.
import { FACE_LANDMARK_WITH_IRIS_COUNT } from '../../core/landmarkIndices';

/**
 * File layout, all little-endian:
 * ```
 * offset size
 *  0     4   magic "TPLC" (Talking Portrait Landmark Clip)
 *  4     2   version (uint16) = 1
 *  6     2   flags (uint16): bit 0 a head transform (16 float32) follows each frame's landmarks
 *  8     8   frame rate in Hz (float64)
 * 16     4   frame count (uint32)
 * 20     4   image width, then 4 image height, in pixels (uint32): what the landmarks are normalized to
 * 28  5736   the neutral: 478 landmarks × x, y, z (float32), normalized as MediaPipe gives them
 *        …   per frame: 478 × 3 int16, (value − neutral) / LANDMARK_STEP; then the transform if flagged
 *        4   CRC-32 of every byte before it
 * ```
 */
export const LANDMARK_CLIP_MAGIC: readonly number[] = [0x54, 0x50, 0x4c, 0x43];
/** Current file version; readers refuse any other. */
export const LANDMARK_CLIP_VERSION = 1;
/** Flag bit: each frame carries the tracker's head transform. */
export const FLAG_HAS_TRANSFORMS = 1;

export const OFFSET_VERSION = 4;
export const OFFSET_FLAGS = 6;
export const OFFSET_FRAME_RATE = 8;
export const OFFSET_FRAME_COUNT = 16;
export const OFFSET_IMAGE_WIDTH = 20;
export const OFFSET_IMAGE_HEIGHT = 24;
export const OFFSET_NEUTRAL = 28;
/** Floats per landmark frame: x, y, z of every landmark. */
export const LANDMARK_FLOATS = FACE_LANDMARK_WITH_IRIS_COUNT * 3;
/** Floats of a head transform: a column-major 4×4 matrix. */
export const TRANSFORM_FLOATS = 16;
/** Bytes before the first frame. */
export const LANDMARK_HEADER_BYTES = OFFSET_NEUTRAL + LANDMARK_FLOATS * 4;
export const CHECKSUM_BYTES = 4;

/**
 * One int16 step, in normalized image units: 1/16384 of the image (0.06 px on a 1000-px video), so
 * offsets from the neutral reach ±2 images, beyond any face still in the picture.
 */
export const LANDMARK_STEP = 1 / 16384;
/** Largest int16 written; −32768 is never written, and refused. */
export const LANDMARK_QUANTUM = 32767;
/** Normalized coordinates a neutral may hold: a face this far outside its image is not a face. */
export const MAX_NEUTRAL_COORDINATE = 4;
/** Most frames in one landmark clip: five minutes at 30 Hz, 26 MB of file. */
export const MAX_LANDMARK_CLIP_FRAMES = 9000;
/** Largest image side, in pixels, a clip may declare (8K video). */
export const MAX_LANDMARK_IMAGE_SIDE = 8192;

/** Bytes one frame takes. */
export function landmarkFrameBytes(hasTransforms: boolean): number {
  return LANDMARK_FLOATS * 2 + (hasTransforms ? TRANSFORM_FLOATS * 4 : 0);
}
