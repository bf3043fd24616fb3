// Recognises the game's own portrait files by their bytes (sha256 recorded beside the baked rigs), so a remote player
// who sent one of them gets its baked rig instead of a face search.
import IMAGE_HASHES from '../rigs/images.json';
import { PORTRAITS, type Portrait } from './portraits';

/** sha256 (hex) of each portrait file that has a baked rig, from demo-game/rigs/images.json. */
const BY_HASH: ReadonlyMap<string, Portrait> = new Map(
  Object.entries(IMAGE_HASHES as Record<string, string>).flatMap(([name, hash]) => {
    const portrait = PORTRAITS.find((p) => p.name === name);
    return portrait ? [[hash, portrait] as const] : [];
  }),
);

/** The game's portrait whose file is exactly `bytes`, or null (also where the page has no crypto.subtle: not a secure context). */
export async function knownPortrait(bytes: Uint8Array): Promise<Portrait | null> {
  if (typeof crypto === 'undefined' || !crypto.subtle) return null;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return BY_HASH.get(hex) ?? null;
}
