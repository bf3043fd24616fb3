// The face the local player sends: their own portrait's controls when they have one, else idle life, so players without a camera still move.
import { FaceControls, IdleMotion } from '../../../../plugin/index';
import type { PlayerCharacter } from '../player/PlayerCharacter';

/** Seed of the stand-in life of a player without a portrait: any fixed number, different from the NPCs'. */
const STAND_IN_SEED = 97;

/** Reads the local player's face each frame into one reused FaceControls. */
export class LocalFace {
  private readonly _standIn = new IdleMotion({ seed: STAND_IN_SEED });
  private readonly _face = new FaceControls();

  constructor(private readonly _character: PlayerCharacter) {}

  /**
   * This moment's face: what the player's portrait shows (a webcam, their life, their speech, already
   * written this frame by PlayerCharacter.update); without a portrait, the webcam when it sees a face,
   * else stand-in idle life. The object is reused.
   */
  sample(timeMs: number): FaceControls {
    const portrait = this._character.portrait;
    if (portrait) {
      this._face.copyFrom(portrait.controls);
    } else {
      this._face.reset();
      if (!this._character.faceDriver?.drive(timeMs, this._face)) this._standIn.sample(timeMs, this._face);
    }
    return this._face;
  }
}
