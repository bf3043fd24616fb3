/** What the tracker reads pixels from: anything WebGL can upload. */
export type TrackableImage = HTMLImageElement | HTMLCanvasElement | HTMLVideoElement | ImageBitmap | ImageData | OffscreenCanvas | VideoFrame;

function has(name: string): boolean {
  return typeof (globalThis as Record<string, unknown>)[name] === 'function';
}

function isInstance(value: unknown, name: string): boolean {
  return has(name) && value instanceof ((globalThis as Record<string, unknown>)[name] as abstract new (...args: never[]) => unknown);
}

/** Pixel size of an image, or a TypeError naming the caller and what it got instead. */
export function imageSize(value: unknown, caller: string): { width: number; height: number } {
  if (isInstance(value, 'HTMLImageElement')) {
    const image = value as HTMLImageElement;
    if (!image.complete || image.naturalWidth === 0) {
      throw new TypeError(`${caller}: the image has not loaded (await image.decode() first).`);
    }
    return { width: image.naturalWidth, height: image.naturalHeight };
  }
  if (isInstance(value, 'HTMLVideoElement')) {
    const video = value as HTMLVideoElement;
    if (video.videoWidth === 0) throw new TypeError(`${caller}: the video has no frame yet (wait for 'loadeddata').`);
    return { width: video.videoWidth, height: video.videoHeight };
  }
  if (isInstance(value, 'VideoFrame')) {
    const frame = value as VideoFrame;
    return { width: frame.displayWidth, height: frame.displayHeight };
  }
  for (const name of ['HTMLCanvasElement', 'OffscreenCanvas', 'ImageBitmap', 'ImageData']) {
    if (isInstance(value, name)) {
      const sized = value as { width: number; height: number };
      if (sized.width === 0 || sized.height === 0) throw new TypeError(`${caller}: the ${name} is empty (0 pixels).`);
      return { width: sized.width, height: sized.height };
    }
  }
  const got = value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
  throw new TypeError(
    `${caller}: expected an HTMLImageElement, HTMLCanvasElement, HTMLVideoElement, ImageBitmap, ImageData, OffscreenCanvas or VideoFrame, got ${got}.`,
  );
}
