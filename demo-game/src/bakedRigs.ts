// Rigs baked ahead of time (`npm run bake`, see demo-game/rigs/README.md): a portrait with one skips face detection.
import { RigFormatError, parseRigJson, type PortraitRigData } from '../../plugin/index';

/** The baked rig files, by portrait file name ('flare-female01.png'); fetched only when that portrait is made. */
const RIG_URLS: ReadonlyMap<string, string> = new Map(
  Object.entries(import.meta.glob<string>('../rigs/*.rig.json', { query: '?url', import: 'default', eager: true }))
    .map(([path, url]) => [`${path.slice(path.lastIndexOf('/') + 1, -'.rig.json'.length)}.png`, url]),
);

/** Portrait file names that have a baked rig. */
export function hasBakedRig(portraitName: string): boolean {
  return RIG_URLS.has(portraitName);
}

/**
 * The baked rig of `portraitName` when there is one that fits `image` (same pixel size); null otherwise.
 * A rig that is missing, unreadable, malformed (RigFormatError) or made for another size is refused with
 * an info line in the console, and the caller detects the face instead: slower, never wrong.
 */
export async function bakedRigFor(portraitName: string, image: { readonly width: number; readonly height: number }): Promise<PortraitRigData | null> {
  const url = RIG_URLS.get(portraitName);
  if (!url) return null;
  let rig: PortraitRigData;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new RigFormatError(`the server answered ${response.status} for ${url}`);
    rig = parseRigJson(await response.text());
  } catch (error) {
    if (!(error instanceof RigFormatError) && !(error instanceof TypeError)) throw error;
    console.info(`demo: the baked rig of ${portraitName} was refused (${error.message}); finding the face instead.`);
    return null;
  }
  if (rig.imageWidth !== image.width || rig.imageHeight !== image.height) {
    console.info(`demo: the baked rig of ${portraitName} is for a ${rig.imageWidth}×${rig.imageHeight} image, this one is ${image.width}×${image.height}; finding the face instead.`);
    return null;
  }
  return rig;
}
