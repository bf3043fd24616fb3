// Recorded landmark fixtures as FaceDetections, and edits that move a face the way a control would.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FaceDetection } from '../../../plugin/capture/FaceDetection';

interface RecordedLandmarks {
  portrait: string;
  width: number;
  height: number;
  noFace: boolean;
  landmarks: number[][];
  transform: number[] | null;
}

const DIR = join(__dirname, '../../fixtures/landmarks');

/** Every recorded portrait with a face, as the tracker would have reported it. */
export function recordedDetections(): { portrait: string; detection: FaceDetection }[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as RecordedLandmarks)
    .filter((r) => !r.noFace && r.transform)
    .map((r) => ({
      portrait: r.portrait,
      detection: {
        landmarks: Float32Array.from(r.landmarks.flat()),
        transform: Float32Array.from(r.transform!),
        blendshapes: null,
        faceCount: 1,
        imageWidth: r.width,
        imageHeight: r.height,
      },
    }));
}

/** A copy of `d` with new landmarks (and optionally transform or blendshapes). */
export function withChanges(d: FaceDetection, changes: Partial<FaceDetection>): FaceDetection {
  return { ...d, landmarks: Float32Array.from(d.landmarks), ...changes };
}

/** The outer eye corners' span in pixels: the solver's unit. */
export function eyeSpanPx(d: FaceDetection): number {
  const p = d.landmarks, w = d.imageWidth, h = d.imageHeight;
  return Math.hypot((p[263 * 3] - p[33 * 3]) * w, (p[263 * 3 + 1] - p[33 * 3 + 1]) * h, (p[263 * 3 + 2] - p[33 * 3 + 2]) * w);
}

/** Moves landmarks `points` of `d` by (dx, dy) pixels. */
export function movePoints(d: FaceDetection, points: Iterable<number>, dx: number, dy: number): FaceDetection {
  const out = withChanges(d, {});
  for (const i of points) {
    out.landmarks[i * 3] += dx / d.imageWidth;
    out.landmarks[i * 3 + 1] += dy / d.imageHeight;
  }
  return out;
}

type M3 = number[][];
export const mul = (a: M3, b: M3): M3 => a.map((row) => [0, 1, 2].map((j) => row[0] * b[0][j] + row[1] * b[1][j] + row[2] * b[2][j]));
export const rx = (t: number): M3 => [[1, 0, 0], [0, Math.cos(t), -Math.sin(t)], [0, Math.sin(t), Math.cos(t)]];
export const ry = (t: number): M3 => [[Math.cos(t), 0, Math.sin(t)], [0, 1, 0], [-Math.sin(t), 0, Math.cos(t)]];
export const rz = (t: number): M3 => [[Math.cos(t), -Math.sin(t), 0], [Math.sin(t), Math.cos(t), 0], [0, 0, 1]];

/**
 * The face turned rigidly by `turn` (a rotation in MediaPipe's camera axes: +y up, looking down −z)
 * about its nose bridge: landmarks rotated in image axes (y down, z away) and the transform's
 * rotation composed with the turn, as a tracker would report a real turn of the same head.
 */
export function turnedRigidly(d: FaceDetection, turn: M3): FaceDetection {
  const flip = [1, -1, -1];
  const image = turn.map((row, r) => row.map((v, c) => v * flip[r] * flip[c]));
  const w = d.imageWidth, h = d.imageHeight, p = d.landmarks;
  const ox = p[168 * 3] * w, oy = p[168 * 3 + 1] * h, oz = p[168 * 3 + 2] * w;
  const landmarks = new Float32Array(p.length);
  for (let i = 0; i < p.length; i += 3) {
    const v = [p[i] * w - ox, p[i + 1] * h - oy, p[i + 2] * w - oz];
    const q = image.map((row) => row[0] * v[0] + row[1] * v[1] + row[2] * v[2]);
    landmarks[i] = (q[0] + ox) / w;
    landmarks[i + 1] = (q[1] + oy) / h;
    landmarks[i + 2] = (q[2] + oz) / w;
  }
  const m = d.transform!;
  const rotation: M3 = [0, 1, 2].map((row) => [0, 1, 2].map((column) => m[column * 4 + row]));
  const turned = mul(turn, rotation);
  const transform = Float32Array.from(m);
  for (let row = 0; row < 3; row++) for (let column = 0; column < 3; column++) transform[column * 4 + row] = turned[row][column];
  return { ...d, landmarks, transform };
}
