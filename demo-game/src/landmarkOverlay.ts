import {
  FACE_LANDMARK_COUNT,
  FACE_OVAL,
  LIPS,
  SUBJECT_LEFT_EYE,
  SUBJECT_LEFT_EYEBROW,
  SUBJECT_LEFT_IRIS,
  SUBJECT_RIGHT_EYE,
  SUBJECT_RIGHT_EYEBROW,
  SUBJECT_RIGHT_IRIS,
  type FaceDetection,
} from '../../plugin/index';

interface Feature {
  readonly label: string;
  readonly colour: string;
  /** Point index lists; closed ones join their last point to the first. */
  readonly paths: readonly (readonly number[])[];
  readonly closed: boolean;
}

/** The outlines drawn over the landmark cloud, in drawing order. */
export const FEATURES: readonly Feature[] = [
  { label: 'face oval', colour: '#4fd6ff', paths: [FACE_OVAL], closed: true },
  { label: 'eyebrows', colour: '#ffb347', paths: [SUBJECT_LEFT_EYEBROW.upper, SUBJECT_LEFT_EYEBROW.lower, SUBJECT_RIGHT_EYEBROW.upper, SUBJECT_RIGHT_EYEBROW.lower], closed: false },
  { label: 'eyes', colour: '#7dff6a', paths: [SUBJECT_LEFT_EYE.loop, SUBJECT_RIGHT_EYE.loop], closed: true },
  { label: 'irises', colour: '#ff5cf0', paths: [SUBJECT_LEFT_IRIS.ring, SUBJECT_RIGHT_IRIS.ring], closed: true },
  { label: 'lips', colour: '#ff4d5e', paths: [LIPS.outer.loop, LIPS.inner.loop], closed: true },
];

const POINT_COLOUR = 'rgba(255, 255, 255, 0.55)';
/** Sizes in canvas pixels, chosen to read on a 640 px canvas. */
const POINT_RADIUS = 1.3;
const LINE_WIDTH = 2;

/** Draws the image to fill the canvas (keeping its aspect) and returns the drawn rectangle. */
export function drawPortrait(canvas: HTMLCanvasElement, image: HTMLImageElement): { x: number; y: number; width: number; height: number } {
  const context = canvas.getContext('2d');
  if (!context) throw new Error('demo: no 2D canvas context');
  const scale = Math.min(canvas.width / image.naturalWidth, canvas.height / image.naturalHeight);
  const width = image.naturalWidth * scale;
  const height = image.naturalHeight * scale;
  const x = (canvas.width - width) / 2;
  const y = (canvas.height - height) / 2;
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, x, y, width, height);
  return { x, y, width, height };
}

/** The portrait with all 478 landmarks as dots and the eyes, irises, lips and face oval outlined. */
export function drawLandmarks(canvas: HTMLCanvasElement, image: HTMLImageElement, detection: FaceDetection): void {
  const rect = drawPortrait(canvas, image);
  const context = canvas.getContext('2d')!;
  const points = detection.landmarks;
  const px = (i: number) => rect.x + points[i * 3] * rect.width;
  const py = (i: number) => rect.y + points[i * 3 + 1] * rect.height;

  context.fillStyle = POINT_COLOUR;
  for (let i = 0; i < FACE_LANDMARK_COUNT; i++) {
    context.beginPath();
    context.arc(px(i), py(i), POINT_RADIUS, 0, Math.PI * 2);
    context.fill();
  }
  context.lineWidth = LINE_WIDTH;
  context.lineJoin = 'round';
  for (const feature of FEATURES) {
    context.strokeStyle = feature.colour;
    for (const path of feature.paths) {
      context.beginPath();
      path.forEach((index, k) => (k === 0 ? context.moveTo(px(index), py(index)) : context.lineTo(px(index), py(index))));
      if (feature.closed) context.closePath();
      context.stroke();
    }
  }
}

/** A colour key for FEATURES, as list items. */
export function renderLegend(list: HTMLElement): void {
  list.replaceChildren(
    ...FEATURES.map((feature) => {
      const item = document.createElement('li');
      item.style.setProperty('--swatch', feature.colour);
      item.textContent = feature.label;
      return item;
    }),
  );
}
