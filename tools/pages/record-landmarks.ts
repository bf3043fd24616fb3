import { FaceTracker } from '../../plugin/capture/FaceTracker';
import { NoFaceError } from '../../plugin/core/errors';
import { loadImage } from './loadImage';

/** One portrait's recorded detection, as stored in tests/fixtures/landmarks. */
export interface RecordedLandmarks {
  portrait: string;
  width: number;
  height: number;
  noFace: boolean;
  faceCount: number;
  landmarks: number[][];
  transform: number[] | null;
}

const DECIMALS = 1e6;
const round = (v: number) => Math.round(v * DECIMALS) / DECIMALS;

async function record(urls: string[]): Promise<RecordedLandmarks[]> {
  const tracker = await FaceTracker.CreateAsync();
  const out: RecordedLandmarks[] = [];
  try {
    for (const url of urls) {
      const image = await loadImage(url);
      const portrait = url.split('/').pop() ?? url;
      try {
        const d = await tracker.detectImage(image);
        const landmarks: number[][] = [];
        for (let i = 0; i < d.landmarks.length; i += 3) {
          landmarks.push([round(d.landmarks[i]), round(d.landmarks[i + 1]), round(d.landmarks[i + 2])]);
        }
        out.push({
          portrait, width: d.imageWidth, height: d.imageHeight, noFace: false, faceCount: d.faceCount, landmarks,
          transform: d.transform ? Array.from(d.transform, round) : null,
        });
      } catch (error) {
        if (!(error instanceof NoFaceError)) throw error;
        out.push({ portrait, width: image.naturalWidth, height: image.naturalHeight, noFace: true, faceCount: 0, landmarks: [], transform: null });
      }
    }
  } finally {
    tracker.dispose();
  }
  return out;
}

Object.assign(window, { record, toolReady: true });
