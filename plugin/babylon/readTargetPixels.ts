// Reads a render target back from the GPU as RGBA8 with rows top first: for tools, tests and thumbnails, never per frame.
import type { RenderTargetTexture } from '@babylonjs/core/Materials/Textures/renderTargetTexture.js';

/** Bytes per RGBA8 pixel. */
const RGBA = 4;

/** The target's pixels, rows top first; `who` names the caller in the error when nothing can be read. */
export async function readTargetPixels(texture: RenderTargetTexture, who: string): Promise<Uint8Array> {
  const view = await texture.readPixels();
  if (!view) throw new Error(`${who}: the texture could not be read.`);
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const { width, height } = texture.getSize();
  // Render targets hold rows bottom first on both engines (Babylon flips WebGPU's to match).
  const out = new Uint8Array(bytes.length);
  const row = width * RGBA;
  for (let y = 0; y < height; y++) out.set(bytes.subarray((height - 1 - y) * row, (height - y) * row), y * row);
  return out;
}
