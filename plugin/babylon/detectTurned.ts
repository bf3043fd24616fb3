import type { FaceDetection } from '../capture/FaceDetection';
import type { FaceTracker } from '../capture/FaceTracker';
import { NoFaceError } from '../core/errors';
import type { TalkingPortrait } from './TalkingPortrait';

/** Renders the portrait turned by yaw and pitch (radians, everything else at rest) and detects the face in the frame; null if none is found. */
export async function detectTurned(portrait: TalkingPortrait, tracker: FaceTracker, yaw: number, pitch: number): Promise<FaceDetection | null> {
  portrait.controls.reset();
  portrait.controls.setHead(yaw, pitch, 0);
  return detectRendered(portrait, tracker);
}

/** Renders the portrait with its controls as they are and detects the face in the frame; null if none is found. */
export async function detectRendered(portrait: TalkingPortrait, tracker: FaceTracker): Promise<FaceDetection | null> {
  return (await detectRenderedFrame(portrait, tracker))?.seen ?? null;
}

/** As detectRendered, with the frame the face was found in. */
export async function detectRenderedFrame(portrait: TalkingPortrait, tracker: FaceTracker): Promise<{ frame: ImageData; seen: FaceDetection } | null> {
  portrait.renderNow();
  const { width, height } = portrait.texture.getSize();
  const frame = new ImageData(new Uint8ClampedArray(await portrait.readPixelsAsync()), width, height);
  try {
    return { frame, seen: await tracker.detectImage(frame) };
  } catch (error) {
    if (error instanceof NoFaceError) return null;
    throw error;
  }
}
