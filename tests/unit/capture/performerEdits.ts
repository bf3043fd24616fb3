// Synthetic performer motions on recorded detections: a jaw that drops, for the landmark-transfer tests.
import type { FaceDetection } from '../../../plugin/capture/FaceDetection';
import { CHIN, LIPS } from '../../../plugin/core/landmarkIndices';
import { withChanges } from './detectionFixtures';

/** Share of the chin's drop the lower lip's line takes; the rest grows linearly to the chin. */
export const LIP_SHARE_OF_JAW = 0.6;

/** The lower lip's middle (outer contour). */
export const LOWER_LIP_MIDDLE = LIPS.outer.lower[(LIPS.outer.lower.length - 1) / 2];

/** The image y (pixels) where the mouth parts: between the inner lips' middles. */
export function mouthLineY(d: FaceDetection): number {
  const up = LIPS.inner.upper[(LIPS.inner.upper.length - 1) / 2], low = LIPS.inner.lower[(LIPS.inner.lower.length - 1) / 2];
  return ((d.landmarks[up * 3 + 1] + d.landmarks[low * 3 + 1]) / 2) * d.imageHeight;
}

const CORNERS = [LIPS.outer.subjectLeftCorner, LIPS.outer.subjectRightCorner, LIPS.inner.subjectLeftCorner, LIPS.inner.subjectRightCorner];
const UPPER_LIP: ReadonlySet<number> = new Set([...LIPS.outer.upper, ...LIPS.inner.upper].filter((i) => !CORNERS.includes(i)));
const LOWER_LIP: ReadonlySet<number> = new Set([...LIPS.outer.lower, ...LIPS.inner.lower].filter((i) => !CORNERS.includes(i)));

/** Skin beside the mouth takes the jaw's full share this far (share of mouth-to-chin) below the lower lip's line. */
const PULL_BAND = 0.25;
/** The jaw's drop fades to nothing this many mouth half-widths either side of the mouth's middle. */
const JAW_REACH_HALF_WIDTHS = 1.5;

/**
 * How far (share of `drop`) the jaw moves landmark i: nothing above the mouth line; below it
 * LIP_SHARE_OF_JAW at the line growing to 1 at the chin, times a tent across the face that is 1
 * at the mouth's middle and fades to 0 past its corners, so the skin stretches smoothly.
 */
export function jawShare(d: FaceDetection, i: number): number {
  const p = d.landmarks, w = d.imageWidth, h = d.imageHeight;
  const mouth = mouthLineY(d), chin = p[CHIN * 3 + 1] * h;
  // A closed mouth's inner lips touch, so which lip a point belongs to says its side, not its height.
  if (UPPER_LIP.has(i)) return 0;
  const left = p[LIPS.inner.subjectLeftCorner * 3] * w, right = p[LIPS.inner.subjectRightCorner * 3] * w;
  const y = p[i * 3 + 1] * h;
  // Skin below the lower lip's line is pulled along gradually, so the corners stretch rather than tear.
  const x = p[i * 3] * w, below = y - lowerLipY(d, x);
  const betweenCorners = x > Math.min(left, right) && x < Math.max(left, right);
  const pulled = LOWER_LIP.has(i) || (betweenCorners && below > 0) ? 1 : Math.min(1, Math.max(0, below / (PULL_BAND * (chin - mouth))));
  if (pulled === 0) return 0;
  const across = Math.abs(x - (left + right) / 2) / ((JAW_REACH_HALF_WIDTHS * Math.abs(left - right)) / 2);
  const t = Math.min(1, Math.max(0, (y - mouth) / (chin - mouth)));
  return (LIP_SHARE_OF_JAW + (1 - LIP_SHARE_OF_JAW) * t) * Math.max(0, 1 - across) * pulled;
}

/**
 * The lower inner lip's image y (pixels) at image x, linear between its points; the corners' level
 * beyond them. Lip-body points near the corners lie above it and stay with the upper lip.
 */
function lowerLipY(d: FaceDetection, x: number): number {
  const p = d.landmarks, w = d.imageWidth, h = d.imageHeight;
  const line = [LIPS.inner.subjectRightCorner, ...LIPS.inner.lower, LIPS.inner.subjectLeftCorner];
  const points = line.map((i) => [p[i * 3] * w, p[i * 3 + 1] * h] as const).sort((a, b) => a[0] - b[0]);
  if (x <= points[0][0]) return points[0][1];
  for (let k = 1; k < points.length; k++) {
    const [x0, y0] = points[k - 1], [x1, y1] = points[k];
    if (x <= x1) return x1 > x0 ? y0 + ((y1 - y0) * (x - x0)) / (x1 - x0) : Math.max(y0, y1);
  }
  return points[points.length - 1][1];
}

/** `d` with its jaw dropped: every landmark below the mouth line moved down, the chin by `dropPx` pixels. */
export function jawDropped(d: FaceDetection, dropPx: number): FaceDetection {
  const out = withChanges(d, {});
  for (let i = 0; i < d.landmarks.length / 3; i++) out.landmarks[i * 3 + 1] += (jawShare(d, i) * dropPx) / d.imageHeight;
  return out;
}

/** `d` moved in the image plane: scaled by `scale` and turned by `angle` (radians, y down) about its nose bridge, then shifted. */
export function movedInPlane(d: FaceDetection, scale: number, angle: number, shiftX: number, shiftY: number): FaceDetection {
  const out = withChanges(d, { transform: null });
  const w = d.imageWidth, h = d.imageHeight, p = d.landmarks;
  const ox = p[168 * 3] * w, oy = p[168 * 3 + 1] * h;
  const c = Math.cos(angle) * scale, s = Math.sin(angle) * scale;
  for (let i = 0; i < p.length; i += 3) {
    const x = p[i] * w - ox, y = p[i + 1] * h - oy;
    out.landmarks[i] = (ox + c * x - s * y + shiftX) / w;
    out.landmarks[i + 1] = (oy + s * x + c * y + shiftY) / h;
    out.landmarks[i + 2] = (p[i + 2] * w * scale) / w;
  }
  return out;
}
