import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface LandmarkFixture {
  portrait: string;
  width: number;
  height: number;
  noFace: boolean;
  landmarks: number[][];
}

const DIR = join(__dirname, '../../fixtures/landmarks');

/** Recorded landmarks of every portrait with a face (tools/fixtures/record-landmarks.mjs). */
export function faceFixtures(): LandmarkFixture[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as LandmarkFixture)
    .filter((f) => !f.noFace);
}

export function flatLandmarks(fixture: LandmarkFixture): Float32Array {
  return Float32Array.from(fixture.landmarks.flat());
}
