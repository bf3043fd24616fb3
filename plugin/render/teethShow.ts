import { MOUTH_LIP_PARTING, MOUTH_OPEN_TEETH_SHARE } from '../rig/PortraitRig';

/** Teeth show this far (face heights) below the upper lip while the lips are barely parted. */
export const TEETH_HEIGHT = 0.03;
/** Lip parting beyond rest (face heights, about a full jawOpen's) over which the teeth recede to the rig's open-teeth share. */
export const TEETH_RECEDE_SPAN = 0.08;

/**
 * How far the teeth show (face heights) for PortraitRig.mouthFigures, into out[at]: all of
 * TEETH_HEIGHT while the lips are barely parted, receding to the rig's open-teeth share as the
 * expressions open the mouth. An open mouth reads as open by its dark cavity (QUALITY.md: the
 * opening darker than the lips), and full teeth in a wide opening outshine dark lips. The
 * parting the head-turn correctives add is not counted, so a turned face keeps its teeth.
 * Written into an array: a returned double would be boxed.
 */
export function writeTeethHeight(mouthFigures: Float32Array, out: Float32Array, at: number): void {
  const recede = Math.min(1, mouthFigures[MOUTH_LIP_PARTING] / TEETH_RECEDE_SPAN);
  out[at] = TEETH_HEIGHT * (1 - (1 - mouthFigures[MOUTH_OPEN_TEETH_SHARE]) * recede);
}
