// Keeps head-turn correctives from tearing the mesh: QUALITY.md's "no tearing" holds for the
// turn with its corrective whenever it held for the turn alone.
import { FaceControls } from '../core/FaceControls';
import { LANDMARK_COUNT } from './landmarkPixels';
import { seamSources } from './outlineSeam';
import type { PortraitRig } from './PortraitRig';
import type { RigMorph } from './PortraitRigData';
import { areaRatios, skinTriangles, tears } from './skinAreas';
import { CORRECTIVE_TURNS, correctiveMorph, MAX_CORRECTIVE_WEIGHT } from './turnCorrectives';

/** How much of its spread about their mean a torn triangle's corners keep per pass. */
const EASE_KEEP = 0.5;
/** Passes at most; easing one triangle may tear its neighbour. */
const MAX_PASSES = 60;
/** Area-ratio change below which an already torn triangle counts as no worse (float rounding). */
const RATIO_SLACK = 1e-4;
/**
 * Shares of the corrective's turn checked: at its own angle (QUALITY.md's probe) no new fold
 * and no new stretch; at the furthest a turn reaches, where the turn alone may squeeze the far
 * cheek past the limits, no new fold.
 */
const CHECKS = [{ share: 1, stretch: true }, { share: MAX_CORRECTIVE_WEIGHT, stretch: false }];

/**
 * Eases corrective `c`'s nudges (landmark x, y, un-turned image pixels; changed in place) until
 * no skin triangle of the turned mesh folds or leaves the area limits that did not already do
 * so without the corrective, and none that did tears further: a torn triangle's landmark corners are pulled toward their mean
 * nudge, and a triangle with other corners (the rings, which follow the outline) toward none.
 * Returns the corrective's morph; leaves the rig's correctives as they were.
 */
export function easeCorrectiveFolds(rig: PortraitRig, correctives: RigMorph[], c: number, nudges: Float32Array): RigMorph {
  const data = rig.data;
  const skin = skinTriangles(data);
  const limited = skin.limited;
  // A seam copy turns with its outline point: easing its triangle eases that landmark.
  const sources = seamSources(data);
  const controls = new FaceControls();
  const rest = new Float32Array(rig.positionsLength), posed = new Float32Array(rig.positionsLength);
  rig.deform(controls, rest);
  const before = CHECKS.map(({ share }) => {
    rig.setTurnCorrectives(null);
    turn(controls, c, share);
    rig.deform(controls, posed);
    return areaRatios(skin, rest, posed);
  });
  const saved = data.turnCorrectives ?? null;
  let morph = correctiveMorph(data, nudges);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    correctives[c] = morph;
    rig.setTurnCorrectives(correctives);
    let torn = 0;
    CHECKS.forEach(({ share, stretch }, s) => {
      turn(controls, c, share);
      rig.deform(controls, posed);
      const after = areaRatios(skin, rest, posed);
      for (let t = 0; t < after.length; t++) {
        if (!tornWorse(after[t], before[s][t], stretch && limited[t] === 1)) continue;
        torn++;
        ease(skin.corners, sources, t, nudges);
      }
    });
    if (torn === 0) break;
    morph = correctiveMorph(data, nudges);
  }
  rig.setTurnCorrectives(saved);
  return morph;
}

/**
 * Torn with the corrective where it was not without, or torn further than without (`limited`:
 * area limits count). A triangle the turn alone squeezed into the headroom and the corrective
 * stretches (or the other way round) counts as torn further once it leaves the limits themselves.
 */
export function tornWorse(after: number, before: number, limited: boolean): boolean {
  if (!tears(after, limited)) return false;
  if (!tears(before, limited)) return true;
  if (after > 1 !== before > 1) return tears(after, limited, 1);
  return before > 1 ? after > before + RATIO_SLACK : after < before - RATIO_SLACK;
}

function turn(controls: FaceControls, c: number, share: number): void {
  controls.reset();
  controls.setHead(CORRECTIVE_TURNS[c].yaw * share, CORRECTIVE_TURNS[c].pitch * share, 0);
}

function ease(skin: Uint32Array, sources: Uint32Array, t: number, nudges: Float32Array): void {
  const corners = [sources[skin[t * 3]], sources[skin[t * 3 + 1]], sources[skin[t * 3 + 2]]];
  const allLandmarks = corners.every((v) => v < LANDMARK_COUNT);
  for (let axis = 0; axis < 2; axis++) {
    let mean = 0;
    for (const v of corners) mean += v < LANDMARK_COUNT ? nudges[v * 2 + axis] : 0;
    mean = allLandmarks ? mean / 3 : 0;
    for (const v of corners) if (v < LANDMARK_COUNT) nudges[v * 2 + axis] = mean + (nudges[v * 2 + axis] - mean) * EASE_KEEP;
  }
}
