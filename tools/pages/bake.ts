// The page behind `npm run bake` (tools/rig/bake.mjs): makes a TalkingPortrait from the image
// exactly as a game would at run time (detection, rigging and whatever else CreateAsync does at
// creation), and hands its rig back as the JSON text of the baked file.
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import { Scene } from '@babylonjs/core/scene';
import { PortraitSystem, TalkingPortrait } from '../../plugin/babylon';
import { NoFaceError, TalkingPortraitError, UnsupportedEngineError } from '../../plugin/core/errors';
import type { BakedShot, PortraitRigData } from '../../plugin/rig/PortraitRigData';
import { serializeRig } from '../../plugin/rig/rigSerialization';
import { buildPortraitShot } from '../../plugin/rig/shots/PortraitShot';
import { shotContentFromName } from '../eval/fewShot';
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
  /** Extra shots of the same character (few-shot); see bakeShotsAsync. */
  shots: BakeImage[];
  engine: BakeEngine;
}

/** What a baked shot was found to show. */
export interface BakedShotReport {
  name: string;
  eyesClosed: boolean;
  mouthOpen: boolean;
}

export type BakeResult =
  | { ok: true; json: string; engine: EngineKind; vertexCount: number; triangleCount: number; imageWidth: number; imageHeight: number; shots: BakedShotReport[] }
  | { ok: false; name: string; message: string; image?: string };

/** A failure the user can act on: reported by name and message, never with a stack. */
class BakeFailure extends Error {
  constructor(readonly errorName: string, message: string, readonly image?: string) {
    super(message);
  }
}

/**
 * Finds the face in each few-shot shot and keeps its landmarks for the rig file, so the game maps
 * the shot's image without a face detector. A shot whose file name says "eyes-closed" or
 * "mouth-open" is taken to show that (as `npm run eval` reads shots).
 */
async function bakeShotsAsync(scene: Scene, rig: PortraitRigData, shots: readonly BakeImage[]): Promise<{ baked: BakedShot[]; reports: BakedShotReport[] }> {
  const baked: BakedShot[] = [];
  const reports: BakedShotReport[] = [];
  if (shots.length === 0) return { baked, reports };
  const tracker = await PortraitSystem.Get(scene).getTrackerAsync();
  for (const shot of shots) {
    let image: HTMLImageElement;
    try {
      image = await loadImage(shot.url);
    } catch {
      throw new BakeFailure('ImageDecodeError', `${shot.name} could not be decoded as an image (PNG, JPEG or WebP).`, shot.name);
    }
    let landmarks: Float32Array;
    try {
      landmarks = (await tracker.detectImage(image)).landmarks;
    } catch (error) {
      if (!(error instanceof NoFaceError)) throw error;
      const described = new NoFaceError(`the shot ${shot.name} (${image.naturalWidth}×${image.naturalHeight})`);
      throw new BakeFailure(described.name, described.message, shot.name);
    }
    const content = shotContentFromName(shot.name);
    const mapped = buildPortraitShot(rig, landmarks, image.naturalWidth, image.naturalHeight, content);
    baked.push({
      imageWidth: image.naturalWidth,
      imageHeight: image.naturalHeight,
      landmarks: Float32Array.from(landmarks),
      ...(content.eyesClosed !== undefined ? { eyesClosed: content.eyesClosed } : {}),
      ...(content.mouthOpen !== undefined ? { mouthOpen: content.mouthOpen } : {}),
    });
    reports.push({ name: shot.name, eyesClosed: mapped.eyesClosed, mouthOpen: mapped.mouthOpen });
  }
  return { baked, reports };
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
    const rig = portrait.rig.data; // carries the head-turn gains CreateAsync calibrated
    const shots = await bakeShotsAsync(scene, rig, request.shots);
    const json = `${JSON.stringify(serializeRig(shots.baked.length > 0 ? { ...rig, shots: shots.baked } : rig))}\n`;
    portrait.dispose();
    return {
      ok: true,
      json,
      engine: opened.kind,
      vertexCount: rig.vertexCount,
      triangleCount: rig.indices.length / 3,
      imageWidth: rig.imageWidth,
      imageHeight: rig.imageHeight,
      shots: shots.reports,
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
