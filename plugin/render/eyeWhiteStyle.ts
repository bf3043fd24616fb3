/**
 * How the warp generator fills the place an iris leaves when the gaze moves it. A flat eye-white
 * colour there reads as a pale disk (on paintings whose sclera is shaded, a grey one the face
 * detector took for the iris). Instead each row of the place takes the portrait's own eye white
 * from either side of the resting iris, blended across, so the shading under the lids carries on.
 */

/**
 * The place is filled fully out to this many iris radii from the resting iris centre and fades
 * out by the next: a painted iris is often larger than the detected one, and a ring of it left
 * round the fill reads as a pale disk again.
 */
export const EYE_WHITE_FILL_FROM = 1.0;
export const EYE_WHITE_FILL_TO = 1.35;
/** The eye white is read this many iris radii from the resting iris centre, past the fill's soft edge. */
export const EYE_WHITE_REACH = 1.6;
/** Each row reads the eye white this share of the way toward the resting iris's middle row, clear of the lashes' shadow at the lid line. */
export const EYE_WHITE_ROW_PULL = 0.5;
