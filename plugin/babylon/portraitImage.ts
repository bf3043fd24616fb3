import { imageSize } from '../capture/imageSources';

/** What a portrait can be made from: a URL, or an image already in memory. */
export type PortraitImageSource = string | HTMLImageElement | HTMLCanvasElement | ImageBitmap | OffscreenCanvas;

/** Loads (if a URL) and draws the portrait into a canvas: one copy to detect on, sample colours from and upload. */
export async function portraitCanvas(source: PortraitImageSource, caller: string): Promise<HTMLCanvasElement> {
  let image: CanvasImageSource;
  if (typeof source === 'string') {
    const element = new Image();
    element.crossOrigin = 'anonymous';
    element.src = source;
    try {
      await element.decode();
    } catch (error) {
      throw new TypeError(`${caller}: could not load the image ${source}: ${error instanceof Error ? error.message : String(error)}`);
    }
    image = element;
  } else {
    image = source;
  }
  const { width, height } = imageSize(image, caller);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error(`${caller}: no 2D canvas context is available.`);
  context.drawImage(image, 0, 0, width, height);
  return canvas;
}
