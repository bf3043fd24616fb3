import type { Rgba } from '../../tools/eval/pixels';

export { psnr, type Rgba } from '../../tools/eval/pixels';

/** A portrait image laid on a matte and scaled to a size, as the generator's neutral frame should look. */
export async function referenceImage(url: string, size: number, matte = '#ffffff'): Promise<Rgba> {
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.fillStyle = matte;
  context.fillRect(0, 0, size, size);
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, size, size);
  const data = context.getImageData(0, 0, size, size).data;
  return { width: size, height: size, data };
}
