import type { EyeOutline, IrisLandmarks } from '../core/landmarkTypes';
import { RigLayer } from './PortraitRigData';
import type { RigMeshBuilder } from './RigMeshBuilder';

/** The eye white reaches past the opening so a widened eye still shows eyeball, not a hole. */
const EYE_BACK_GROWTH = 1.4;
/**
 * Where an eye-back vertex's shade holds its height in the eye, across the corner-to-corner line:
 * 0 level with the outline's centre, 1 at the outline's highest point, negative below the centre.
 * The generator shades the eye white it paints behind a moved iris by it: the upper lid's shadow.
 */
export const EYE_HEIGHT_SHADE_OFFSET = 2;
/** Sides of the polygon that stands for the round iris. */
export const IRIS_SEGMENTS = 16;

export interface EyeLayerVertices {
  /** Iris disk rim vertices (the centre is the iris landmark itself). */
  readonly irisRim: number[];
  /** Iris radius in pixels. */
  readonly irisRadius: number;
}

/**
 * Behind one eye opening: an eye white that stays put while the lids move, and an iris disk
 * that moves with the gaze. At rest both sample the portrait where they lie, so a still face
 * is the portrait itself.
 */
export function addEyeLayers(mesh: RigMeshBuilder, eye: EyeOutline, iris: IrisLandmarks, side: 0 | 1): EyeLayerVertices {
  let cx = 0, cy = 0, depth = 0;
  for (const i of eye.loop) {
    cx += mesh.x(i);
    cy += mesh.y(i);
    depth += mesh.depth(i);
  }
  cx /= eye.loop.length;
  cy /= eye.loop.length;
  depth /= eye.loop.length;
  // Layer vertices take the depth of the lids they lie under, so a head turn moves both alike;
  // the generator draws each layer behind the skin with a depth bias instead.
  const height = eyeHeights(mesh, eye, cx, cy);
  const center = mesh.add(cx, cy, depth, RigLayer.EyeBack, 1, 0, side);
  const inner = eye.loop.map((i, k) => mesh.add(mesh.x(i), mesh.y(i), mesh.depth(i), RigLayer.EyeBack, 1, height[k], side));
  const outer = eye.loop.map((i, k) =>
    mesh.add(cx + (mesh.x(i) - cx) * EYE_BACK_GROWTH, cy + (mesh.y(i) - cy) * EYE_BACK_GROWTH, mesh.depth(i), RigLayer.EyeBack, 0, height[k] * EYE_BACK_GROWTH, side),
  );
  mesh.fan(center, inner);
  mesh.strip(inner, outer, true);

  const c = iris.centre;
  let radius = 0;
  for (const r of iris.ring) radius += Math.hypot(mesh.x(r) - mesh.x(c), mesh.y(r) - mesh.y(c));
  radius /= iris.ring.length;
  const irisDepth = depth;
  // The iris landmarks join the iris layer: the centre is the disk's hub.
  for (const i of [c, ...iris.ring]) setLayer(mesh, i, RigLayer.Iris, side, irisDepth);
  const rim: number[] = [];
  for (let k = 0; k < IRIS_SEGMENTS; k++) {
    const angle = (2 * Math.PI * k) / IRIS_SEGMENTS;
    rim.push(mesh.add(mesh.x(c) + Math.cos(angle) * radius, mesh.y(c) + Math.sin(angle) * radius, irisDepth, RigLayer.Iris, 0, 0, side));
  }
  mesh.fan(c, rim);
  return { irisRim: rim, irisRadius: radius };
}

/** Each outline point's height above the eye's centre, across the corner-to-corner line, as a share of the highest's (EYE_HEIGHT_SHADE_OFFSET). */
function eyeHeights(mesh: RigMeshBuilder, eye: EyeOutline, cx: number, cy: number): number[] {
  const dx = mesh.x(eye.innerCorner) - mesh.x(eye.outerCorner), dy = mesh.y(eye.innerCorner) - mesh.y(eye.outerCorner);
  const length = Math.hypot(dx, dy) || 1;
  // The normal to the corner line that points up the image (y grows down).
  let nx = dy / length, ny = -dx / length;
  if (ny > 0) { nx = -nx; ny = -ny; }
  const heights = eye.loop.map((i) => (mesh.x(i) - cx) * nx + (mesh.y(i) - cy) * ny);
  const top = Math.max(...heights);
  return heights.map((h) => (top > 0 ? h / top : 0));
}

function setLayer(mesh: RigMeshBuilder, vertex: number, layer: RigLayer, side: number, depth: number): void {
  mesh.shade[vertex * 4] = layer;
  mesh.shade[vertex * 4 + 3] = side;
  mesh.rest[vertex * 3 + 2] = depth;
}
