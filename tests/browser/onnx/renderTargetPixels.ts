// Test helpers: read a render target back as RGBA rows top first, and pose a portrait by name.
import type { RenderTargetTexture } from '@babylonjs/core/Materials/Textures/renderTargetTexture';
import type { TalkingPortrait } from '../../../plugin/babylon';
import type { Rgba } from '../../support/pixels';

/** A render target's pixels, rows top first (targets hold rows bottom first on both engines). */
export async function readRenderTarget(target: RenderTargetTexture): Promise<Rgba> {
  const view = await target.readPixels();
  if (!view) throw new Error('readRenderTarget: the texture could not be read.');
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const { width, height } = target.getSize();
  const data = new Uint8Array(bytes.length);
  const row = width * 4;
  for (let y = 0; y < height; y++) data.set(bytes.subarray((height - 1 - y) * row, (height - y) * row), y * row);
  return { width, height, data };
}

/** Test poses: neutral, jaw open, and a 15° head turn. */
export function poseControls(portrait: TalkingPortrait, pose: 'neutral' | 'jaw' | 'yaw'): void {
  portrait.controls.reset();
  if (pose === 'jaw') portrait.controls.set('jawOpen', 1);
  if (pose === 'yaw') portrait.controls.setHead((15 * Math.PI) / 180, 0, 0);
}
