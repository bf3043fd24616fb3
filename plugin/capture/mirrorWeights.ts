// Left and right swapped, for a mirrored view: the player's left eye drives the portrait's right.
import { ARKIT_BLENDSHAPE_NAMES, BLENDSHAPE_COUNT, Blendshape, isBlendshapeName } from '../core/arkitBlendshapes';

/** For each blendshape index, the index of its other-side twin (itself when it has no side). */
export const MIRRORED_BLENDSHAPE: Readonly<Uint8Array> = buildMirrorTable();

function buildMirrorTable(): Uint8Array {
  const table = new Uint8Array(BLENDSHAPE_COUNT);
  ARKIT_BLENDSHAPE_NAMES.forEach((name, index) => {
    const twin = name.endsWith('Left') ? `${name.slice(0, -4)}Right` : name.endsWith('Right') ? `${name.slice(0, -5)}Left` : name;
    table[index] = isBlendshapeName(twin) ? Blendshape[twin] : index;
  });
  return table;
}
