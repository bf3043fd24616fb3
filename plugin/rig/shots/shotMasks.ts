// How much of a shot each rig vertex may show: soft regions around each eye and the mouth.
import { LIPS, SUBJECT_LEFT_EYE, SUBJECT_RIGHT_EYE } from '../../core/landmarkIndices';
import type { EyeOutline } from '../../core/landmarkTypes';
import { RigLayer, SHADE_STRIDE, type PortraitRigData } from '../PortraitRigData';

/** Floats per vertex in a shot mask: the eye weight (signed by eye: left positive), then the mouth weight. */
export const SHOT_MASK_STRIDE = 2;
/** The eye region: an ellipse this many eye widths along the eye and across it (lid and crease), full inside, fading out to FADE_END times it. */
const EYE_ALONG = 0.75;
const EYE_ACROSS = 0.55;
/** The mouth region, in mouth widths: lips and the skin the jaw stretches around them. */
const MOUTH_ALONG = 0.7;
const MOUTH_ACROSS = 0.55;
/** Masks fall from 1 at the ellipse to 0 at this multiple of it, so no seam shows where the shot ends. */
const FADE_END = 1.6;
const LEFT_SIGN = 1;
/** Where an eye layer vertex keeps its side in the rig's shade, and the subject left's value. */
const EYE_SIDE_OFFSET = 3;
const LEFT_SIDE = 1;
const RIGHT_SIGN = -1;

interface Region {
  readonly cx: number;
  readonly cy: number;
  /** Unit vector along the region (corner to corner). */
  readonly ax: number;
  readonly ay: number;
  readonly along: number;
  readonly across: number;
}

function region(rest: Float32Array, loop: readonly number[], cornerA: number, cornerB: number, along: number, across: number): Region {
  let cx = 0, cy = 0;
  for (const i of loop) {
    cx += rest[i * 3];
    cy += rest[i * 3 + 1];
  }
  const dx = rest[cornerB * 3] - rest[cornerA * 3], dy = rest[cornerB * 3 + 1] - rest[cornerA * 3 + 1];
  const width = Math.max(Math.hypot(dx, dy), 1e-6);
  return { cx: cx / loop.length, cy: cy / loop.length, ax: dx / width, ay: dy / width, along: along * width, across: across * width };
}

const eyeRegion = (rest: Float32Array, eye: EyeOutline) => region(rest, eye.loop, eye.outerCorner, eye.innerCorner, EYE_ALONG, EYE_ACROSS);

/** 1 inside the region's ellipse, easing to 0 at FADE_END times it. */
function weight(r: Region, x: number, y: number): number {
  const dx = x - r.cx, dy = y - r.cy;
  const u = (dx * r.ax + dy * r.ay) / r.along;
  const v = (-dx * r.ay + dy * r.ax) / r.across;
  const e = Math.hypot(u, v);
  if (e <= 1) return 1;
  if (e >= FADE_END) return 0;
  const t = (e - 1) / (FADE_END - 1);
  return 1 - t * t * (3 - 2 * t);
}

/**
 * Per rig vertex, how much an eyes-closed shot and a mouth-open shot may show there: skin near
 * an eye and the eye layers take an eye shot; skin near the mouth and the mouth interior a
 * mouth shot. The masks ride on the vertices, so they follow the lids and lips.
 */
export function shotMasks(rig: PortraitRigData): Float32Array {
  const rest = rig.rest;
  const left = eyeRegion(rest, SUBJECT_LEFT_EYE);
  const right = eyeRegion(rest, SUBJECT_RIGHT_EYE);
  const mouth = region(rest, LIPS.outer.loop, LIPS.outer.subjectRightCorner, LIPS.outer.subjectLeftCorner, MOUTH_ALONG, MOUTH_ACROSS);
  const out = new Float32Array(rig.vertexCount * SHOT_MASK_STRIDE);
  for (let v = 0; v < rig.vertexCount; v++) {
    const layer = rig.shade[v * SHADE_STRIDE];
    const x = rest[v * 3], y = rest[v * 3 + 1];
    if (layer === RigLayer.Skin) {
      const l = weight(left, x, y), r = weight(right, x, y);
      out[v * SHOT_MASK_STRIDE] = l >= r ? l * LEFT_SIGN : r * RIGHT_SIGN;
    } else if (layer === RigLayer.EyeBack || layer === RigLayer.Iris) {
      // A shut shot covers the whole eye: what still shows between lids not quite met is the shot's lid too.
      out[v * SHOT_MASK_STRIDE] = rig.shade[v * SHADE_STRIDE + EYE_SIDE_OFFSET] === LEFT_SIDE ? LEFT_SIGN : RIGHT_SIGN;
    }
    if (layer === RigLayer.Skin || layer === RigLayer.MouthInterior) {
      out[v * SHOT_MASK_STRIDE + 1] = layer === RigLayer.MouthInterior ? 1 : weight(mouth, x, y);
    }
  }
  return out;
}
