// Plays a LandmarkClip as performer frames at any time, interpolated between the two nearest frames,
// for LandmarkTransfer to drive a portrait with.
import { LandmarkClip } from './LandmarkClip';
import { LANDMARK_FLOATS, LANDMARK_STEP, TRANSFORM_FLOATS } from './landmarkClipLayout';

/** A performer's frame as a tracker reports it (the fields LandmarkTransfer reads of a FaceDetection). */
export interface LandmarkFrame {
  /** 478 × x, y, z, normalized to the image. */
  readonly landmarks: Float32Array;
  /** The head's column-major 4×4 transform, or null when the clip has none. */
  readonly transform: Float32Array | null;
  readonly imageWidth: number;
  readonly imageHeight: number;
}

/**
 * Reads a landmark clip at any time. `neutral` is the performer's neutral frame (give it to
 * LandmarkTransfer.setNeutral); sample() fills one preallocated frame and returns it, allocating
 * nothing. Times are clip time in milliseconds from the first frame, clamped to the clip, or with
 * `loop` wrapped, the last frame easing back into the first.
 */
export class LandmarkClipPlayer {
  /** The clip played. */
  readonly clip: LandmarkClip;
  /** The performer's neutral frame, with the first frame's transform. */
  readonly neutral: LandmarkFrame;
  /** Whether times past the end wrap to the start. */
  loop: boolean;
  private readonly _frame: { landmarks: Float32Array; transform: Float32Array | null; imageWidth: number; imageHeight: number };

  constructor(clip: LandmarkClip, loop = false) {
    if (!(clip instanceof LandmarkClip)) throw new TypeError('LandmarkClipPlayer: expected a LandmarkClip, e.g. from decodeLandmarkClip(bytes).');
    this.clip = clip;
    this.loop = loop;
    const { imageWidth, imageHeight, transforms } = clip;
    this.neutral = { landmarks: clip.neutral.slice(), transform: transforms ? transforms.slice(0, TRANSFORM_FLOATS) : null, imageWidth, imageHeight };
    this._frame = { landmarks: new Float32Array(LANDMARK_FLOATS), transform: transforms ? new Float32Array(TRANSFORM_FLOATS) : null, imageWidth, imageHeight };
  }

  /** The performer's frame at `timeMs`, written into the player's one frame (overwritten by the next call). */
  sample(timeMs: number): LandmarkFrame {
    if (Number.isNaN(timeMs)) throw new RangeError('LandmarkClipPlayer.sample: timeMs is NaN; pass the clip time in milliseconds.');
    const clip = this.clip, count = clip.frameCount, last = count - 1;
    let position = (timeMs * clip.frameRate) / 1000;
    if (this.loop && Number.isFinite(position)) {
      position %= count;
      if (position < 0) position += count;
    } else {
      position = position < 0 ? 0 : position > last ? last : position;
    }
    const from = Math.floor(position);
    const t = position - from;
    const to = from >= last ? (this.loop ? 0 : last) : from + 1;
    const deltas = clip.deltas, neutral = clip.neutral, out = this._frame.landmarks;
    const a = from * LANDMARK_FLOATS, b = to * LANDMARK_FLOATS;
    for (let i = 0; i < LANDMARK_FLOATS; i++) {
      const steps = deltas[a + i] + (deltas[b + i] - deltas[a + i]) * t;
      out[i] = neutral[i] + steps * LANDMARK_STEP;
    }
    const transforms = clip.transforms, transform = this._frame.transform;
    if (transforms && transform) {
      const ta = from * TRANSFORM_FLOATS, tb = to * TRANSFORM_FLOATS;
      for (let i = 0; i < TRANSFORM_FLOATS; i++) transform[i] = transforms[ta + i] + (transforms[tb + i] - transforms[ta + i]) * t;
    }
    return this._frame;
  }
}
