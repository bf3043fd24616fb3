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
  /** The budget's ladder level (0 best, -1 frozen off screen), or null where the reader does not know it. */
  readonly level: number | null;
}

/**
 * Where the stats overlay learns each portrait's level: `redrawsPerSecond` is what the overlay counted
 * since its last refresh. The default reads the PortraitSystem's own figures (portrait.stats, rewritten
 * by the budget each frame); a game may pass another reader.
 */
export type PortraitLevelReader = (portrait: TalkingPortrait, redrawsPerSecond: number) => PortraitLevel;

/** A portrait the stats overlay lists: an NPC, a remote player, the player's own. */
export interface StatsRow {
  readonly name: string;
  /** Null while it is still a still image. */
  readonly portrait: TalkingPortrait | null;
  /** A short note after the rate, e.g. 'looking'; '' for none. */
  readonly note: string;
}
