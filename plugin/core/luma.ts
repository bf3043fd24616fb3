/**
 * How bright a colour reads: Rec. 601 luma weights on red, green and blue. One set for every
 * place that compares brightness (the mouth's contrast check, the eye-white floor in both
 * generator shaders), so the eval and the renderer judge light and dark alike.
 */
export const LUMA_WEIGHTS = [0.299, 0.587, 0.114] as const;

/** The luma of r, g, b, in their own units (0..1 or 0..255). */
export function luma(r: number, g: number, b: number): number {
  return LUMA_WEIGHTS[0] * r + LUMA_WEIGHTS[1] * g + LUMA_WEIGHTS[2] * b;
}
