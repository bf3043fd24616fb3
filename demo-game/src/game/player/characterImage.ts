// Checks an image file the player offers as their character, and decodes it at a sensible size.

/** Image types browsers decode everywhere. */
const ACCEPTED_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);
/** Larger files are refused before decoding: a portrait never needs this much. */
const MAX_FILE_BYTES = 15 * 1024 * 1024;
/** Below this side, pixels, there is too little face to find or animate. */
const MIN_SIDE_PX = 128;
/** Larger images are scaled down to this longest side, pixels: detail beyond it never reaches a 256-512 px portrait. */
const MAX_SIDE_PX = 1024;

/** The file the player gave cannot be a character portrait; the message says why and what to do. */
export class CharacterImageError extends Error {
  override name = 'CharacterImageError';
}

/** The accept attribute for a file input offering the same types. */
export const CHARACTER_IMAGE_ACCEPT = [...ACCEPTED_TYPES].join(',');

/** Decodes `file` if it is a usable image, scaled so its longest side is at most MAX_SIDE_PX; else CharacterImageError. */
export async function readCharacterImage(file: File): Promise<ImageBitmap> {
  if (!ACCEPTED_TYPES.has(file.type)) {
    throw new CharacterImageError(`${file.name} is not a PNG, JPEG, WebP or GIF image${file.type ? ` (it is ${file.type})` : ''}. Pick a photo or painting of a face.`);
  }
  if (file.size > MAX_FILE_BYTES) {
    throw new CharacterImageError(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; pick an image under ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch (error) {
    throw new CharacterImageError(`${file.name} could not be read as an image (${error instanceof Error ? error.message : String(error)}). Is the file complete?`, { cause: error });
  }
  const { width, height } = bitmap;
  if (Math.min(width, height) < MIN_SIDE_PX) {
    bitmap.close();
    throw new CharacterImageError(`${file.name} is only ${width}×${height} pixels; a face needs an image at least ${MIN_SIDE_PX} pixels on each side.`);
  }
  const scale = MAX_SIDE_PX / Math.max(width, height);
  if (scale >= 1) return bitmap;
  bitmap.close();
  return createImageBitmap(file, { resizeWidth: Math.round(width * scale), resizeHeight: Math.round(height * scale), resizeQuality: 'high' });
}
