import { imageOnMatte, type Rgba } from '../../tools/eval/pixels';

export { psnr, type Rgba } from '../../tools/eval/pixels';

/** A portrait image laid on a matte and scaled to a size, as the generator's neutral frame should look. */
export async function referenceImage(url: string, size: number, matte = '#ffffff'): Promise<Rgba> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return imageOnMatte(image, size, matte);
}
