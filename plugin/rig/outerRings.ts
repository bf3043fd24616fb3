import { RigLayer } from './PortraitRigData';
import type { FaceFrame } from './PortraitRigData';
import type { RigMeshBuilder } from './RigMeshBuilder';

/** How far each ring reaches beyond the face outline: a share of the outline's radius, capped by a share of the way to the border. */
const RING_REACH = [
  { ofRadius: 0.25, ofBorderGap: 0.4, behind: 0.1 },
  { ofRadius: 0.6, ofBorderGap: 0.75, behind: 0.2 },
] as const;

/**
 * How much of a head turn a ring point follows: 1 − (s / gap)^k, s its distance beyond the
 * outline and gap the way from the outline to the image border along the same ray. The turn
 * fades out in proportion to the room there is, so a narrow band (a chin near the border) is
 * never asked to absorb more shear than a wide one, and nothing folds. Hair (k = 2) follows
 * the head further out than the neck and shoulders below it (k = 1).
 */
const FOLLOW_EXPONENT = { above: 2, below: 1 } as const;

function headFollow(beyond: number, gap: number, below: number): number {
  if (!(gap > 0)) return 0;
  return Math.max(0, 1 - Math.pow(Math.min(1, beyond / gap), followExponent(below)));
}

const followExponent = (below: number): number => FOLLOW_EXPONENT.above + (FOLLOW_EXPONENT.below - FOLLOW_EXPONENT.above) * below;

/**
 * A little faster than linear, so the rings near the face take more of a roll's twist than the
 * last band: 1.2 and 1.4 each left 3 of the 72 rolls torn, 1 left 5, 0.8 left 7, 1.5 tore more.
 */
const ROLL_FALL_POWER = 1.2;

/**
 * How much of a head roll a ring point follows: (1 − s / gap)^ROLL_FALL_POWER, falling about
 * evenly over its share of the way to the border, recovered from its head weight (`below` as for
 * headFollow). A roll carries a point by its distance from the face's middle, and headFollow falls
 * fastest at the border, so the last band took most of the twist: over the 17 shared and 19 unseen
 * portraits, 12 of 72 ±20° rolls squeezed its triangles past QUALITY.md's area limits (Node); with
 * a linear fall, 5; with ROLL_FALL_POWER, 3.
 */
export function rollFollow(headWeight: number, below: number): number {
  if (!(headWeight > 0 && headWeight < 1)) return headWeight > 0 ? 1 : 0;
  return Math.pow(1 - Math.pow(1 - headWeight, 1 / followExponent(below)), ROLL_FALL_POWER);
}

/** Distance from (x, y) along (ux, uy) to the image rectangle's edge. */
function distanceToBorder(x: number, y: number, ux: number, uy: number, width: number, height: number): number {
  let t = Infinity;
  if (ux > 1e-9) t = Math.min(t, (width - x) / ux);
  if (ux < -1e-9) t = Math.min(t, -x / ux);
  if (uy > 1e-9) t = Math.min(t, (height - y) / uy);
  if (uy < -1e-9) t = Math.min(t, -y / uy);
  return Math.max(0, t);
}

/** Position along the rectangle's perimeter, clockwise from the top-left corner. */
function perimeterPosition(x: number, y: number, width: number, height: number): number {
  const eps = 1e-3;
  if (y <= eps) return x;
  if (x >= width - eps) return width + y;
  if (y >= height - eps) return width + height + (width - x);
  return 2 * width + height + (height - y);
}

/** The first ring (one point per outline point), and where in mesh.indices the strip from the face outline to it lies: [start, end). */
export interface OutlineBand {
  readonly firstRing: readonly number[];
  readonly start: number;
  readonly end: number;
}

/**
 * Rings around the face for hair, ears and neck, and a loop on the image border that never
 * moves; every loop has one point per outline point, so they join as strips. Image corners
 * fill the gaps the border loop leaves. Returns the strip next to the outline (rig/outlineSeam).
 */
export function addOuterRings(mesh: RigMeshBuilder, outline: readonly number[], frame: FaceFrame, width: number, height: number): OutlineBand {
  const n = outline.length;
  let previous = outline;
  let band: OutlineBand | null = null;
  const directions = outline.map((i) => {
    const dx = mesh.x(i) - frame.centerX;
    const dy = mesh.y(i) - frame.centerY;
    const radius = Math.hypot(dx, dy);
    const ux = dx / radius, uy = dy / radius;
    const upness = ux * frame.upX + uy * frame.upY;
    return { ux, uy, radius, gap: distanceToBorder(mesh.x(i), mesh.y(i), ux, uy, width, height), upness };
  });
  for (const reach of RING_REACH) {
    const ring: number[] = [];
    for (let k = 0; k < n; k++) {
      const i = outline[k];
      const d = directions[k];
      const along = Math.min(reach.ofRadius * d.radius, reach.ofBorderGap * d.gap);
      const headWeight = headFollow(along, d.gap, Math.max(0, -d.upness));
      ring.push(
        mesh.add(mesh.x(i) + d.ux * along, mesh.y(i) + d.uy * along, mesh.depth(i) - reach.behind * frame.faceHeight, RigLayer.Skin, 0, 0, 0, headWeight),
      );
    }
    const start = mesh.indices.length;
    mesh.strip(previous, ring, true);
    band ??= { firstRing: ring, start, end: mesh.indices.length };
    previous = ring;
  }
  const borderDepth = mesh.depth(previous[0]);
  const border: number[] = [];
  const positions: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = outline[k];
    const d = directions[k];
    const x = Math.min(width, Math.max(0, mesh.x(i) + d.ux * d.gap));
    const y = Math.min(height, Math.max(0, mesh.y(i) + d.uy * d.gap));
    border.push(mesh.add(x, y, borderDepth, RigLayer.Skin, 0, 0, 0, 0));
    positions.push(perimeterPosition(x, y, width, height));
  }
  mesh.strip(previous, border, true);
  addCorners(mesh, border, positions, width, height, borderDepth);
  if (!band) throw new Error('addOuterRings: RING_REACH lists no ring.');
  return band;
}

function addCorners(mesh: RigMeshBuilder, border: number[], positions: number[], width: number, height: number, depth: number): void {
  const perimeter = 2 * (width + height);
  const corners = [
    { at: 0, x: 0, y: 0 },
    { at: width, x: width, y: 0 },
    { at: width + height, x: width, y: height },
    { at: 2 * width + height, x: 0, y: height },
  ].map((c) => ({ ...c, index: mesh.add(c.x, c.y, depth, RigLayer.Skin, 0, 0, 0, 0) }));
  const n = border.length;
  // The loop may run either way round the rectangle; walk in its own direction.
  let forward = 0;
  for (let k = 0; k < n; k++) {
    const step = (positions[(k + 1) % n] - positions[k] + perimeter) % perimeter;
    forward += step < perimeter / 2 ? 1 : -1;
  }
  for (let k = 0; k < n; k++) {
    const a = positions[k];
    const b = positions[(k + 1) % n];
    const span = forward > 0 ? (b - a + perimeter) % perimeter : (a - b + perimeter) % perimeter;
    const between = corners
      .map((c) => ({ c, offset: forward > 0 ? (c.at - a + perimeter) % perimeter : (a - c.at + perimeter) % perimeter }))
      .filter(({ offset }) => offset > 1e-6 && offset < span - 1e-6)
      .sort((p, q) => p.offset - q.offset);
    let from = border[k];
    for (const { c } of between) {
      mesh.triangle(from, c.index, border[(k + 1) % n]);
      from = c.index;
    }
  }
}
