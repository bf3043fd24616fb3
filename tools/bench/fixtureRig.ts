// A portrait's rig from its recorded landmarks (tests/fixtures/landmarks), so benchmarks and tests skip face detection.
import { buildPortraitRig } from '../../plugin/rig/buildPortraitRig';
import type { PortraitRigData } from '../../plugin/rig/PortraitRigData';

/** One recorded detection, as tools/fixtures/record-landmarks writes it. */
export interface RecordedLandmarks {
  width: number;
  height: number;
  noFace: boolean;
  landmarks: number[][];
}

/** Loads the image at `imageUrl` and rigs it from `recorded`; the image's size must be the recorded one. */
export async function fixtureRig(imageUrl: string, recorded: RecordedLandmarks): Promise<{ canvas: HTMLCanvasElement; rig: PortraitRigData }> {
  if (recorded.noFace) throw new RangeError(`fixtureRig: the recording for ${imageUrl} found no face; pick a portrait with one.`);
  const image = new Image();
  image.src = imageUrl;
  await image.decode();
  if (image.naturalWidth !== recorded.width || image.naturalHeight !== recorded.height) {
    throw new RangeError(`fixtureRig: ${imageUrl} is ${image.naturalWidth}×${image.naturalHeight}, the landmarks were recorded on ${recorded.width}×${recorded.height}.`);
  }
  const canvas = document.createElement('canvas');
  canvas.width = recorded.width;
  canvas.height = recorded.height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('fixtureRig: no 2D canvas context.');
  context.drawImage(image, 0, 0);
  const rig = buildPortraitRig({
    landmarks: Float32Array.from(recorded.landmarks.flat()),
    imageWidth: recorded.width,
    imageHeight: recorded.height,
    pixels: context.getImageData(0, 0, recorded.width, recorded.height),
  });
  return { canvas, rig };
}
