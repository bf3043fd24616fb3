// Brings the NPCs' paintings to life one after another, nearest first, so the game is playable while faces are still being made.
import type { Scene } from '@babylonjs/core/scene.js';
import { Color3 } from '@babylonjs/core/Maths/math.color.js';
import { NoFaceError, TalkingPortrait } from '../../../../plugin/index';
import { loadPortraitImage, type Portrait } from '../../portraits';
import type { Npc } from './Npc';

/** Texture size of an NPC's portrait, pixels: sharp on a painting a few steps away and in the dialogue panel, cheap to redraw. */
export const NPC_PORTRAIT_SIZE = 256;
/** What shows through a portrait's transparent background: dark painted canvas. */
const CANVAS_BACKGROUND = Color3.FromHexString('#2e261d');

/** What happened to one NPC's portrait. */
export type PortraitOutcome = { readonly npc: Npc; readonly ok: true; readonly ms: number } | { readonly npc: Npc; readonly ok: false; readonly error: NoFaceError };

/**
 * Makes each NPC's TalkingPortrait in turn (face detection and rigging happen once per portrait)
 * and puts it on the painting. A portrait in which no face is found keeps its still image; any
 * other failure rejects. `onEach` hears of every outcome as it comes.
 */
export async function bringPortraitsToLife(
  scene: Scene, npcs: readonly Npc[], portraitFor: (npc: Npc) => Portrait, onEach: (outcome: PortraitOutcome) => void,
): Promise<void> {
  for (const npc of npcs) {
    const started = performance.now();
    try {
      const image = await loadPortraitImage(portraitFor(npc));
      const portrait = await TalkingPortrait.CreateAsync(scene, image, {
        name: `portrait:${npc.definition.name}`, size: NPC_PORTRAIT_SIZE, matte: CANVAS_BACKGROUND,
      });
      npc.portrait = portrait;
      npc.painting.show(portrait.texture);
      onEach({ npc, ok: true, ms: performance.now() - started });
    } catch (error) {
      if (!(error instanceof NoFaceError)) throw error;
      onEach({ npc, ok: false, error });
    }
  }
}
