// Compares two PNG screenshots pixel by pixel, decoding them in the page (the browser is the project's PNG decoder).
import type { Page } from 'playwright-core';

/** A channel must move by more than this (of 255) for a pixel to count as changed: PNG is lossless, this only ignores dithering. */
export const PIXEL_CHANGE_THRESHOLD = 8;

/** The share of pixels (0..1) that differ between two same-sized PNG screenshots. */
export async function changedShare(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(async ([first, second, threshold]) => {
    const decode = async (base64: string) => {
      const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    };
    const [x, y] = await Promise.all([decode(first), decode(second)]);
    if (x.length !== y.length) throw new Error(`screenshots differ in size: ${x.length} vs ${y.length} bytes`);
    let changed = 0;
    for (let i = 0; i < x.length; i += 4) {
      if (Math.abs(x[i] - y[i]) > threshold || Math.abs(x[i + 1] - y[i + 1]) > threshold || Math.abs(x[i + 2] - y[i + 2]) > threshold) changed++;
    }
    return changed / (x.length / 4);
  }, [a.toString('base64'), b.toString('base64'), PIXEL_CHANGE_THRESHOLD] as const);
}
