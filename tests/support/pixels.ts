import { imageOnMatte, type Rgba } from '../../tools/eval/pixels';

export { psnr, type Rgba } from '../../tools/eval/pixels';

/** A portrait image laid on a matte and scaled to a size, as the generator's neutral frame should look. */
export async function referenceImage(url: string, size: number, matte = '#ffffff'): Promise<Rgba> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return imageOnMatte(image, size, matte);
}

/** A portrait image drawn at its own size into a canvas one can paint on or hand to the plugin. */
export async function imageCanvas(url: string): Promise<HTMLCanvasElement> {
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  canvas.getContext('2d')!.drawImage(image, 0, 0);
  return canvas;
}
