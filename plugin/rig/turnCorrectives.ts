// Head-turn correctives: per-landmark nudges, found at bake time with the detector in the loop,
// that move a turned face's features where a real head turned that far would show them. A 2-D
// warp turns every point by the depth the detector gave it; the cheeks, nose wings and jaw
// line of a real turn also slide and fold in ways one depth per point cannot say.
import { DEG_TO_RAD } from '../core/mathUtils';
import { findLandmarkLeaders, LEADERS_PER_VERTEX } from './landmarkLeaders';
import { LANDMARK_COUNT } from './landmarkPixels';
import type { PortraitRigData, RigMorph } from './PortraitRigData';

/** A corrective's turn: yaw or pitch in radians (before the rig's gain), the other axis 0. */
export interface CorrectiveTurn {
  readonly yaw: number;
  readonly pitch: number;
}

/** The turns correctives are measured at, in this order: QUALITY.md's probe angles, each way. */
export const CORRECTIVE_TURNS: readonly CorrectiveTurn[] = [
  { yaw: 20 * DEG_TO_RAD, pitch: 0 },
  { yaw: -20 * DEG_TO_RAD, pitch: 0 },
  { yaw: 0, pitch: 15 * DEG_TO_RAD },
  { yaw: 0, pitch: -15 * DEG_TO_RAD },
];
export const CORRECTIVE_COUNT = CORRECTIVE_TURNS.length;

/** A turn past its corrective's angle takes the corrective this many times at most (±30° of yaw is 1.5 of 20°). */
export const MAX_CORRECTIVE_WEIGHT = 1.5;
/** A landmark's nudge is at most this many face heights: beyond it the detector mistook something, and a rig file saying more is refused. */
export const MAX_CORRECTIVE_FACE_HEIGHTS = 0.1;
/**
 * Smoothing sweeps over the face mesh: the detector's own scatter from landmark to landmark is
 * noise, and nudging neighbours apart folds the face mesh's slivers.
 */
const SMOOTHING_SWEEPS = 4;
/** Share of its outline point's nudge the first ring outside the face takes, so the jaw line's nudge does not tear it from the hair. */
const FIRST_RING_SHARE = 1;

/** How much of each corrective (CORRECTIVE_TURNS order) a head pose takes, written into `out`: linear in the angle, one side per axis. */
export function correctiveWeights(head: CorrectiveTurn, out: Float32Array): void {
  // The pose goes in as an object and the shares come out in `out`: V8 boxes a double passed to or
  // returned from a call it does not inline, a heap number per frame.
  const yawShare = head.yaw / CORRECTIVE_TURNS[0].yaw, pitchShare = head.pitch / CORRECTIVE_TURNS[2].pitch;
  out[0] = yawShare > 0 ? Math.min(yawShare, MAX_CORRECTIVE_WEIGHT) : 0;
  out[1] = yawShare < 0 ? Math.min(-yawShare, MAX_CORRECTIVE_WEIGHT) : 0;
  out[2] = pitchShare > 0 ? Math.min(pitchShare, MAX_CORRECTIVE_WEIGHT) : 0;
  out[3] = pitchShare < 0 ? Math.min(-pitchShare, MAX_CORRECTIVE_WEIGHT) : 0;
}

/**
 * A corrective as a morph from per-landmark nudges (x, y image pixels each, un-turned):
 * the landmarks move, and the iris disks, eye backs (ring by ring) and first ring follow them
 * (rig/landmarkLeaders). Nudges are clamped to MAX_CORRECTIVE_FACE_HEIGHTS.
 */
export function correctiveMorph(data: Pick<PortraitRigData, 'vertexCount' | 'shade' | 'frame' | 'rest' | 'outlineSeam'>, nudges: Float32Array): RigMorph {
  if (nudges.length !== LANDMARK_COUNT * 2) throw new RangeError(`correctiveMorph: expected ${LANDMARK_COUNT} nudges (x, y each), got ${nudges.length / 2}.`);
  const limit = MAX_CORRECTIVE_FACE_HEIGHTS * data.frame.faceHeight;
  const delta = new Float32Array(data.vertexCount * 2);
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const x = nudges[i * 2], y = nudges[i * 2 + 1];
    const length = Math.hypot(x, y);
    const keep = length > limit ? limit / length : 1;
    delta[i * 2] = x * keep;
    delta[i * 2 + 1] = y * keep;
  }
  const { leaders, shares } = findLandmarkLeaders(data, FIRST_RING_SHARE, true);
  // Leaders first, so a follower never reads another follower's sum.
  for (let v = LANDMARK_COUNT; v < data.vertexCount; v++) {
    for (let k = 0; k < LEADERS_PER_VERTEX; k++) {
      const leader = leaders[v * LEADERS_PER_VERTEX + k];
      if (leader < 0) break;
      delta[v * 2] += delta[leader * 2] * shares[v * LEADERS_PER_VERTEX + k];
      delta[v * 2 + 1] += delta[leader * 2 + 1] * shares[v * LEADERS_PER_VERTEX + k];
    }
  }
  const vertices: number[] = [];
  for (let v = 0; v < data.vertexCount; v++) if (delta[v * 2] !== 0 || delta[v * 2 + 1] !== 0) vertices.push(v);
  const deltas = new Float32Array(vertices.length * 3);
  vertices.forEach((v, k) => {
    deltas[k * 3] = delta[v * 2];
    deltas[k * 3 + 1] = delta[v * 2 + 1];
  });
  return { vertices: Uint32Array.from(vertices), deltas };
}

/** Each landmark's neighbours along the rig's triangles, landmarks only. */
function landmarkNeighbours(indices: Uint32Array): Set<number>[] {
  const neighbours = Array.from({ length: LANDMARK_COUNT }, () => new Set<number>());
  for (let t = 0; t < indices.length; t += 3) {
    for (let k = 0; k < 3; k++) {
      const a = indices[t + k], b = indices[t + ((k + 1) % 3)];
      if (a < LANDMARK_COUNT && b < LANDMARK_COUNT) {
        neighbours[a].add(b);
        neighbours[b].add(a);
      }
    }
  }
  return neighbours;
}

/** The nudges smoothed over the face mesh (Jacobi sweeps: every nudge becomes half itself and half its neighbours' mean). */
export function smoothNudges(data: Pick<PortraitRigData, 'indices'>, nudges: Float32Array): Float32Array {
  const neighbours = landmarkNeighbours(data.indices);
  let from = Float32Array.from(nudges), to = new Float32Array(nudges.length);
  for (let sweep = 0; sweep < SMOOTHING_SWEEPS; sweep++) {
    for (let i = 0; i < LANDMARK_COUNT; i++) {
      let x = 0, y = 0;
      for (const j of neighbours[i]) {
        x += from[j * 2];
        y += from[j * 2 + 1];
      }
      const n = neighbours[i].size;
      to[i * 2] = n > 0 ? (from[i * 2] + x / n) / 2 : from[i * 2];
      to[i * 2 + 1] = n > 0 ? (from[i * 2 + 1] + y / n) / 2 : from[i * 2 + 1];
    }
    [from, to] = [to, from];
  }
  return from;
}
