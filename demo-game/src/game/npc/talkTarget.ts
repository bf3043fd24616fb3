// Which NPC the player can talk to now: the nearest one close enough and in front of the player's eyes.
import type { Camera } from '@babylonjs/core/Cameras/camera.js';
import { Vector3 } from '@babylonjs/core/Maths/math.vector.js';
import type { Npc } from './Npc';

/** Talk range on the ground, metres: a couple of steps from the painting. */
export const TALK_DISTANCE = 2.4;
/** The painting must be within about 50° of where the player looks. */
const MIN_FACING_COSINE = 0.64;

/** Scratch for the camera's forward direction. */
const forward = new Vector3();
/** The camera's local forward in Babylon's default left-handed frame. */
const FORWARD_LH = new Vector3(0, 0, 1);

/** The NPC to talk to, or null. Allocates nothing. */
export function talkTarget(npcs: readonly Npc[], camera: Camera): Npc | null {
  camera.getDirectionToRef(FORWARD_LH, forward);
  const eye = camera.globalPosition;
  let best: Npc | null = null;
  let bestDistance = TALK_DISTANCE;
  for (const npc of npcs) {
    const distance = npc.groundDistanceTo(eye.x, eye.z);
    if (distance >= bestDistance) continue;
    const dx = npc.painting.centre[0] - eye.x;
    const dz = npc.painting.centre[2] - eye.z;
    const facing = (forward.x * dx + forward.z * dz) / (Math.hypot(forward.x, forward.z) * distance || 1);
    if (facing < MIN_FACING_COSINE) continue;
    best = npc;
    bestDistance = distance;
  }
  return best;
}
