import { Blendshape, BLENDSHAPE_COUNT } from '../core/arkitBlendshapes';
import { FACE_OVAL, LIPS, SUBJECT_LEFT_EYE, SUBJECT_LEFT_IRIS, SUBJECT_RIGHT_EYE, SUBJECT_RIGHT_IRIS } from '../core/landmarkIndices';
import type { EyeOutline } from '../core/landmarkTypes';
import { addEyeLayers } from './eyeLayers';
import { computeFaceFrame } from './faceFrame';
import { meshNeighbours, solveHarmonicMorph } from './harmonicMorph';
import { LANDMARK_COUNT, LandmarkPixels } from './landmarkPixels';
import { MorphContext } from './morphContext';
import { authorMorphs, type EyeParts } from './morphTargets';
import { addMouthLayer } from './mouthLayer';
import { limitDepthSlope } from './limitDepthSlope';
import { untanglePair } from './untanglePair';
import { addOuterRings } from './outerRings';
import { splitOutlineSeam } from './outlineSeam';
import { RigLayer, type PortraitRigData, type RigMorph } from './PortraitRigData';
import { RigMeshBuilder } from './RigMeshBuilder';
import { areaLimitedTriangles } from './stretchLimits';
import { DEFAULT_RIG_COLORS, sampleRigColors, type PixelPolygon, type RigPixels } from './rigColors';
import { FACE_MESH_TRIANGLES } from './topology/faceMeshTriangles';

/** A 2-D warp under-reads head turns; extra depth relief makes them read closer to the command (CALIBRATION.md). */
export const DEFAULT_DEPTH_RELIEF = 1.5;

/**
 * The steepest the face's surface may stand: tan 50°. A turn folds triangles tilted beyond
 * 90° minus the turn, and shrinks those near it below a third of their area, so 50° keeps
 * turns up to about 26° (20° commanded, with the bake's gain) clean.
 */
export const MAX_DEPTH_SLOPE = Math.tan((50 * Math.PI) / 180);

export interface RigInput {
  /** 478 landmarks, x, y, z each, normalized as MediaPipe gives them. */
  readonly landmarks: ArrayLike<number>;
  readonly imageWidth: number;
  readonly imageHeight: number;
  /** The portrait's pixels, to take the eye white, lips and lids' colours from. Default: neutral tones. */
  readonly pixels?: RigPixels;
  readonly depthRelief?: number;
}

/** x, y, depth per vertex in RigMeshBuilder.rest. */
const REST_STRIDE = 3;

/**
 * Share of its neighbours' motion the first ring outside the face takes while expressions are
 * solved: it holds the outline back (at 0.9 an open jaw read wider and dragged more of the neck).
 * The ring itself no longer keeps that motion (rig/outlineSeam): an open jaw had changed the world
 * outside the head on 6 of 17 portraits' jaw probes (15 of 19 unseen), and with the seam on none.
 */
const FIRST_RING_MOBILITY = 0.6;

/** Where the detector reads an expression (mouth corners and middle): untangling never moves these. */
const MEASURED_POINTS: ReadonlySet<number> = new Set([
  LIPS.outer.subjectLeftCorner, LIPS.outer.subjectRightCorner,
  LIPS.inner.upper[(LIPS.inner.upper.length - 1) / 2], LIPS.inner.lower[(LIPS.inner.lower.length - 1) / 2],
]);

/**
 * Easing a squeezed band never moves the face's outline: it is what shows the jaw's drop (the
 * chin held back 2 px on flare-female01 and the open mouth no longer read darker than the lips).
 */
const FACE_OVAL_POINTS: ReadonlySet<number> = new Set(FACE_OVAL);

/** Builds a portrait's rig once, from its landmarks: mesh, layers, morph targets and colours. */
export function buildPortraitRig(input: RigInput): PortraitRigData {
  const { imageWidth: width, imageHeight: height } = input;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new RangeError(`buildPortraitRig: image size must be positive whole pixels, got ${width}×${height}.`);
  }
  const points = new LandmarkPixels(input.landmarks, width, height, input.depthRelief ?? DEFAULT_DEPTH_RELIEF);
  const mesh = new RigMeshBuilder();
  for (let i = 0; i < LANDMARK_COUNT; i++) mesh.add(points.x(i), points.y(i), points.depth(i), RigLayer.Skin);
  for (const i of FACE_MESH_TRIANGLES) mesh.indices.push(i);
  const frame = computeFaceFrame(points, FACE_OVAL);
  const outlineBand = addOuterRings(mesh, FACE_OVAL, frame, width, height);
  const skinVertexCount = mesh.vertexCount;
  const skinTriangleCount = mesh.indices.length / 3;
  limitDepthSlope(mesh, skinTriangleCount, MAX_DEPTH_SLOPE);

  const right = addEyeLayers(mesh, SUBJECT_RIGHT_EYE, SUBJECT_RIGHT_IRIS, 0);
  const left = addEyeLayers(mesh, SUBJECT_LEFT_EYE, SUBJECT_LEFT_IRIS, 1);
  const mouth = addMouthLayer(mesh, LIPS, frame.upX, frame.upY, frame.faceHeight);

  const neighbours = meshNeighbours(mesh.vertexCount, mesh.indices, (t) => t < skinTriangleCount, (v) => mesh.x(v), (v) => mesh.y(v));
  // Expressions are solved as if the first ring (hair, jaw line, neck) took part of their
  // motion, which holds the outline back as it always has; then the ring is let go of them
  // (below), and the outline slides over it along the seam.
  const mobility = (v: number) => (mesh.shade[v * 4] !== RigLayer.Skin || v >= LANDMARK_COUNT + FACE_OVAL.length ? 0 : v < LANDMARK_COUNT ? 1 : FIRST_RING_MOBILITY);
  const eyes: EyeParts[] = [
    { eye: SUBJECT_RIGHT_EYE, iris: SUBJECT_RIGHT_IRIS, irisRim: right.irisRim, sign: -1 },
    { eye: SUBJECT_LEFT_EYE, iris: SUBJECT_LEFT_IRIS, irisRim: left.irisRim, sign: 1 },
  ];
  const skinTriangles = mesh.indices.slice(0, skinTriangleCount * 3);
  const untangle = { triangles: skinTriangles, keep: MEASURED_POINTS, stretchKeep: FACE_OVAL_POINTS, areaLimited: areaLimitedTriangles(skinTriangles, mesh.rest, REST_STRIDE) };
  const authored = authorMorphs(new MorphContext(mesh, frame), eyes);
  const morphs: (RigMorph | null)[] = new Array(BLENDSHAPE_COUNT).fill(null);
  for (const [index, handles] of authored) {
    morphs[index] = solveHarmonicMorph(handles, neighbours, mobility, (v) => mesh.x(v), (v) => mesh.y(v), untangle);
  }
  // A full smile plays both halves at once: untangled alone, they can fold the lips together.
  const smileLeft = morphs[Blendshape.mouthSmileLeft], smileRight = morphs[Blendshape.mouthSmileRight];
  if (smileLeft && smileRight) {
    const still = new Set(MEASURED_POINTS);
    for (let v = 0; v < mesh.vertexCount; v++) if (!(mobility(v) > 0)) still.add(v);
    const geometry = { ...untangle, keep: still, neighbours, x: (v: number) => mesh.x(v), y: (v: number) => mesh.y(v) };
    [morphs[Blendshape.mouthSmileLeft], morphs[Blendshape.mouthSmileRight]] = untanglePair(smileLeft, smileRight, mesh.vertexCount, geometry);
  }

  // The world around the head stays put: no expression moves the rings, and the outline's
  // outward motion slides over the ring side of the seam instead of dragging it (rig/outlineSeam).
  const firstRing = new Set(outlineBand.firstRing);
  for (let m = 0; m < morphs.length; m++) morphs[m] = without(morphs[m], firstRing);
  const outlineSeam = splitOutlineSeam(mesh, FACE_OVAL, outlineBand.start, outlineBand.end);

  const uv = new Float32Array(mesh.vertexCount * 2);
  for (let v = 0; v < mesh.vertexCount; v++) {
    uv[v * 2] = mesh.x(v) / width;
    uv[v * 2 + 1] = mesh.y(v) / height;
  }
  const irises = new Float32Array([
    mesh.x(SUBJECT_RIGHT_IRIS.centre) / width, mesh.y(SUBJECT_RIGHT_IRIS.centre) / height, right.irisRadius / width,
    mesh.x(SUBJECT_LEFT_IRIS.centre) / width, mesh.y(SUBJECT_LEFT_IRIS.centre) / height, left.irisRadius / width,
  ]);
  const followers: number[] = [];
  for (let k = 0; k < mouth.followers.length; k += 3) followers.push(mouth.followers[k], mouth.followers[k + 1], mouth.followers[k + 2]);

  return {
    imageWidth: width,
    imageHeight: height,
    vertexCount: mesh.vertexCount,
    rest: Float32Array.from(mesh.rest),
    uv,
    shade: Float32Array.from(mesh.shade),
    headWeight: Float32Array.from(mesh.headWeight),
    indices: Uint32Array.from(mesh.indices),
    morphs,
    followers: Uint32Array.from(followers),
    followerMix: Float32Array.from(mouth.mix),
    frame,
    colors: input.pixels ? sampleRigColors(input.pixels, colorRegions(mesh)) : DEFAULT_RIG_COLORS,
    yawGain: 1,
    pitchGain: 1,
    irises,
    outlineSeam,
  };
}

/** `morph` without `vertices` (null when nothing else moves). */
function without(morph: RigMorph | null, vertices: ReadonlySet<number>): RigMorph | null {
  if (!morph) return null;
  const keep: number[] = [];
  for (let k = 0; k < morph.vertices.length; k++) if (!vertices.has(morph.vertices[k])) keep.push(k);
  if (keep.length === morph.vertices.length) return morph;
  if (keep.length === 0) return null;
  const deltas = new Float32Array(keep.length * 3);
  keep.forEach((k, j) => deltas.set(morph.deltas.subarray(k * 3, k * 3 + 3), j * 3));
  return { vertices: Uint32Array.from(keep, (k) => morph.vertices[k]), deltas };
}

function polygon(mesh: RigMeshBuilder, loop: readonly number[]): PixelPolygon {
  return loop.map((i) => [mesh.x(i), mesh.y(i)] as const);
}

function lidBand(mesh: RigMeshBuilder, eye: EyeOutline): PixelPolygon {
  // Between the upper lid and a copy of it lifted by a third of the eye's width.
  const lift = Math.hypot(mesh.x(eye.outerCorner) - mesh.x(eye.innerCorner), mesh.y(eye.outerCorner) - mesh.y(eye.innerCorner)) / 3;
  const lid = polygon(mesh, eye.upperLid);
  return [...lid, ...[...lid].reverse().map(([x, y]) => [x, y - lift] as const)];
}

function colorRegions(mesh: RigMeshBuilder) {
  return {
    eyes: [polygon(mesh, SUBJECT_LEFT_EYE.loop), polygon(mesh, SUBJECT_RIGHT_EYE.loop)],
    lips: polygon(mesh, LIPS.outer.loop),
    lids: [lidBand(mesh, SUBJECT_LEFT_EYE), lidBand(mesh, SUBJECT_RIGHT_EYE)],
  };
}
