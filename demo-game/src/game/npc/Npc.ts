// One NPC: its painting, its living portrait once made, and its life: idle motion, speech, and eyes that find the player.
import type { Camera } from '@babylonjs/core/Cameras/camera.js';
import {
  IdleMotion, MOUTH_CHANNELS, SpeechSource, lookAtAngles, type LookAngles, type TalkingPortrait, type TextToVisemes,
} from '../../../../plugin/index';
import type { Painting } from '../world/painting';
import type { NpcDefinition } from './npcCast';

/** Within this distance, metres, an NPC looks at the player. */
export const LOOK_DISTANCE = 4.5;
/** Beyond this angle off the painting's normal the player is too far to the side to be looked at. */
const LOOK_MAX_ANGLE = (75 * Math.PI) / 180;
/** Above every idle layer, so the speaking mouth owns the mouth channels. */
const SPEECH_PRIORITY = 100;

/** Scratch for look-at, shared by every NPC: drive() runs each frame and allocates nothing. */
const look: LookAngles = { yaw: 0, pitch: 0 };
const eye = [0, 0, 0];
const UP = [0, 1, 0] as const;

/** An NPC of the courtyard. */
export class Npc {
  readonly definition: NpcDefinition;
  readonly painting: Painting;
  readonly life: IdleMotion;
  /** The living portrait; null until it has been made (the painting shows the still image meanwhile). */
  portrait: TalkingPortrait | null = null;
  /** The NPC's speech; null until the pronouncing dictionary has loaded (attachSpeech). */
  speech: SpeechSource | null = null;
  /** True while the player stands near enough to be looked at. */
  lookingAtPlayer = false;

  constructor(definition: NpcDefinition, painting: Painting) {
    this.definition = definition;
    this.painting = painting;
    this.life = new IdleMotion({ seed: definition.seed });
  }

  /** Gives the NPC a voice for its mouth, sharing the game's text-to-visemes pipeline. */
  attachSpeech(textToVisemes: TextToVisemes): SpeechSource {
    if (!this.speech) {
      this.speech = new SpeechSource(textToVisemes);
      this.life.addLayer(this.speech, { priority: SPEECH_PRIORITY, mask: MOUTH_CHANNELS });
    }
    return this.speech;
  }

  /** Distance on the ground from the painting to a point, metres. */
  groundDistanceTo(x: number, z: number): number {
    return Math.hypot(x - this.painting.centre[0], z - this.painting.centre[2]);
  }

  /**
   * Per frame: turns the eyes toward the camera when it is near and in front, and writes this
   * moment's face into the portrait's controls when the painting is on screen or talking
   * (an unchanged face is not redrawn, so an unseen painting costs nothing).
   */
  drive(timeMs: number, camera: Camera, talking: boolean): void {
    const position = camera.globalPosition;
    eye[0] = position.x;
    eye[1] = position.y;
    eye[2] = position.z;
    lookAtAngles(this.painting.centre, this.painting.forward, UP, eye, look, true);
    const near = this.groundDistanceTo(eye[0], eye[2]) < LOOK_DISTANCE && Math.abs(look.yaw) < LOOK_MAX_ANGLE;
    if (near) this.life.setLookAtDirection(look.yaw, look.pitch);
    else if (this.lookingAtPlayer) this.life.clearLookAt();
    this.lookingAtPlayer = near;
    const portrait = this.portrait;
    if (!portrait || (!talking && !camera.isInFrustum(this.painting.canvas))) return;
    portrait.controls.reset();
    this.life.sample(timeMs, portrait.controls);
  }
}
