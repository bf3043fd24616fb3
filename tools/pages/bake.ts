// The page behind `npm run bake` (tools/rig/bake.mjs): makes a TalkingPortrait from the image
// exactly as a game would at run time (detection, rigging and whatever else CreateAsync does at
// creation), and hands its rig back as the JSON text of the baked file.
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import { Scene } from '@babylonjs/core/scene';
import { TalkingPortrait } from '../../plugin/babylon';
import { NoFaceError, TalkingPortraitError, UnsupportedEngineError } from '../../plugin/core/errors';
import { serializeRig } from '../../plugin/rig/rigSerialization';
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
 * Where few-shot shots would join a baked portrait. A rig file holds no shot pixels, so the game
 * adds shots at run time (TalkingPortrait.addShotAsync); tools/rig/bake.mjs refuses them first.
 */
async function addShotsAsync(_portrait: TalkingPortrait, shots: readonly BakeImage[]): Promise<void> {
  if (shots.length === 0) return;
  throw new BakeFailure('ShotsNotBaked', 'a rig file holds the portrait alone: add few-shot shots in the game with TalkingPortrait.addShotAsync.');
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
    await addShotsAsync(portrait, request.shots);
    const rig = portrait.rig.data; // carries the head-turn gains CreateAsync calibrated
    const json = `${JSON.stringify(serializeRig(rig))}\n`;
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
