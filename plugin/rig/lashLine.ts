import { SUBJECT_LEFT_EYE, SUBJECT_RIGHT_EYE } from '../core/landmarkIndices';
import { markEyeRim } from './eyeRim';
import { RigLayer, SHADE_STRIDE, type PortraitRigData } from './PortraitRigData';

/** Where the lash weight sits in a skin vertex's shade. */
export const LASH_SHADE_OFFSET = 1;
/** Subject left eye's lash weight is positive, the right eye's negative, so one float carries both side and weight. */
const LEFT_SIGN = 1;
const RIGHT_SIGN = -1;

/**
 * The rig's shade with a lash weight on the upper lid margins: 1 (signed by eye) on the margin's
 * inner points, 0 elsewhere, so the skin triangles just above a margin carry a gradient the
 * generator darkens into a lash line as the eye shuts. A warped lid alone reads as half open to
 * a face detector (CALIBRATION.md): a closed eye is a dark line, not a smooth patch of skin.
 * The skin around each eye also carries an eye-rim weight (rig/eyeRim.ts): a detector's eye
 * outline often lies inside the painted eye, so eye white is left in the skin around it, and the
 * generator covers that with lid skin as the eye shuts.
 * Computed from the fixed landmark topology, so rigs baked before it get lashes too.
 */
export function shadeWithLashes(data: PortraitRigData): Float32Array {
  const shade = Float32Array.from(data.shade);
  const mark = (lid: readonly number[], sign: number) => {
    for (let k = 1; k < lid.length - 1; k++) {
      const at = lid[k] * SHADE_STRIDE;
      if (shade[at] === RigLayer.Skin) shade[at + LASH_SHADE_OFFSET] = sign;
    }
  };
  mark(SUBJECT_LEFT_EYE.upperLid, LEFT_SIGN);
  mark(SUBJECT_RIGHT_EYE.upperLid, RIGHT_SIGN);
  markEyeRim(data, shade, SUBJECT_LEFT_EYE, LEFT_SIGN);
  markEyeRim(data, shade, SUBJECT_RIGHT_EYE, RIGHT_SIGN);
  return shade;
}
