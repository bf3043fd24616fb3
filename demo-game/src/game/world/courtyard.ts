// The place the game happens in: a walled courtyard with a fountain, lit softly, and where things stand in it.
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight.js';
import { DirectionalLight } from '@babylonjs/core/Lights/directionalLight.js';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial.js';
import { Color3, Color4 } from '@babylonjs/core/Maths/math.color.js';
import { Vector3 } from '@babylonjs/core/Maths/math.vector.js';
import { CreateCylinder } from '@babylonjs/core/Meshes/Builders/cylinderBuilder.js';
import { CreateDisc } from '@babylonjs/core/Meshes/Builders/discBuilder.js';
import { Mesh } from '@babylonjs/core/Meshes/mesh.js';
import { CreateTorus } from '@babylonjs/core/Meshes/Builders/torusBuilder.js';
import { Scene } from '@babylonjs/core/scene.js';

/** Radius of the walled courtyard, metres. */
export const COURTYARD_RADIUS = 10;
/** Radius of the fountain in the middle, metres. */
export const FOUNTAIN_RADIUS = 1.1;
/** The paintings stand on this circle, facing the middle. */
export const PAINTING_RING_RADIUS = 6.5;
/** Height of a painting's centre: a standing person's eye level, so faces meet eyes. */
export const PAINTING_HEIGHT = 1.65;
/** Wall segments around the yard; enough to read as round. */
const WALL_TESSELLATION = 48;

function colour(scene: Scene, name: string, hex: string): StandardMaterial {
  const material = new StandardMaterial(name, scene);
  material.diffuseColor = Color3.FromHexString(hex);
  material.specularColor = new Color3(0.05, 0.05, 0.05);
  return material;
}

/** Builds the courtyard into `scene`: sky colour and fog, lights, ground, wall and fountain. */
export function createCourtyard(scene: Scene): void {
  scene.clearColor = new Color4(0.42, 0.55, 0.72, 1);
  scene.ambientColor = new Color3(0.3, 0.3, 0.3);
  scene.fogMode = Scene.FOGMODE_EXP2;
  scene.fogDensity = 0.018;
  scene.fogColor = new Color3(0.42, 0.55, 0.72);
  const sky = new HemisphericLight('sky', new Vector3(0, 1, 0), scene);
  sky.intensity = 0.75;
  sky.groundColor = new Color3(0.35, 0.3, 0.25);
  const sun = new DirectionalLight('sun', new Vector3(-0.4, -1, 0.5), scene);
  sun.intensity = 0.55;

  const ground = CreateDisc('ground', { radius: COURTYARD_RADIUS + 4, tessellation: WALL_TESSELLATION }, scene);
  ground.rotation.x = Math.PI / 2;
  ground.material = colour(scene, 'cobbles', '#7d7566');

  // An open tube seen from inside: no caps, and its inner side is the front.
  const wall = CreateCylinder('wall', {
    height: 2.4, diameter: COURTYARD_RADIUS * 2 + 0.6, tessellation: WALL_TESSELLATION, cap: Mesh.NO_CAP, sideOrientation: Mesh.BACKSIDE,
  }, scene);
  wall.position.y = 1.2;
  wall.material = colour(scene, 'stone', '#a59b86');

  const basin = CreateCylinder('fountain', { height: 0.6, diameter: FOUNTAIN_RADIUS * 2, tessellation: 32 }, scene);
  basin.position.y = 0.3;
  basin.material = colour(scene, 'basin', '#8f8a80');
  const water = CreateDisc('water', { radius: FOUNTAIN_RADIUS - 0.12, tessellation: 32 }, scene);
  water.rotation.x = Math.PI / 2;
  water.position.y = 0.58;
  water.material = colour(scene, 'water', '#3f6f96');
  const rim = CreateTorus('rim', { diameter: FOUNTAIN_RADIUS * 2 - 0.06, thickness: 0.12, tessellation: 32 }, scene);
  rim.position.y = 0.6;
  rim.material = basin.material;
  const pillar = CreateCylinder('pillar', { height: 1.4, diameter: 0.25 }, scene);
  pillar.position.y = 1.1;
  pillar.material = basin.material;
}

/** Where NPC `index` of `count` stands: on the ring, the first straight ahead of the player's start (+z). */
export function paintingPlace(index: number, count: number): { readonly x: number; readonly z: number; readonly yaw: number } {
  const angle = (index / count) * Math.PI * 2;
  const x = Math.sin(angle) * PAINTING_RING_RADIUS;
  const z = Math.cos(angle) * PAINTING_RING_RADIUS;
  // A plane's front faces its local -z; turning +z away from the middle turns the front toward it.
  return { x, z, yaw: angle };
}
