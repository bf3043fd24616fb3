// Where the parts still being built plug in: a face driver (the webcam), remote players (multiplayer), per-portrait levels (budget).
import type { FaceControls, TalkingPortrait } from '../../../plugin/index';

/**
 * Drives the player's own face instead of idle life. The webcam (plugin/capture, once exported)
 * plugs in here: PlayerCharacter.setFaceDriver(driver). Returns false when it has nothing this
 * frame (face lost), so idle life carries on.
 */
export interface FaceDriver {
  drive(timeMs: number, out: FaceControls): boolean;
  dispose(): void;
}

/**
 * Anything the game updates once per frame before the scene renders: the NPCs, the conversation,
 * and later the multiplayer room (other players with their live faces, from plugin/net + server/).
 * Register with Game.addSystem.
 */
export interface GameSystem {
  update(timeMs: number, deltaMs: number): void;
  dispose(): void;
}

/** One portrait's level as the stats overlay shows it. */
export interface PortraitLevel {
  /** Texture side in pixels. */
  readonly size: number;
  /** Redraws per second. */
  readonly rateHz: number;
}

/**
 * Where the stats overlay learns each portrait's level. Today the game measures what it drives
 * (frames in which it wrote the controls); when PortraitSystem reports per-portrait levels from
 * its budget, a reader over those replaces it.
 */
export type PortraitLevelReader = (portrait: TalkingPortrait, drivenFramesPerSecond: number) => PortraitLevel;
