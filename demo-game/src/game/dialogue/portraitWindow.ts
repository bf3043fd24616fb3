// A living portrait shown flat on the screen at a given pixel rectangle: a plane riding in front of the camera, drawn over the world.
import type { Camera } from '@babylonjs/core/Cameras/camera.js';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial.js';
import type { BaseTexture } from '@babylonjs/core/Materials/Textures/baseTexture.js';
import { CreatePlane } from '@babylonjs/core/Meshes/Builders/planeBuilder.js';
import type { Mesh } from '@babylonjs/core/Meshes/mesh.js';
import type { Scene } from '@babylonjs/core/scene.js';

/** Drawn after the world (whose depth is cleared before this group), so walls never cover it. */
const OVERLAY_RENDERING_GROUP = 2;
/** Distance of the plane in front of the eye, metres: beyond the camera's near plane. */
const PLANE_DISTANCE = 0.5;

/**
 * Shows a texture (a TalkingPortrait's) in a screen rectangle given in render pixels, e.g. the
 * frame the GUI dialogue panel leaves open for it. GUI controls cannot sample a GPU texture, so
 * the portrait rides in front of the camera and the GUI draws its frame around it.
 */
export class PortraitWindow {
  private readonly _plane: Mesh;
  private readonly _material: StandardMaterial;
  private readonly _camera: Camera;

  constructor(scene: Scene, camera: Camera, name: string) {
    const material = new StandardMaterial(`window:${name}`, scene);
    material.disableLighting = true;
    material.fogEnabled = false;
    const plane = CreatePlane(`window:${name}`, { size: 1 }, scene);
    plane.material = material;
    plane.parent = camera;
    plane.renderingGroupId = OVERLAY_RENDERING_GROUP;
    plane.isPickable = false;
    plane.setEnabled(false);
    this._plane = plane;
    this._material = material;
    this._camera = camera;
  }

  /** Shows `texture` (null hides the window). The texture stays its owner's. */
  show(texture: BaseTexture | null): void {
    this._material.emissiveTexture = texture;
    this._plane.setEnabled(texture !== null);
  }

  /** Puts the window at a square of `size` render pixels whose top-left corner is (left, top). */
  place(left: number, top: number, size: number): void {
    const engine = this._camera.getEngine();
    const width = engine.getRenderWidth();
    const height = engine.getRenderHeight();
    // The camera's vertical field of view spans the render height at PLANE_DISTANCE.
    const metresPerPixel = (2 * PLANE_DISTANCE * Math.tan(this._camera.fov / 2)) / height;
    const x = (left + size / 2 - width / 2) * metresPerPixel;
    const y = (height / 2 - (top + size / 2)) * metresPerPixel;
    this._plane.position.set(x, y, PLANE_DISTANCE);
    this._plane.scaling.set(size * metresPerPixel, size * metresPerPixel, 1);
  }

  dispose(): void {
    this._plane.dispose();
    this._material.dispose();
  }
}
