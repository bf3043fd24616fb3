/**
 * Shapes of the landmark index sets. All indices are MediaPipe face landmarks (0..477).
 * "Subject" sides are the person's own: the subject's left appears on the viewer's right in an
 * un-mirrored image, and is what ARKit's *Left blendshapes refer to.
 */

/** One eye's outline. Both lids run from the outer corner to the inner corner and include both corners. */
export interface EyeOutline {
  readonly outerCorner: number;
  readonly innerCorner: number;
  readonly upperLid: readonly number[];
  readonly lowerLid: readonly number[];
  /** Closed ring: the upper lid outer→inner, then the lower lid back, corners once. */
  readonly loop: readonly number[];
}

export interface IrisLandmarks {
  readonly centre: number;
  /** Four points around the iris, in order around it. */
  readonly ring: readonly number[];
}

/** One lip contour. Both halves run from the subject's right corner (viewer's left) to the subject's left. */
export interface LipContour {
  readonly subjectRightCorner: number;
  readonly subjectLeftCorner: number;
  readonly upper: readonly number[];
  readonly lower: readonly number[];
  /** Closed ring: the upper half corner to corner, then the lower half back, corners once. */
  readonly loop: readonly number[];
}

export interface LipsOutline {
  /** Where lip meets skin. */
  readonly outer: LipContour;
  /** Where lip meets the mouth opening; the opening is a hole in the face mesh. */
  readonly inner: LipContour;
}

/** Two rows of points along an eyebrow, each from its outer end to its inner end. */
export interface EyebrowRows {
  readonly upper: readonly number[];
  readonly lower: readonly number[];
}
