// A probe frame, read back and seen again: the pixels, the re-detected face, and rig positions in frame pixels.
import type { TalkingPortrait } from '../../plugin/babylon/TalkingPortrait';
import { landmarksInPixels, type FaceDetection } from '../../plugin/capture/FaceDetection';
import type { FaceTracker } from '../../plugin/capture/FaceTracker';
import { NoFaceError } from '../../plugin/core/errors';
import { FACE_LANDMARK_WITH_IRIS_COUNT } from '../../plugin/core/landmarkIndices';
import type { Points } from './faceMeasures';
import type { Rgba } from './pixels';
import { PROBE_SIZE } from './probes';

export interface Seen {
  /** Re-detected landmarks in frame pixels, or null if no face was found. */
  points: Float32Array | null;
  /** The detector's facial transformation matrix. */
  transform: Float32Array | null;
  /** The detection itself, for the solver. */
  detection: FaceDetection | null;
}

export async function see(tracker: FaceTracker, frame: Rgba): Promise<Seen> {
  const image = new ImageData(new Uint8ClampedArray(frame.data), frame.width, frame.height);
  try {
    const d = await tracker.detectImage(image);
    return { points: landmarksInPixels(d), transform: d.transform, detection: d };
  } catch (error) {
    if (error instanceof NoFaceError) return { points: null, transform: null, detection: null };
    throw error;
  }
}

export async function readFrame(portrait: TalkingPortrait): Promise<Rgba> {
  return { width: PROBE_SIZE, height: PROBE_SIZE, data: await portrait.readPixelsAsync() };
}

/** deform() writes u, v, depth; the measures want frame pixels. */
export function toPixels(positions: Float32Array): Float32Array {
  const out = new Float32Array(FACE_LANDMARK_WITH_IRIS_COUNT * 3);
  for (let i = 0; i < out.length; i += 3) {
    out[i] = positions[i] * PROBE_SIZE;
    out[i + 1] = positions[i + 1] * PROBE_SIZE;
  }
  return out;
}

/** `base` moved as `from` moved to `to`. */
export function movedBy(base: Points, from: Float32Array, to: Float32Array): Float32Array {
  const out = new Float32Array(from.length);
  for (let i = 0; i < out.length; i++) out[i] = base[i] + to[i] - from[i];
  return out;
}
