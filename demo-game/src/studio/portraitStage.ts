import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine.js';
import { Camera } from '@babylonjs/core/Cameras/camera.js';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera.js';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial.js';
import type { BaseTexture } from '@babylonjs/core/Materials/Textures/baseTexture.js';
import { Texture } from '@babylonjs/core/Materials/Textures/texture.js';
import { Color3 } from '@babylonjs/core/Maths/math.color.js';
import { Vector3 } from '@babylonjs/core/Maths/math.vector.js';
import type { Mesh } from '@babylonjs/core/Meshes/mesh.js';
import { CreatePlane } from '@babylonjs/core/Meshes/Builders/planeBuilder.js';
import { Scene } from '@babylonjs/core/scene.js';

/** The stage's backdrop; portraits with transparency are laid on it (TalkingPortrait's `matte`). */
export const STAGE_BACKGROUND = Color3.FromHexString('#0c0d10');

/**
 * A Babylon scene that shows one texture on a unit plane filling a square canvas: the
 * simplest way to show a portrait the way a game would, through an ordinary material.
 */
export class PortraitStage {
  readonly scene: Scene;
  private readonly _material: StandardMaterial;
  private readonly _plane: Mesh;
  private _still: Texture | null = null;
  private readonly _onResize = () => this.scene.getEngine().resize();

  constructor(engine: AbstractEngine) {
    const scene = new Scene(engine);
    scene.clearColor = STAGE_BACKGROUND.toColor4(1);
    // Orthographic and head-on, so one texel of a 512 px portrait is one pixel of a 512 px canvas.
    const camera = new FreeCamera('camera', new Vector3(0, 0, -1), scene);
    camera.setTarget(Vector3.Zero());
    camera.mode = Camera.ORTHOGRAPHIC_CAMERA;
    camera.orthoLeft = camera.orthoBottom = -0.5;
    camera.orthoRight = camera.orthoTop = 0.5;
    camera.minZ = 0.1;
    camera.maxZ = 10;
    // Unlit: the portrait's own colours (the emissive texture), not the scene's lighting.
    const material = new StandardMaterial('portrait', scene);
    material.disableLighting = true;
    const plane = CreatePlane('portrait', { size: 1 }, scene);
    plane.material = material;
    this.scene = scene;
    this._material = material;
    this._plane = plane;
    engine.runRenderLoop(() => scene.render());
    window.addEventListener('resize', this._onResize);
  }

  /** Shows a living portrait's texture (or nothing). The texture stays its owner's to dispose. */
  show(texture: BaseTexture | null): void {
    this._swap(texture, null);
  }

  /** Shows a plain image, e.g. a portrait the plugin could not find a face in. */
  showStill(url: string): void {
    const still = new Texture(url, this.scene, { noMipmap: true });
    // Any image may land here, not only square portraits: fit it without stretching.
    still.onLoadObservable.addOnce(() => {
      if (this._still !== still) return;
      const { width, height } = still.getBaseSize();
      const longest = Math.max(width, height);
      this._plane.scaling.set(width / longest, height / longest, 1);
    });
    this._swap(still, still);
  }

  dispose(): void {
    window.removeEventListener('resize', this._onResize);
    this._swap(null, null);
    this.scene.getEngine().stopRenderLoop();
    this.scene.dispose();
  }

  /** The still image, when one is shown, is the stage's own texture: freed when replaced. */
  private _swap(texture: BaseTexture | null, still: Texture | null): void {
    this._material.emissiveTexture = texture;
    // A living portrait comes laid on STAGE_BACKGROUND; a still keeps its own transparency.
    this._material.opacityTexture = still;
    this._plane.scaling.set(1, 1, 1);
    this._still?.dispose();
    this._still = still;
  }
}
