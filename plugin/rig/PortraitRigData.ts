import type { RigColors } from './rigColors';

/** The serialized rig's format tag and version; a rig of another version is refused on load. */
export const RIG_FORMAT = 'babylon-talking-portraits/rig';
export const RIG_VERSION = 1;

/** What each vertex is part of; the generator shades each layer differently. */
export const enum RigLayer {
  /** The portrait's own pixels, warped. */
  Skin = 0,
  /** Behind an eye opening: the eye's white, with the iris painted out when the iris moves away. */
  EyeBack = 1,
  /** A movable iris disk. */
  Iris = 2,
  /** Behind the lips: cavity, teeth and tongue. */
  MouthInterior = 3,
}

/** The face's own frame in the image, so controls mean the same on any portrait size or tilt. */
export interface FaceFrame {
  /** Pivot of head turns in image pixels, and its depth (pixels toward the viewer). */
  readonly centerX: number;
  readonly centerY: number;
  readonly pivotDepth: number;
  /** Unit vector from chin to forehead, in image pixels (y grows down). */
  readonly upX: number;
  readonly upY: number;
  /** Forehead top to chin, in pixels: one face unit. */
  readonly faceHeight: number;
}

/** A morph target: sparse per-vertex displacements (pixels) at weight 1. */
export interface RigMorph {
  readonly vertices: Uint32Array;
  readonly deltas: Float32Array;
}

/**
 * Another image of the portrait's character found at bake time (few-shot): its landmarks, so a
 * game that loads the rig maps the shot's image without a face detector.
 */
export interface BakedShot {
  readonly imageWidth: number;
  readonly imageHeight: number;
  /** 478 landmarks, x, y, z each, normalized as MediaPipe gives them. */
  readonly landmarks: Float32Array;
  /** What the baker said the shot shows; left out, it is measured from the landmarks. */
  readonly eyesClosed?: boolean;
  readonly mouthOpen?: boolean;
}

/**
 * Everything a rig is, as plain data: built once from landmarks (buildPortraitRig) or loaded
 * from a baked file (parseRig), then driven by PortraitRig.
 */
export interface PortraitRigData {
  readonly imageWidth: number;
  readonly imageHeight: number;
  readonly vertexCount: number;
  /** x, y in image pixels and depth in pixels toward the viewer, per vertex. */
  readonly rest: Float32Array;
  /** Where each vertex samples the source image, 0..1 (v down). */
  readonly uv: Float32Array;
  /** layer, and two layer parameters per vertex (see RigLayer), then the eye side (0 right, 1 left). */
  readonly shade: Float32Array;
  /** How much of a head turn each vertex follows: 1 on the face, 0 on the image border. */
  readonly headWeight: Float32Array;
  readonly indices: Uint32Array;
  /** One morph per ARKit blendshape index; null where a blendshape is not rigged. */
  readonly morphs: readonly (RigMorph | null)[];
  /** Mouth-interior vertices follow the inner lips: follower, upper leader, lower leader, and the mix. */
  readonly followers: Uint32Array;
  readonly followerMix: Float32Array;
  readonly frame: FaceFrame;
  readonly colors: RigColors;
  /** Head-turn gains found at bake time so a turn reads as commanded (1 when not calibrated). */
  readonly yawGain: number;
  readonly pitchGain: number;
  /**
   * How far jawOpen (and mouthClose, which closes the lips over it) moves, as a share of the
   * authored chin drop: found at bake time so that a fully open jaw reads as the same opening on
   * every portrait (babylon/calibrateJaw). Absent when not calibrated, which is 1.
   */
  readonly jawGain?: number;
  /**
   * How far mouthSmileLeft and mouthSmileRight move each corner, as a share of the authored
   * smile: found at bake time so that a full smile reads as the same corner rise on every
   * portrait (babylon/calibrateSmile). Absent when not calibrated, which is 1 for both.
   */
  readonly smileGains?: SmileGains;
  /**
   * How far each eye's sideways looks move its iris, as a share of the authored travel: found at
   * bake time so that a full look reads as the same iris shift on every portrait
   * (babylon/calibrateGaze). Absent when not calibrated, which is 1 for all four.
   */
  readonly gazeGains?: GazeGains;
  /**
   * The share of the teeth a fully open mouth still shows (render/teethShow): found at bake time
   * so that the opening reads darker than the lips (babylon/calibrateTeeth); dark lips need less
   * of the bright teeth. Absent when not calibrated, which is 1.
   */
  readonly openTeethShare?: number;
  /**
   * Head-turn correctives found at bake time (rig/turnCorrectives), one per CORRECTIVE_TURNS
   * entry, in un-turned image pixels; absent when not calibrated.
   */
  readonly turnCorrectives?: readonly RigMorph[];
  /** Iris centre (uv) and radius (in uv x units) per eye, subject right then left: painted out behind a moved iris. */
  readonly irises: Float32Array;
  /**
   * The face outline split from the first ring (rig/outlineSeam): per outline point, the ring
   * side's copy of it and the landmark, in outline order. Expressions move the landmark, and the
   * copy stays where it was under the face (an open jaw's chin slides over the neck) or tucks
   * just inside it; turns and correctives move both alike. Absent in rigs baked before the seam,
   * whose first ring is joined to the outline and takes part of every expression.
   */
  readonly outlineSeam?: Uint32Array;
  /** Shots found at bake time, in the order their images are given to TalkingPortrait's `shots` option; absent when none. */
  readonly shots?: readonly BakedShot[];
}

/** Head-turn gains outside this range mean a calibration measured nonsense; a rig file with one is refused. */
export const MIN_HEAD_GAIN = 0.4;
export const MAX_HEAD_GAIN = 2.5;
/** The jaw gains a calibration may find; a rig file with one outside them is refused. */
export const MIN_JAW_GAIN = 0.6;
export const MAX_JAW_GAIN = 1.6;

/** The open-teeth shares a calibration may find (render/teethShow); a rig file with one outside them is refused. */
export const MIN_OPEN_TEETH_SHARE = 0.3;
export const MAX_OPEN_TEETH_SHARE = 1;

/** The smile gains a calibration may find; a rig file with one outside them is refused. */
export const MIN_SMILE_GAIN = 0.6;
export const MAX_SMILE_GAIN = 1.6;

/**
 * The gaze gains a calibration may find; a rig file with one outside them is refused. The
 * authored travel already stops the iris at the eye's corner, so a calibration only lessens it.
 */
export const MIN_GAZE_GAIN = 0.5;
export const MAX_GAZE_GAIN = 1;

/** Gains on the authored sideways looks, per eye (the subject's sides) and direction. */
export interface GazeGains {
  readonly outLeft: number;
  readonly inLeft: number;
  readonly outRight: number;
  readonly inRight: number;
}

/** GazeGains' fields, in the order rig files and errors list them. */
export const GAZE_GAIN_KEYS = ['outLeft', 'inLeft', 'outRight', 'inRight'] as const;

/** Gains on the authored smile, per side of the subject. */
export interface SmileGains {
  readonly left: number;
  readonly right: number;
}

/** Floats of `shade` per vertex. */
export const SHADE_STRIDE = 4;
