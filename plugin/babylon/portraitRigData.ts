// Where a new portrait's rig comes from: the game's baked rig, or one built from the face the detector finds.
import type { FaceTracker } from '../capture/FaceTracker';
import { buildPortraitRig } from '../rig/buildPortraitRig';
import type { PortraitRigData } from '../rig/PortraitRigData';
import type { PortraitSystem } from './PortraitSystem';
import type { TalkingPortraitOptions } from './TalkingPortraitOptions';

export interface PortraitRigSource {
  readonly data: PortraitRigData;
  /** The detector that found the face; null when the rig was baked (nothing was detected). */
  readonly tracker: FaceTracker | null;
}

/**
 * The rig for the portrait in `canvas`: the `rig` option when given (it must be for an image of
 * this size), else one built from the landmarks found with the `tracker` option or the scene's
 * shared detector (NoFaceError when there is no face).
 */
export async function portraitRigData(canvas: HTMLCanvasElement, options: TalkingPortraitOptions, system: PortraitSystem): Promise<PortraitRigSource> {
  const baked = options.rig;
  if (baked) {
    if (baked.imageWidth !== canvas.width || baked.imageHeight !== canvas.height) {
      throw new RangeError(
        `TalkingPortrait: the baked rig is for a ${baked.imageWidth}×${baked.imageHeight} image, this image is ${canvas.width}×${canvas.height}.`,
      );
    }
    return { data: baked, tracker: null };
  }
  const tracker = options.tracker ?? (await system.getTrackerAsync());
  const detection = await tracker.detectImage(canvas);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  const data = buildPortraitRig({
    landmarks: detection.landmarks,
    imageWidth: canvas.width,
    imageHeight: canvas.height,
    pixels: context.getImageData(0, 0, canvas.width, canvas.height),
  });
  return { data, tracker };
}
