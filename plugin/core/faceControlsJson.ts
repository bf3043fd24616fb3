import { ARKIT_BLENDSHAPE_NAMES, BLENDSHAPE_COUNT, isBlendshapeName, type BlendshapeName } from './arkitBlendshapes';
import { closestName } from './closestName';
import type { FaceControls, HeadChannel } from './FaceControls';

/** FaceControls as plain data. Missing channels are 0. */
export interface FaceControlsJSON {
  head?: { [K in HeadChannel]?: number };
  weights?: { [K in BlendshapeName]?: number };
}

const HEAD_CHANNELS: readonly HeadChannel[] = ['yaw', 'pitch', 'roll', 'x', 'y', 'z'];
const TOP_LEVEL_KEYS: readonly string[] = ['head', 'weights'];

export function faceControlsToJSON(controls: FaceControls): FaceControlsJSON {
  const weights: { [K in BlendshapeName]?: number } = {};
  for (let i = 0; i < BLENDSHAPE_COUNT; i++) {
    if (controls.weights[i] !== 0) weights[ARKIT_BLENDSHAPE_NAMES[i]] = controls.weights[i];
  }
  const { yaw, pitch, roll, x, y, z } = controls;
  return { head: { yaw, pitch, roll, x, y, z }, weights };
}

/** Validates `json` and writes it into `controls` (reset first); meant for a fresh instance, as a throw may leave it half written. */
export function applyFaceControlsJSON(controls: FaceControls, json: unknown): void {
  const root = plainObject(json, 'FaceControls.fromJSON: the argument');
  rejectUnknownKeys(root, TOP_LEVEL_KEYS, 'FaceControls.fromJSON');
  const head = root.head === undefined ? {} : plainObject(root.head, 'FaceControls.fromJSON: head');
  rejectUnknownKeys(head, HEAD_CHANNELS, 'FaceControls.fromJSON: head');
  const weights = root.weights === undefined ? {} : plainObject(root.weights, 'FaceControls.fromJSON: weights');
  for (const name of Object.keys(weights)) {
    if (!isBlendshapeName(name)) {
      throw new RangeError(`FaceControls.fromJSON: unknown blendshape "${name}"; did you mean "${closestName(name, ARKIT_BLENDSHAPE_NAMES)}"?`);
    }
  }
  numbersOnly(head, 'head');
  numbersOnly(weights, 'weights');

  controls.reset();
  controls.setHead(head.yaw ?? 0, head.pitch ?? 0, head.roll ?? 0);
  controls.setHeadPosition(head.x ?? 0, head.y ?? 0, head.z ?? 0);
  for (const name of Object.keys(weights)) controls.set(name as BlendshapeName, weights[name]);
}

function plainObject(value: unknown, what: string): Record<string, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${what} must be a plain object like FaceControls.toJSON() returns, got ${Array.isArray(value) ? 'an array' : String(value)}.`);
  }
  return value as Record<string, number>;
}

function rejectUnknownKeys(object: object, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      throw new RangeError(`${what}: unknown key "${key}"; did you mean "${closestName(key, allowed)}"?`);
    }
  }
}

function numbersOnly(object: Record<string, unknown>, what: string): void {
  for (const [key, value] of Object.entries(object)) {
    if (typeof value !== 'number') {
      throw new TypeError(`FaceControls.fromJSON: ${what}.${key} must be a number, got ${typeof value}.`);
    }
  }
}
