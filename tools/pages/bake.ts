// The page behind `npm run bake` (tools/rig/bake.mjs): makes a TalkingPortrait from the image
// exactly as a game would at run time (detection, rigging and whatever else CreateAsync does at
// creation), and hands its rig back as the JSON text of the baked file.
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import { Scene } from '@babylonjs/core/scene';
import { TalkingPortrait } from '../../plugin/babylon';
import { NoFaceError, TalkingPortraitError, UnsupportedEngineError } from '../../plugin/core/errors';
import type { PortraitRigData } from '../../plugin/rig/PortraitRigData';
import { parseRigJson, serializeRig, type SerializedRig } from '../../plugin/rig/rigSerialization';
import { createEngine, type EngineKind } from '../../tests/support/engines';
import { loadImage } from './loadImage';

export type BakeEngine = EngineKind | 'auto';

/** One image to load: where the page fetches it, and how to name it in messages (the path the user gave). */
export interface BakeImage {
  url: string;
  name: string;
}

export interface BakeRequest {
  portrait: BakeImage;
  /** Extra shots of the same character (few-shot); see addShotsAsync. */
  shots: BakeImage[];
  engine: BakeEngine;
}

export type BakeResult =
  | { ok: true; json: string; engine: EngineKind; vertexCount: number; triangleCount: number; imageWidth: number; imageHeight: number }
  | { ok: false; name: string; message: string; image?: string };

/** A failure the user can act on: reported by name and message, never with a stack. */
class BakeFailure extends Error {
  constructor(readonly errorName: string, message: string, readonly image?: string) {
    super(message);
  }
}

/**
 * Where few-shot shots join the portrait: the one place to change when TalkingPortrait gains
 * `addShot` (and, in tools/rig/bake.mjs, FEW_SHOT_SUPPORTED turns true).
 */
async function addShotsAsync(_portrait: TalkingPortrait, shots: readonly BakeImage[]): Promise<void> {
  if (shots.length === 0) return;
  throw new BakeFailure('FewShotUnsupported', 'few-shot shots are not supported by this version yet: bake the portrait alone.');
}

async function openEngine(kind: BakeEngine): Promise<{ engine: AbstractEngine; kind: EngineKind }> {
  if (kind !== 'webgl2') {
    const adapter = navigator.gpu ? await navigator.gpu.requestAdapter() : null;
    if (adapter) {
      try {
        return { engine: await createEngine('webgpu'), kind: 'webgpu' };
      } catch (error) {
        if (kind === 'webgpu') throw error;
      }
    } else if (kind === 'webgpu') {
      throw new UnsupportedEngineError('this Chromium gives no WebGPU adapter (try --engine webgl2)');
    }
  }
  return { engine: await createEngine('webgl2'), kind: 'webgl2' };
}

/** Shortest decimal that reads back as the same float32: the rig's typed arrays lose nothing, the file gets smaller. */
function shortestFloat32(value: number): number {
  const target = Math.fround(value);
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(target.toPrecision(digits));
    if (Math.fround(candidate) === target) return candidate;
  }
  return target;
}

/** The serialized rig with every field that parseRig reads into a Float32Array written as short decimals. */
function compactFloats(serialized: SerializedRig, rig: PortraitRigData): SerializedRig {
  const out: Record<string, unknown> = { ...serialized };
  for (const [key, value] of Object.entries(rig)) {
    if (value instanceof Float32Array && key in out) out[key] = Array.from(value, shortestFloat32);
  }
  out.morphs = serialized.morphs.map((m) => (m ? { vertices: m.vertices, deltas: m.deltas.map(shortestFloat32) } : null));
  return out as unknown as SerializedRig;
}

/** True where `read` is what a game gets from the file for `built`: typed arrays exactly, plain numbers up to float32. */
function sameRig(built: unknown, read: unknown, path: string, differences: string[]): void {
  if (differences.length > 0) return;
  if (typeof built === 'number' && typeof read === 'number') {
    if (read !== built && read !== Math.fround(built)) differences.push(`${path}: ${built} became ${read}`);
  } else if (ArrayBuffer.isView(built) && ArrayBuffer.isView(read)) {
    const a = built as unknown as ArrayLike<number>, b = read as unknown as ArrayLike<number>;
    if (a.length !== b.length) differences.push(`${path}: ${a.length} values became ${b.length}`);
    for (let i = 0; i < a.length && differences.length === 0; i++) {
      if (a[i] !== b[i]) differences.push(`${path}[${i}]: ${a[i]} became ${b[i]}`);
    }
  } else if (typeof built === 'object' && built !== null && typeof read === 'object' && read !== null) {
    const keys = new Set([...Object.keys(built), ...Object.keys(read)]);
    for (const key of keys) sameRig((built as Record<string, unknown>)[key], (read as Record<string, unknown>)[key], `${path}.${key}`, differences);
  } else if (built !== read) {
    differences.push(`${path}: ${String(built)} became ${String(read)}`);
  }
}

/** Serializes the rig and checks that the text reads back as the same rig. */
function rigJson(rig: PortraitRigData): string {
  const json = `${JSON.stringify(compactFloats(serializeRig(rig), rig))}\n`;
  const differences: string[] = [];
  sameRig(rig, parseRigJson(json), 'rig', differences);
  if (differences.length > 0) throw new Error(`the serialized rig does not read back as the rig built (${differences[0]})`);
  return json;
}

async function bake(request: BakeRequest): Promise<BakeResult> {
  let engine: AbstractEngine | null = null;
  let scene: Scene | null = null;
  try {
    let image: HTMLImageElement;
    try {
      image = await loadImage(request.portrait.url);
    } catch {
      throw new BakeFailure('ImageDecodeError', `${request.portrait.name} could not be decoded as an image (PNG, JPEG or WebP).`, request.portrait.name);
    }
    const opened = await openEngine(request.engine);
    engine = opened.engine;
    scene = new Scene(engine);
    let portrait: TalkingPortrait;
    try {
      portrait = await TalkingPortrait.CreateAsync(scene, image);
    } catch (error) {
      if (error instanceof NoFaceError) {
        const described = new NoFaceError(`${request.portrait.name} (${image.naturalWidth}×${image.naturalHeight})`);
        throw new BakeFailure(described.name, described.message, request.portrait.name);
      }
      throw error;
    }
    await addShotsAsync(portrait, request.shots);
    const rig = portrait.rig.data; // carries the head-turn gains CreateAsync calibrated
    const json = rigJson(rig);
    portrait.dispose();
    return {
      ok: true,
      json,
      engine: opened.kind,
      vertexCount: rig.vertexCount,
      triangleCount: rig.indices.length / 3,
      imageWidth: rig.imageWidth,
      imageHeight: rig.imageHeight,
    };
  } catch (error) {
    if (error instanceof BakeFailure) return { ok: false, name: error.errorName, message: error.message, image: error.image };
    if (error instanceof TalkingPortraitError) return { ok: false, name: error.name, message: error.message };
    throw error;
  } finally {
    scene?.dispose();
    engine?.dispose();
  }
}

Object.assign(window, { bake, toolReady: true });
