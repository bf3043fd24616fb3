import { BLENDSHAPE_COUNT } from '../core/arkitBlendshapes';
import { RigFormatError } from '../core/errors';
import { GAZE_GAIN_KEYS, MAX_GAZE_GAIN, MAX_HEAD_GAIN, MAX_JAW_GAIN, MAX_OPEN_TEETH_SHARE, MAX_SMILE_GAIN, MIN_GAZE_GAIN, MIN_HEAD_GAIN, MIN_JAW_GAIN, MIN_OPEN_TEETH_SHARE, MIN_SMILE_GAIN, RIG_FORMAT, RIG_VERSION, SHADE_STRIDE, type BakedShot, type FaceFrame, type GazeGains, type PortraitRigData, type RigMorph, type SmileGains } from './PortraitRigData';
import { LANDMARK_COUNT } from './landmarkPixels';
import { seamProblem } from './outlineSeam';
import type { RigColors, Rgb } from './rigColors';
import { CORRECTIVE_COUNT, MAX_CORRECTIVE_FACE_HEIGHTS } from './turnCorrectives';

/** Largest image a rig may describe, and most vertices: far beyond any real portrait, small enough to refuse a hostile file. */
const MAX_IMAGE_SIDE = 16384;
const MAX_VERTICES = 100_000;
/** More shots than any character needs (eyes closed, mouth open, a few more): a hostile file cannot make the loader do unbounded work. */
const MAX_SHOTS = 16;

/** The rig as JSON-ready plain data (what `npm run bake` writes). */
export interface SerializedRig {
  format: typeof RIG_FORMAT;
  version: typeof RIG_VERSION;
  imageWidth: number;
  imageHeight: number;
  vertexCount: number;
  rest: number[];
  uv: number[];
  shade: number[];
  headWeight: number[];
  indices: number[];
  morphs: (SerializedMorph | null)[];
  followers: number[];
  followerMix: number[];
  frame: FaceFrame;
  colors: RigColors;
  yawGain: number;
  pitchGain: number;
  /** The jaw gain found at bake time (optional: rigs baked without a detector leave it out). */
  jawGain?: number;
  /** The smile gains found at bake time (optional, as jawGain). */
  smileGains?: SmileGains;
  /** The gaze gains found at bake time (optional, as jawGain). */
  gazeGains?: GazeGains;
  /** The open-teeth share found at bake time (optional, as jawGain). */
  openTeethShare?: number;
  irises: number[];
  /** Head-turn correctives found at bake time (optional: rigs baked without a detector leave it out). */
  turnCorrectives?: SerializedMorph[];
  /** Few-shot shots found at bake time (optional: rigs without shots leave it out). */
  shots?: { imageWidth: number; imageHeight: number; landmarks: number[]; eyesClosed?: boolean; mouthOpen?: boolean }[];
  /** PortraitRigData.outlineSeam: copy, outline point per pair (absent in rigs baked before it). */
  outlineSeam?: number[];
}

interface SerializedMorph {
  vertices: number[];
  deltas: number[];
}

/** The shortest decimal that reads back as the same float32: a rig file half the size, nothing lost. */
function shortestFloat32(value: number): number {
  const target = Math.fround(value);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(target.toPrecision(digits));
    if (Math.fround(candidate) === target) return candidate;
  }
  return target;
}

const floats = (values: Float32Array): number[] => Array.from(values, shortestFloat32);

/** The rig as JSON-ready data; parseRig reads it back to exactly the same typed arrays. */
export function serializeRig(rig: PortraitRigData): SerializedRig {
  return {
    format: RIG_FORMAT,
    version: RIG_VERSION,
    imageWidth: rig.imageWidth,
    imageHeight: rig.imageHeight,
    vertexCount: rig.vertexCount,
    rest: floats(rig.rest),
    uv: floats(rig.uv),
    shade: floats(rig.shade),
    headWeight: floats(rig.headWeight),
    indices: Array.from(rig.indices),
    morphs: rig.morphs.map((m) => (m ? serializeMorph(m) : null)),
    followers: Array.from(rig.followers),
    followerMix: floats(rig.followerMix),
    frame: { ...rig.frame },
    colors: { ...rig.colors },
    yawGain: rig.yawGain,
    pitchGain: rig.pitchGain,
    ...(rig.jawGain !== undefined ? { jawGain: rig.jawGain } : {}),
    ...(rig.smileGains !== undefined ? { smileGains: { ...rig.smileGains } } : {}),
    ...(rig.gazeGains !== undefined ? { gazeGains: { ...rig.gazeGains } } : {}),
    ...(rig.openTeethShare !== undefined ? { openTeethShare: rig.openTeethShare } : {}),
    irises: floats(rig.irises),
    ...(rig.turnCorrectives ? { turnCorrectives: rig.turnCorrectives.map(serializeMorph) } : {}),
    ...(rig.shots?.length ? { shots: rig.shots.map(serializeShot) } : {}),
    ...(rig.outlineSeam ? { outlineSeam: Array.from(rig.outlineSeam) } : {}),
  };
}

const serializeMorph = (m: RigMorph): SerializedMorph => ({ vertices: Array.from(m.vertices), deltas: floats(m.deltas) });

function serializeShot(shot: BakedShot): NonNullable<SerializedRig['shots']>[number] {
  return {
    imageWidth: shot.imageWidth,
    imageHeight: shot.imageHeight,
    landmarks: floats(shot.landmarks),
    ...(shot.eyesClosed !== undefined ? { eyesClosed: shot.eyesClosed } : {}),
    ...(shot.mouthOpen !== undefined ? { mouthOpen: shot.mouthOpen } : {}),
  };
}

function optionalBoolean(value: unknown, what: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  fail(`${what} must be true or false when given`);
}

function parseShots(value: unknown): BakedShot[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > MAX_SHOTS) fail(`shots must be an array of at most ${MAX_SHOTS} shots`);
  return value.map((raw, k) => {
    const shot = record(raw, `shots[${k}]`);
    const imageWidth = finite(shot.imageWidth, `shots[${k}].imageWidth`, 1, MAX_IMAGE_SIDE);
    const imageHeight = finite(shot.imageHeight, `shots[${k}].imageHeight`, 1, MAX_IMAGE_SIDE);
    if (!Number.isInteger(imageWidth) || !Number.isInteger(imageHeight)) fail(`shots[${k}]: the image size must be whole pixels`);
    const eyesClosed = optionalBoolean(shot.eyesClosed, `shots[${k}].eyesClosed`);
    const mouthOpen = optionalBoolean(shot.mouthOpen, `shots[${k}].mouthOpen`);
    return {
      imageWidth,
      imageHeight,
      landmarks: numbers(shot.landmarks, `shots[${k}].landmarks`, LANDMARK_COUNT * 3),
      ...(eyesClosed !== undefined ? { eyesClosed } : {}),
      ...(mouthOpen !== undefined ? { mouthOpen } : {}),
    };
  });
}

function parseMorph(value: unknown, what: string, vertexCount: number): RigMorph {
  const morph = record(value, what);
  const vertices = indices(morph.vertices, `${what}.vertices`, null, vertexCount);
  return { vertices, deltas: numbers(morph.deltas, `${what}.deltas`, vertices.length * 3) };
}

/** Exactly one corrective per turn, none moving a point further than a detector's slip could. */
function parseCorrectives(value: unknown, vertexCount: number, faceHeight: number): RigMorph[] {
  if (!Array.isArray(value) || value.length !== CORRECTIVE_COUNT) fail(`turnCorrectives must be an array of ${CORRECTIVE_COUNT} morphs (yaw +, yaw −, pitch +, pitch −)`);
  // float32 rounding of a nudge clamped exactly to the limit may land a hair past it.
  const limit = MAX_CORRECTIVE_FACE_HEIGHTS * faceHeight * (1 + 1e-4);
  return value.map((raw, k) => {
    const morph = parseMorph(raw, `turnCorrectives[${k}]`, vertexCount);
    for (let i = 0; i < morph.deltas.length; i += 3) {
      if (Math.hypot(morph.deltas[i], morph.deltas[i + 1], morph.deltas[i + 2]) > limit) {
        fail(`turnCorrectives[${k}] moves vertex ${morph.vertices[i / 3]} more than ${MAX_CORRECTIVE_FACE_HEIGHTS} face heights`);
      }
    }
    return morph;
  });
}

function fail(detail: string): never {
  throw new RigFormatError(detail);
}

function parseSmileGains(value: unknown): SmileGains {
  const o = record(value, 'smileGains');
  return {
    left: finite(o.left, 'smileGains.left', MIN_SMILE_GAIN, MAX_SMILE_GAIN),
    right: finite(o.right, 'smileGains.right', MIN_SMILE_GAIN, MAX_SMILE_GAIN),
  };
}

function parseGazeGains(value: unknown): GazeGains {
  const o = record(value, 'gazeGains');
  const gain = (key: (typeof GAZE_GAIN_KEYS)[number]) => finite(o[key], `gazeGains.${key}`, MIN_GAZE_GAIN, MAX_GAZE_GAIN);
  return { outLeft: gain('outLeft'), inLeft: gain('inLeft'), outRight: gain('outRight'), inRight: gain('inRight') };
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${what} must be an object`);
  return value as Record<string, unknown>;
}

function finite(value: unknown, what: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) fail(`${what} must be a finite number in [${min}, ${max}]`);
  return value;
}

function numbers(value: unknown, what: string, length: number): Float32Array {
  if (!Array.isArray(value) || value.length !== length) fail(`${what} must be an array of ${length} numbers`);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = finite(value[i], `${what}[${i}]`);
  return out;
}

function indices(value: unknown, what: string, length: number | null, below: number): Uint32Array {
  if (!Array.isArray(value) || (length !== null && value.length !== length)) fail(`${what} must be an array${length !== null ? ` of ${length}` : ''} of vertex indices`);
  const out = new Uint32Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (!Number.isInteger(v) || v < 0 || v >= below) fail(`${what}[${i}] must be a vertex index below ${below}`);
    out[i] = v;
  }
  return out;
}

function rgb(value: unknown, what: string): Rgb {
  const list = numbers(value, what, 3);
  for (let i = 0; i < 3; i++) finite(list[i], `${what}[${i}]`, 0, 1);
  return [list[0], list[1], list[2]];
}

/** Reads a serialized rig (parsed JSON), checking every field; throws RigFormatError on anything wrong. */
export function parseRig(json: unknown): PortraitRigData {
  const o = record(json, 'the rig');
  if (o.format !== RIG_FORMAT) fail(`it is not a talking-portrait rig (format is ${JSON.stringify(o.format)}, expected "${RIG_FORMAT}")`);
  if (o.version !== RIG_VERSION) fail(`it has version ${JSON.stringify(o.version)}; this plugin reads version ${RIG_VERSION}`);
  const imageWidth = finite(o.imageWidth, 'imageWidth', 1, MAX_IMAGE_SIDE);
  const imageHeight = finite(o.imageHeight, 'imageHeight', 1, MAX_IMAGE_SIDE);
  if (!Number.isInteger(imageWidth) || !Number.isInteger(imageHeight)) fail('the image size must be whole pixels');
  const vertexCount = finite(o.vertexCount, 'vertexCount', 3, MAX_VERTICES);
  if (!Number.isInteger(vertexCount)) fail('vertexCount must be a whole number');
  const rawIndices = o.indices;
  if (!Array.isArray(rawIndices) || rawIndices.length % 3 !== 0 || rawIndices.length === 0) fail('indices must list whole triangles');
  if (!Array.isArray(o.morphs) || o.morphs.length !== BLENDSHAPE_COUNT) fail(`morphs must have one entry per ARKit blendshape (${BLENDSHAPE_COUNT})`);
  const morphs: (RigMorph | null)[] = o.morphs.map((m, k) => (m === null ? null : parseMorph(m, `morphs[${k}]`, vertexCount)));
  const followers = indices(o.followers, 'followers', null, vertexCount);
  if (followers.length % 3 !== 0) fail('followers must come in threes');
  const frame = record(o.frame, 'frame');
  const colors = record(o.colors, 'colors');
  const faceHeight = finite(frame.faceHeight, 'frame.faceHeight', 1, MAX_IMAGE_SIDE * 2);
  const headWeight = numbers(o.headWeight, 'headWeight', vertexCount);
  for (let i = 0; i < vertexCount; i++) finite(headWeight[i], `headWeight[${i}]`, 0, 1);
  return {
    imageWidth,
    imageHeight,
    vertexCount,
    rest: numbers(o.rest, 'rest', vertexCount * 3),
    uv: numbers(o.uv, 'uv', vertexCount * 2),
    shade: numbers(o.shade, 'shade', vertexCount * SHADE_STRIDE),
    headWeight,
    indices: indices(rawIndices, 'indices', rawIndices.length, vertexCount),
    morphs,
    followers,
    followerMix: numbers(o.followerMix, 'followerMix', followers.length / 3),
    frame: {
      centerX: finite(frame.centerX, 'frame.centerX'),
      centerY: finite(frame.centerY, 'frame.centerY'),
      pivotDepth: finite(frame.pivotDepth, 'frame.pivotDepth'),
      upX: finite(frame.upX, 'frame.upX', -1, 1),
      upY: finite(frame.upY, 'frame.upY', -1, 1),
      faceHeight,
    },
    colors: {
      sclera: rgb(colors.sclera, 'colors.sclera'),
      cavity: rgb(colors.cavity, 'colors.cavity'),
      teeth: rgb(colors.teeth, 'colors.teeth'),
      tongue: rgb(colors.tongue, 'colors.tongue'),
      lid: rgb(colors.lid, 'colors.lid'),
    },
    yawGain: finite(o.yawGain, 'yawGain', MIN_HEAD_GAIN, MAX_HEAD_GAIN),
    pitchGain: finite(o.pitchGain, 'pitchGain', MIN_HEAD_GAIN, MAX_HEAD_GAIN),
    ...(o.jawGain !== undefined ? { jawGain: finite(o.jawGain, 'jawGain', MIN_JAW_GAIN, MAX_JAW_GAIN) } : {}),
    ...(o.smileGains !== undefined ? { smileGains: parseSmileGains(o.smileGains) } : {}),
    ...(o.gazeGains !== undefined ? { gazeGains: parseGazeGains(o.gazeGains) } : {}),
    ...(o.openTeethShare !== undefined ? { openTeethShare: finite(o.openTeethShare, 'openTeethShare', MIN_OPEN_TEETH_SHARE, MAX_OPEN_TEETH_SHARE) } : {}),
    irises: numbers(o.irises, 'irises', 6),
    ...(o.turnCorrectives !== undefined ? { turnCorrectives: parseCorrectives(o.turnCorrectives, vertexCount, faceHeight) } : {}),
    ...(o.shots !== undefined ? { shots: parseShots(o.shots) } : {}),
    ...(o.outlineSeam !== undefined ? { outlineSeam: parseSeam(o.outlineSeam, vertexCount) } : {}),
  };
}

function parseSeam(value: unknown, vertexCount: number): Uint32Array {
  const seam = indices(value, 'outlineSeam', null, vertexCount);
  const problem = seamProblem(seam, vertexCount);
  if (problem) fail(problem);
  return seam;
}

/** Parses rig JSON text; malformed JSON is a RigFormatError too. */
export function parseRigJson(text: string): PortraitRigData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RigFormatError(`it is not valid JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  return parseRig(json);
}
