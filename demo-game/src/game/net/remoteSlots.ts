// Where remote players' paintings stand: an inner ring around the fountain, the first two in view of the player's start.
import { PAINTING_HEIGHT } from '../world/courtyard';
import type { PaintingPlacement } from '../world/painting';

/** Slot angles (degrees clockwise from +z) and radii (metres). ±14° at 5 m are inside the view from the start, beside the first NPC. */
const SLOTS: readonly { readonly angleDeg: number; readonly radius: number }[] = [
  { angleDeg: 14, radius: 5 }, { angleDeg: -14, radius: 5 },
  // Between the NPCs' paintings (every 45°), in front of the gaps.
  { angleDeg: 67.5, radius: 4.5 }, { angleDeg: -67.5, radius: 4.5 },
  { angleDeg: 112.5, radius: 4.5 }, { angleDeg: -112.5, radius: 4.5 },
  { angleDeg: 157.5, radius: 4.5 }, { angleDeg: -157.5, radius: 4.5 },
  // The relay holds 16 players: the rest stand nearer the fountain.
  { angleDeg: 40, radius: 3 }, { angleDeg: -40, radius: 3 }, { angleDeg: 90, radius: 3 }, { angleDeg: -90, radius: 3 },
  { angleDeg: 140, radius: 3 }, { angleDeg: -140, radius: 3 }, { angleDeg: 180, radius: 3 },
];

/** How many remote players have a place of their own; more share the last one. */
export const REMOTE_SLOT_COUNT = SLOTS.length;

/** The painting placement of slot `index`, facing the fountain like the NPCs' paintings. */
export function remoteSlot(index: number, name: string): PaintingPlacement {
  const slot = SLOTS[Math.min(index, SLOTS.length - 1)];
  const angle = (slot.angleDeg * Math.PI) / 180;
  return { name, x: Math.sin(angle) * slot.radius, z: Math.cos(angle) * slot.radius, height: PAINTING_HEIGHT, yaw: angle };
}
