/** Pixels, RGBA8, rows top first. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

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

/** Peak signal-to-noise ratio over RGB, optionally only where mask is true. */
export function psnr(a: Rgba, b: Rgba, mask?: (x: number, y: number) => boolean): number {
  let sum = 0;
  let count = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      if (mask && !mask(x, y)) continue;
      const o = (y * a.width + x) * 4;
      for (let c = 0; c < 3; c++) {
        const d = a.data[o + c] - b.data[o + c];
        sum += d * d;
      }
      count += 3;
    }
  }
  const mse = sum / Math.max(1, count);
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}
