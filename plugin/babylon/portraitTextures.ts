// The textures a portrait owns: its images as the generator samples them (the portrait and its shots), and the frame it draws into.
import { Constants } from '@babylonjs/core/Engines/constants.js';
import { HtmlElementTexture } from '@babylonjs/core/Materials/Textures/htmlElementTexture.js';
import { RenderTargetTexture } from '@babylonjs/core/Materials/Textures/renderTargetTexture.js';
import { Texture } from '@babylonjs/core/Materials/Textures/texture.js';
import type { Scene } from '@babylonjs/core/scene.js';

/** An image the generator samples (the portrait or a shot) on the GPU: no mipmaps (the warp samples near 1:1), clamped so warped edges do not wrap. */
export function createImageTexture(name: string, canvas: HTMLCanvasElement, scene: Scene): HtmlElementTexture {
  const source = new HtmlElementTexture(name, canvas, {
    engine: scene.getEngine(),
    scene,
    generateMipMaps: false,
    samplingMode: Texture.BILINEAR_SAMPLINGMODE,
  });
  source.update(false);
  source.wrapU = Texture.CLAMP_ADDRESSMODE;
  source.wrapV = Texture.CLAMP_ADDRESSMODE;
  return source;
}

/** The portrait's frame: square, with a depth buffer for the layers, drawn only when the portrait asks (never by the scene's own pass). */
export function createPortraitTarget(name: string, size: number, scene: Scene): RenderTargetTexture {
  const target = new RenderTargetTexture(name, { width: size, height: size }, scene, {
    generateMipMaps: false,
    generateDepthBuffer: true,
    type: Constants.TEXTURETYPE_UNSIGNED_BYTE,
    samplingMode: Texture.BILINEAR_SAMPLINGMODE,
  });
  target.refreshRate = RenderTargetTexture.REFRESHRATE_RENDER_ONCE;
  target.wrapU = Texture.CLAMP_ADDRESSMODE;
  target.wrapV = Texture.CLAMP_ADDRESSMODE;
  return target;
}
