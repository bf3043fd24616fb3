// A framed painting on a stand: the canvas shows a still portrait at first and a living one once it is made.
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial.js';
import type { BaseTexture } from '@babylonjs/core/Materials/Textures/baseTexture.js';
import { DynamicTexture } from '@babylonjs/core/Materials/Textures/dynamicTexture.js';
import { Texture } from '@babylonjs/core/Materials/Textures/texture.js';
import { Color3 } from '@babylonjs/core/Maths/math.color.js';
import { Vector3 } from '@babylonjs/core/Maths/math.vector.js';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder.js';
import { CreatePlane } from '@babylonjs/core/Meshes/Builders/planeBuilder.js';
import type { Mesh } from '@babylonjs/core/Meshes/mesh.js';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode.js';
import type { Scene } from '@babylonjs/core/scene.js';

/** Side of the painted canvas, metres: a head a little larger than life, readable from a few steps. */
export const CANVAS_SIZE = 1.0;
/** How far the frame reaches beyond the canvas on each side, metres. */
const FRAME_BORDER = 0.12;
/** The canvas's own colour while it shows no image: dark primed linen. */
const BARE_CANVAS = Color3.FromHexString('#2e261d');
/** Name plate texture size, pixels: wide and short for one line of text. */
const PLATE_TEXTURE = { width: 512, height: 96 } as const;

/** Where a painting stands and what it is called. */
export interface PaintingPlacement {
  readonly name: string;
  readonly x: number;
  readonly z: number;
  /** Centre height of the canvas, metres. */
  readonly height: number;
  /** Turn about y, radians; the canvas's front faces its local -z. */
  readonly yaw: number;
}

/** A painting in the scene: its canvas (for textures and frustum checks) and the way it faces. */
export class Painting {
  /** The painted surface; show textures on it with show(). */
  readonly canvas: Mesh;
  /** World centre of the canvas as [x, y, z], for look-at. */
  readonly centre: readonly [number, number, number];
  /** Unit normal of the canvas toward whoever looks at it, [x, y, z]. */
  readonly forward: readonly [number, number, number];
  private readonly _root: TransformNode;
  private readonly _material: StandardMaterial;
  private _still: Texture | null;
  private readonly _plate: StandardMaterial;

  /** `stillUrl` is shown until a living portrait is (null: bare dark canvas). */
  constructor(scene: Scene, placement: PaintingPlacement, stillUrl: string | null, frameMaterial: StandardMaterial) {
    const root = new TransformNode(`painting:${placement.name}`, scene);
    root.position.set(placement.x, 0, placement.z);
    root.rotation.y = placement.yaw;
    this._root = root;

    const frame = CreateBox('frame', { width: CANVAS_SIZE + 2 * FRAME_BORDER, height: CANVAS_SIZE + 2 * FRAME_BORDER, depth: 0.08 }, scene);
    frame.parent = root;
    frame.position.set(0, placement.height, 0.05);
    frame.material = frameMaterial;
    const post = CreateBox('post', { width: 0.12, height: placement.height, depth: 0.12 }, scene);
    post.parent = root;
    post.position.set(0, placement.height / 2, 0.12);
    post.material = frameMaterial;

    // Unlit: the portrait's own colours, as the studio shows them, whatever the sun does.
    const material = new StandardMaterial(`canvas:${placement.name}`, scene);
    material.disableLighting = true;
    material.fogEnabled = false;
    this._still = stillUrl === null ? null : new Texture(stillUrl, scene, { noMipmap: false });
    material.emissiveTexture = this._still;
    material.emissiveColor = this._still ? Color3.Black() : BARE_CANVAS;
    const canvas = CreatePlane('canvas', { size: CANVAS_SIZE }, scene);
    canvas.parent = root;
    canvas.position.set(0, placement.height, 0);
    canvas.material = material;
    this.canvas = canvas;
    this._material = material;

    const plate = CreatePlane('plate', { width: 0.9, height: 0.17 }, scene);
    plate.parent = root;
    plate.position.set(0, placement.height - CANVAS_SIZE / 2 - FRAME_BORDER - 0.14, 0);
    const text = new DynamicTexture(`plate:${placement.name}`, PLATE_TEXTURE, scene, true);
    text.drawText(placement.name, null, 64, 'bold 44px Georgia, serif', '#2b1d0e', '#d9c38f', true);
    const plateMaterial = new StandardMaterial(`plate:${placement.name}`, scene);
    plateMaterial.disableLighting = true;
    plateMaterial.emissiveTexture = text;
    plate.material = plateMaterial;
    this._plate = plateMaterial;

    this.centre = [placement.x, placement.height, placement.z];
    const forward = new Vector3(-Math.sin(placement.yaw), 0, -Math.cos(placement.yaw));
    this.forward = [forward.x, forward.y, forward.z];
  }

  /** Shows a living portrait's texture on the canvas (it stays its owner's to dispose). */
  show(texture: BaseTexture): void {
    this._material.emissiveTexture = texture;
    this._material.emissiveColor = Color3.Black();
    this._still?.dispose();
    this._still = null;
  }

  /** Shows a still image instead of the bare canvas (e.g. a portrait in which no face was found). */
  showStill(url: string): void {
    this._still?.dispose();
    this._still = new Texture(url, this._root.getScene(), { noMipmap: false });
    this._material.emissiveTexture = this._still;
    this._material.emissiveColor = Color3.Black();
  }

  /** Removes the painting from the scene with its materials and textures (a shown portrait stays its owner's). Safe twice. */
  dispose(): void {
    if (this._root.isDisposed()) return;
    this._material.emissiveTexture = null;
    this._still?.dispose();
    this._still = null;
    // Not the materials of the children: the frame's wood is shared by every painting.
    this._root.dispose(false, false);
    this._material.dispose();
    this._plate.dispose(false, true);
  }
}

/** The wood every frame and stand is made of. */
export function frameWood(scene: Scene): StandardMaterial {
  const wood = new StandardMaterial('frame-wood', scene);
  wood.diffuseColor = Color3.FromHexString('#5a3a1e');
  wood.specularColor = new Color3(0.15, 0.12, 0.08);
  return wood;
}
