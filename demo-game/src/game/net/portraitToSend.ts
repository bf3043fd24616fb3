// The portrait the local player shows the others: the image they gave, re-encoded within the relay's limits, or a guest portrait of the game's set.
import { DEFAULT_PORTRAIT_IMAGE_LIMITS, type PortraitChoice } from '../../../../plugin/index';
import { PORTRAITS } from '../../portraits';

/** Longest side of a sent portrait, pixels: the remote painting draws at 256, so more only costs bytes. */
const SENT_SIDE_PX = 512;
/** JPEG quality when a PNG would break the relay's byte limit. */
const JPEG_QUALITY = 0.88;
/** Portraits no NPC wears, handed to players who gave none, by player id. Their rigs are baked too (demo-game/rigs). */
export const GUEST_PORTRAITS: readonly string[] = ['flare-female02.png', 'flare-male02.png'];

/** Encodes the player's own image (already decoded) as a PNG, or a JPEG where the PNG is over the relay's limit. */
export async function encodeOwnPortrait(image: ImageBitmap): Promise<Uint8Array> {
  const scale = Math.min(1, SENT_SIDE_PX / Math.max(image.width, image.height));
  const canvas = new OffscreenCanvas(Math.round(image.width * scale), Math.round(image.height * scale));
  canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
  let blob = await canvas.convertToBlob({ type: 'image/png' });
  if (blob.size > DEFAULT_PORTRAIT_IMAGE_LIMITS.maxBytes) blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  return new Uint8Array(await blob.arrayBuffer());
}

/** What to send: the player's own image when they gave one, else the guest portrait for their player id (fetched from this site). */
export async function portraitToSend(own: Uint8Array | null, playerId: number): Promise<PortraitChoice> {
  if (own) return { kind: 'image', bytes: own };
  const name = GUEST_PORTRAITS[playerId % GUEST_PORTRAITS.length];
  const portrait = PORTRAITS.find((p) => p.name === name);
  if (!portrait) throw new TypeError(`demo: guest portrait ${name} is not in tests/fixtures/portraits; fix GUEST_PORTRAITS in portraitToSend.ts.`);
  const response = await fetch(portrait.url);
  if (!response.ok) throw new Error(`demo: the guest portrait ${portrait.url} could not be fetched (${response.status}).`);
  return { kind: 'image', bytes: new Uint8Array(await response.arrayBuffer()) };
}
