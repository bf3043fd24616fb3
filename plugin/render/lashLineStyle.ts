/** How the warp generator draws a shut eye's lash line (rig/lashLine.ts marks where). */

/** The share of the lid-margin triangles, from the margin up, that the line covers. */
export const LASH_BAND = 0.12;
/** The line fades in as the eye goes from this shut… */
export const LASH_FADE_START = 0.45;
/** …to this. */
export const LASH_FADE_END = 0.95;
/** How much of the skin colour the line replaces at its darkest. */
export const LASH_OPACITY = 0.85;
/** The line's colour: the portrait's own lid skin, darkened this much. */
export const LASH_DARKNESS = 0.25;
