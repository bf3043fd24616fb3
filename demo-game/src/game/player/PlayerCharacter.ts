// The player as a character: a living portrait of their own (from a dropped image), shown in a framed corner, alive and speaking their answers.
import type { Camera } from '@babylonjs/core/Cameras/camera.js';
import { Color3 } from '@babylonjs/core/Maths/math.color.js';
import type { Scene } from '@babylonjs/core/scene.js';
import {
  IdleMotion, MOUTH_CHANNELS, SpeechSource, TalkingPortrait, type TextToVisemes,
} from '../../../../plugin/index';
import { PortraitWindow } from '../dialogue/portraitWindow';
import { encodeOwnPortrait } from '../net/portraitToSend';
import type { FaceDriver, GameSystem } from '../seams';

/** Texture size of the player's portrait, pixels. */
const PLAYER_PORTRAIT_SIZE = 256;
/** What shows through a transparent background. */
const BACKGROUND = Color3.FromHexString('#1d2430');
/** Above the idle layers, as for the NPCs. */
const SPEECH_PRIORITY = 100;

/** The player's own face, once they have given one. */
export class PlayerCharacter implements GameSystem {
  /** The living portrait, or null before the player has given an image. */
  portrait: TalkingPortrait | null = null;
  /** The player's image as sent to other players (PNG or JPEG within the relay's limits), or null before they gave one. */
  ownImage: Uint8Array | null = null;
  private readonly _scene: Scene;
  private readonly _window: PortraitWindow;
  private readonly _life = new IdleMotion({ seed: 5 });
  private _speech: SpeechSource | null = null;
  private _driver: FaceDriver | null = null;
  private readonly _frame: HTMLElement;
  private readonly _onResize = () => this.place();

  constructor(scene: Scene, camera: Camera, frame: HTMLElement) {
    this._scene = scene;
    this._window = new PortraitWindow(scene, camera, 'player');
    this._frame = frame;
    window.addEventListener('resize', this._onResize);
  }

  /** Makes the player's portrait from `image` (NoFaceError when it holds no face; the old one stays then). */
  async setImageAsync(image: ImageBitmap, name: string): Promise<void> {
    const next = await TalkingPortrait.CreateAsync(this._scene, image, { name: `player:${name}`, size: PLAYER_PORTRAIT_SIZE, matte: BACKGROUND });
    this.portrait?.dispose();
    this.portrait = next;
    this.ownImage = await encodeOwnPortrait(image);
    this._frame.hidden = false;
    this._window.show(next.texture);
    this.place();
  }

  /** Hands the face to a driver (the webcam), or back to idle life with null. The driver stays the caller's to dispose. */
  setFaceDriver(driver: FaceDriver | null): void {
    this._driver = driver;
  }

  /** The driver given with setFaceDriver, or null. */
  get faceDriver(): FaceDriver | null {
    return this._driver;
  }

  /** The player says `text` with their portrait's lips (silently: the NPCs' voice is the browser's). */
  say(text: string, textToVisemes: TextToVisemes): void {
    if (!this.portrait) return;
    if (!this._speech) {
      this._speech = new SpeechSource(textToVisemes);
      this._life.addLayer(this._speech, { priority: SPEECH_PRIORITY, mask: MOUTH_CHANNELS });
    }
    void this._speech.say(text);
  }

  /** Lines the portrait window up with the page's frame element (its CSS box, in render pixels). */
  place(): void {
    const canvas = this._scene.getEngine().getRenderingCanvas();
    if (!canvas || this._frame.hidden) return;
    const pixels = this._scene.getEngine().getRenderWidth() / canvas.clientWidth;
    const box = this._frame.getBoundingClientRect();
    const origin = canvas.getBoundingClientRect();
    const border = this._frame.clientLeft;
    this._window.place((box.left - origin.left + border) * pixels, (box.top - origin.top + border) * pixels, this._frame.clientWidth * pixels);
  }

  update(timeMs: number): void {
    const portrait = this.portrait;
    if (!portrait) return;
    const controls = portrait.controls;
    controls.reset();
    if (this._driver?.drive(timeMs, controls)) return;
    this._life.sample(timeMs, controls);
  }

  dispose(): void {
    window.removeEventListener('resize', this._onResize);
    this.portrait?.dispose();
    this.portrait = null;
    this._window.dispose();
  }
}
