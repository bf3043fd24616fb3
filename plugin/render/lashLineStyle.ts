/** How the warp generator draws a shut eye's lash line (rig/lashLine.ts marks where). */

/**
 * The share of the lid-margin triangles, from the margin up, that the line covers: as thick as a
 * painted shut eye's lashes, which a face detector reads as shut where it read a hairline as an
 * eye still half open. Over the 17 shared and 19 unseen portraits, blink and wink probes held:
 * 0.12 → 17, 0.3 → 24, 0.5 → 26, 0.7 on the shared 17 three fewer than 0.5.
 */
export const LASH_BAND = 0.5;
/** The line fades in as the eye goes from this shut… */
export const LASH_FADE_START = 0.45;
/** …to this. */
export const LASH_FADE_END = 0.95;
/** How much of the skin colour the line replaces at its darkest. */
export const LASH_OPACITY = 0.85;
/** The line's colour: the portrait's own lid skin, darkened this much. */
export const LASH_DARKNESS = 0.25;

/** Skin by an eye outline this much of the way from lid colour to eye white (projected on that axis) is eye white to cover… */
export const RIM_WHITE_FROM = 0.3;
/** …fully from this much. */
export const RIM_WHITE_TO = 0.6;
/** The cover fades in as the eye goes from this shut… */
export const RIM_FADE_START = 0.3;
/** …to this. */
export const RIM_FADE_END = 0.85;
/** The rim weight falls from 1 on an eye outline to 0 a little way out (rig/eyeRim.ts); the cover is full down to this weight. */
export const RIM_FULL_WEIGHT = 0.5;
