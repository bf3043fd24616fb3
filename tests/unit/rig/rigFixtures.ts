import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FaceControls } from '../../../plugin/core/FaceControls';
import type { PortraitRig } from '../../../plugin/rig';
import { measureOpenings, OPENINGS_LENGTH } from '../../../plugin/rig/measureOpenings';
import { CORRECTIVE_TURNS, correctiveMorph, type CorrectiveTurn } from '../../../plugin/rig/turnCorrectives';

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

/**
 * Gives `rig` correctives that move its landmarks by `nudge` (x, y image pixels per landmark) at
 * every turn, and measures the first corrective turn's posed frame against rest (measureOpenings):
 * what the generator would read off the turned vertices alone.
 */
export function openingsAtCorrectedTurn(rig: PortraitRig, nudge: Float32Array): { openings: Float32Array; turn: CorrectiveTurn } {
  rig.setTurnCorrectives(CORRECTIVE_TURNS.map(() => correctiveMorph(rig.data, nudge)));
  const turn = CORRECTIVE_TURNS[0];
  const rest = new Float32Array(rig.positionsLength), turned = new Float32Array(rig.positionsLength);
  rig.deform(new FaceControls(), rest);
  rig.deform(new FaceControls().setHead(turn.yaw, turn.pitch, 0), turned);
  const openings = new Float32Array(OPENINGS_LENGTH);
  measureOpenings(rig.data, turned, rest, openings);
  return { openings, turn };
}
