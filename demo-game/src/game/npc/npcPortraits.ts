// Brings the NPCs' paintings to life one after another, nearest first, so the game is playable while faces are still being made.
import type { Scene } from '@babylonjs/core/scene.js';
import { Color3 } from '@babylonjs/core/Maths/math.color.js';
import { NoFaceError, TalkingPortrait, type TalkingPortraitOptions } from '../../../../plugin/index';
import { bakedRigFor } from '../../bakedRigs';
import { loadPortraitImage, type Portrait } from '../../portraits';
import type { Npc } from './Npc';

/** Texture size of an NPC's portrait, pixels: sharp on a painting a few steps away and in the dialogue panel, cheap to redraw. */
export const NPC_PORTRAIT_SIZE = 256;
/** What shows through a portrait's transparent background: dark painted canvas. */
export const CANVAS_BACKGROUND = Color3.FromHexString('#2e261d');

/** What happened to one NPC's portrait; `baked` when a rig baked ahead of time skipped face detection. */
export type PortraitOutcome =
  | { readonly npc: Npc; readonly ok: true; readonly ms: number; readonly baked: boolean }
  | { readonly npc: Npc; readonly ok: false; readonly error: NoFaceError };

/**
 * Makes a living portrait of one of the game's portrait files: with its baked rig when one fits the
 * image (no face detection, a fraction of a second), else by finding the face (seconds on a slow GPU).
 */
export async function createGamePortraitAsync(
  scene: Scene, portrait: Portrait, options: TalkingPortraitOptions,
): Promise<{ readonly portrait: TalkingPortrait; readonly baked: boolean }> {
  const image = await loadPortraitImage(portrait);
  const rig = await bakedRigFor(portrait.name, { width: image.naturalWidth, height: image.naturalHeight });
  const made = await TalkingPortrait.CreateAsync(scene, image, rig ? { ...options, rig } : options);
  return { portrait: made, baked: rig !== null };
}

/**
 * Makes each NPC's TalkingPortrait in turn and puts it on the painting. A portrait in which no face is
 * found keeps its still image; any other failure rejects. `onEach` hears of every outcome as it comes.
 */
export async function bringPortraitsToLife(
  scene: Scene, npcs: readonly Npc[], portraitFor: (npc: Npc) => Portrait, onEach: (outcome: PortraitOutcome) => void,
): Promise<void> {
  for (const npc of npcs) {
    const started = performance.now();
    try {
      const { portrait, baked } = await createGamePortraitAsync(scene, portraitFor(npc), {
        name: `portrait:${npc.definition.name}`, size: NPC_PORTRAIT_SIZE, matte: CANVAS_BACKGROUND,
      });
      npc.portrait = portrait;
      npc.painting.show(portrait.texture);
      onEach({ npc, ok: true, ms: performance.now() - started, baked });
    } catch (error) {
      if (!(error instanceof NoFaceError)) throw error;
      onEach({ npc, ok: false, error });
    }
  }
}
