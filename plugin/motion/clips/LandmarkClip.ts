// A recorded performance as landmarks at a fixed rate: the performer's neutral once, then each
// frame's offsets from it in int16 steps, and the head transforms when the tracker gave them.
import { frameRateProblem } from './clipLimits';
import {
  LANDMARK_FLOATS, LANDMARK_QUANTUM, LANDMARK_STEP, MAX_LANDMARK_CLIP_FRAMES, MAX_LANDMARK_IMAGE_SIDE, MAX_NEUTRAL_COORDINATE, TRANSFORM_FLOATS,
} from './landmarkClipLayout';

/** What a LandmarkClip is made of (see the class). */
export interface LandmarkClipData {
  readonly frameRate: number;
  readonly imageWidth: number;
  readonly imageHeight: number;
  /** The performer's neutral: 478 × x, y, z, normalized to the image. */
  readonly neutral: Float32Array;
  /** Per frame, 478 × 3 offsets from the neutral in LANDMARK_STEP units (−32767..32767). */
  readonly deltas: Int16Array;
  /** Per frame, the head's column-major 4×4 transform, or null when the tracker gave none. */
  readonly transforms: Float32Array | null;
}

/** Frames for LandmarkClip.FromFrames: absolute landmarks, as a tracker reports them. */
export interface LandmarkClipFrames {
  readonly frameRate: number;
  readonly imageWidth: number;
  readonly imageHeight: number;
  /** Per frame, 478 × x, y, z normalized to the image; the first frame becomes the neutral. */
  readonly frames: Float32Array;
  /** Per frame, a column-major 4×4 head transform; omit or null when the tracker gives none. */
  readonly transforms?: Float32Array | null;
}

/**
 * A landmark clip: encodeLandmarkClip writes it, decodeLandmarkClip reads it, LandmarkClipPlayer
 * plays it into frames for LandmarkTransfer, which drives any portrait with it.
 */
export class LandmarkClip implements LandmarkClipData {
  readonly frameRate: number;
  readonly imageWidth: number;
  readonly imageHeight: number;
  readonly neutral: Float32Array;
  readonly deltas: Int16Array;
  readonly transforms: Float32Array | null;

  /** Takes `data` as it is (no copy); throws RangeError naming what is wrong with it. */
  constructor(data: LandmarkClipData) {
    const problem = landmarkClipProblem(data);
    if (problem !== undefined) throw new RangeError(`LandmarkClip: ${problem}.`);
    this.frameRate = data.frameRate;
    this.imageWidth = data.imageWidth;
    this.imageHeight = data.imageHeight;
    this.neutral = data.neutral;
    this.deltas = data.deltas;
    this.transforms = data.transforms;
  }

  /** A clip from absolute landmark frames, the first one its neutral; RangeError if a frame strays past the ±2-image range. */
  static FromFrames(input: LandmarkClipFrames): LandmarkClip {
    const frames = input.frames;
    if (!(frames instanceof Float32Array) || frames.length === 0 || frames.length % LANDMARK_FLOATS !== 0) {
      throw new TypeError(`LandmarkClip.FromFrames: frames must be a Float32Array of whole frames (${LANDMARK_FLOATS} floats each), got ${frames?.length}.`);
    }
    const neutral = frames.slice(0, LANDMARK_FLOATS);
    const deltas = new Int16Array(frames.length);
    for (let i = 0; i < frames.length; i++) {
      const steps = Math.round((frames[i] - neutral[i % LANDMARK_FLOATS]) / LANDMARK_STEP);
      if (!(Math.abs(steps) <= LANDMARK_QUANTUM)) {
        throw new RangeError(`LandmarkClip.FromFrames: frame ${Math.floor(i / LANDMARK_FLOATS)} value ${frames[i]} is not a finite landmark within ±2 images of the neutral.`);
      }
      deltas[i] = steps;
    }
    const { frameRate, imageWidth, imageHeight } = input;
    return new LandmarkClip({ frameRate, imageWidth, imageHeight, neutral, deltas, transforms: input.transforms ?? null });
  }

  get frameCount(): number {
    return this.deltas.length / LANDMARK_FLOATS;
  }

  /** Length in milliseconds: frameCount frames at frameRate. */
  get durationMs(): number {
    return (this.frameCount * 1000) / this.frameRate;
  }
}

/** What is wrong with clip data, or undefined: shared by the constructor (RangeError) and the decoder (ClipFormatError). */
export function landmarkClipProblem(data: LandmarkClipData): string | undefined {
  const rateProblem = frameRateProblem(data?.frameRate);
  if (rateProblem !== undefined) return rateProblem;
  for (const [name, side] of [['width', data.imageWidth], ['height', data.imageHeight]] as const) {
    if (!(Number.isInteger(side) && side >= 1 && side <= MAX_LANDMARK_IMAGE_SIDE)) return `the image ${name} ${side} is not a whole number of pixels in 1..${MAX_LANDMARK_IMAGE_SIDE}`;
  }
  if (!(data.neutral instanceof Float32Array) || data.neutral.length !== LANDMARK_FLOATS) return `the neutral must be a Float32Array of ${LANDMARK_FLOATS} floats`;
  for (let i = 0; i < LANDMARK_FLOATS; i++) {
    if (!(Math.abs(data.neutral[i]) <= MAX_NEUTRAL_COORDINATE)) return `neutral value ${i} (${data.neutral[i]}) is not a finite coordinate within ±${MAX_NEUTRAL_COORDINATE}`;
  }
  const deltas = data.deltas;
  if (!(deltas instanceof Int16Array) || deltas.length === 0 || deltas.length % LANDMARK_FLOATS !== 0) return `the deltas must be an Int16Array of whole frames (${LANDMARK_FLOATS} each)`;
  const frameCount = deltas.length / LANDMARK_FLOATS;
  if (frameCount > MAX_LANDMARK_CLIP_FRAMES) return `the clip has ${frameCount} frames, more than ${MAX_LANDMARK_CLIP_FRAMES}`;
  for (let i = 0; i < deltas.length; i++) {
    if (deltas[i] < -LANDMARK_QUANTUM) return `frame ${Math.floor(i / LANDMARK_FLOATS)} holds the never-written step ${deltas[i]}`;
  }
  const transforms = data.transforms;
  if (transforms !== null) {
    if (!(transforms instanceof Float32Array) || transforms.length !== frameCount * TRANSFORM_FLOATS) return `the transforms must be null or a Float32Array of ${TRANSFORM_FLOATS} floats per frame`;
    for (let i = 0; i < transforms.length; i++) {
      if (!Number.isFinite(transforms[i])) return `frame ${Math.floor(i / TRANSFORM_FLOATS)}'s transform holds ${transforms[i]}`;
    }
  }
  return undefined;
}
