// Walks the first-person camera through the courtyard from the player's input, at a speed in metres per second.
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera.js';
import { Vector3 } from '@babylonjs/core/Maths/math.vector.js';
import type { Scene } from '@babylonjs/core/scene.js';
import type { PlayerInput } from './playerInput';
import type { GroundPoint, WalkArea } from './walkArea';

/** Height of the player's eyes, metres. */
export const EYE_HEIGHT = 1.65;
/** Walking speed, metres per second: a brisk stroll. */
const WALK_SPEED = 2.6;
/** Turning speed with the arrow keys, radians per second. */
const TURN_SPEED = 1.8;
/** Looking up or down stops here, radians, short of straight up or down. */
const MAX_PITCH = 1.2;
/** A slow frame moves the player at most this long, seconds, so a stall never teleports anyone. */
const MAX_STEP_S = 0.1;

/** Scratch: the player's ground position while it is moved and confined. */
const ground: GroundPoint = { x: 0, z: 0 };

/** The player's eyes: a camera that the input walks and turns, kept inside the walk area. */
export class PlayerController {
  readonly camera: FreeCamera;
  /** Set false while a dialogue holds the player still. */
  enabled = true;
  private readonly _input: PlayerInput;
  private readonly _area: WalkArea;
  private _yaw: number;
  private _pitch = 0;

  constructor(scene: Scene, input: PlayerInput, area: WalkArea, start: { x: number; z: number; yaw: number }) {
    this.camera = new FreeCamera('player', new Vector3(start.x, EYE_HEIGHT, start.z), scene);
    this.camera.minZ = 0.05;
    this.camera.maxZ = 200;
    this._input = input;
    this._area = area;
    this._yaw = start.yaw;
    this._apply();
  }

  /** Per frame: reads the input and moves the camera. */
  update(deltaMs: number): void {
    const input = this._input;
    const step = Math.min(deltaMs / 1000, MAX_STEP_S);
    this._yaw += input.pendingYaw + input.turnKeys * TURN_SPEED * step;
    this._pitch = Math.max(-MAX_PITCH, Math.min(MAX_PITCH, this._pitch + input.pendingPitch));
    input.pendingYaw = input.pendingPitch = 0;
    if (this.enabled && (input.forward !== 0 || input.right !== 0)) {
      const sin = Math.sin(this._yaw);
      const cos = Math.cos(this._yaw);
      const distance = WALK_SPEED * step;
      ground.x = this.camera.position.x + (sin * input.forward + cos * input.right) * distance;
      ground.z = this.camera.position.z + (cos * input.forward - sin * input.right) * distance;
      this._area.confine(ground);
      this.camera.position.x = ground.x;
      this.camera.position.z = ground.z;
    }
    this._apply();
  }

  private _apply(): void {
    this.camera.rotation.x = this._pitch;
    this.camera.rotation.y = this._yaw;
  }
}
