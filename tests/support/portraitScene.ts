import { afterAll, beforeAll } from 'vitest';
import { Scene } from '@babylonjs/core/scene';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import { FaceTracker } from '../../plugin/capture/FaceTracker';
import { createEngine, type EngineKind } from './engines';

/** What a describe block of portrait tests shares: an engine, a scene on it, and the embedded face tracker. */
export interface PortraitScene {
  engine: AbstractEngine;
  scene: Scene;
  tracker: FaceTracker;
}

/** Makes a PortraitScene on an engine of `kind` before the block's tests and disposes it after them. */
export function usePortraitScene(kind: EngineKind): PortraitScene {
  const made = {} as PortraitScene;
  beforeAll(async () => {
    made.engine = await createEngine(kind);
    made.scene = new Scene(made.engine);
    made.tracker = await FaceTracker.CreateAsync();
  });
  afterAll(() => {
    made.scene?.dispose();
    made.engine?.dispose();
    made.tracker?.dispose();
  });
  return made;
}
