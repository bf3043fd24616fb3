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
/**
 * The fill is lifted toward the rig's eye white (rig/rigColors) by the share its luma falls short
 * of this share of that colour's: where the eye white beside the iris is in shadow, under lashes
 * or barely painted, the samples are nearly as dark as an iris, and the dark disk left where the
 * iris rested read as an iris that had not moved (the gaze probe's iris shift read under 0.2 of
 * the eye's width on 19 of the 36 test portraits; with the floor, 9). A fill light enough keeps
 * the portrait's own shading. 0.75 held one gaze probe fewer.
 */
export const EYE_WHITE_FLOOR = 0.9;
/**
 * The floor comes in with a look (PortraitRig.lookFigures), fully from this many iris radii of
 * it. A head turn's parallax also moves the iris a little against the eye's corners but gets
 * none: the head-turn calibration renders turns with the face detector in the loop, and the
 * lighter sliver at the iris's rim moved its gains: 12 turn probes over the 36 flipped either way.
 */
export const EYE_WHITE_FLOOR_FULL_LOOK = 0.5;
/**
 * The eye white painted behind a moved iris darkens toward the upper lid by up to this share, as
 * the lid's shadow darkens a real one: the floor above made it one flat colour, which read as a
 * patch pasted on dark-socketed eyes. It starts at this height in the eye (rig/eyeLayers:
 * 0 at the centre, 1 at the upper lid's highest point). Gated by the look, as the floor is, so
 * head turns draw what they drew; over the 36 test portraits no probe moved.
 */
export const EYE_WHITE_LID_SHADOW = 0.4;
export const EYE_WHITE_LID_SHADOW_FROM = 0.1;
