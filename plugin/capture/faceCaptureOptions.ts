// FaceCaptureSource's options, their defaults, and the checks that name a bad value.

export interface FaceCaptureSourceOptions {
  /** Act as the player's mirror image (as a selfie preview does): their left eye closes the portrait's right. Default true. */
  mirror?: boolean;
  /** Follow the head's movement across and toward the camera (x, y, z), not only its turns. Default false. */
  followHeadPosition?: boolean;
  /** One Euro filter cutoff at rest, Hz: lower removes more jitter. Default 1.5. */
  minCutoff?: number;
  /** One Euro filter speed coefficient: higher lags less on fast moves. Default 0.8. */
  beta?: number;
  /** The face counts as lost once none has arrived for this long (host clock, ms). Default 500. */
  lostAfterMs?: number;
  /** How long the face eases to neutral when lost, and back when found (ms). Default 600. */
  easeMs?: number;
  /** Detections averaged into the neutral face at the start and after calibrate(). Default 10. */
  calibrationFrames?: number;
}

export type ResolvedCaptureOptions = Required<FaceCaptureSourceOptions>;

/** In the range Casiez et al. (2012) suggest for hand-held pointing; lower minCutoff for a steadier face, higher beta for snappier blinks. */
const DEFAULT_MIN_CUTOFF_HZ = 1.5;
const DEFAULT_BETA = 0.8;
/** About fifteen frames at 30 fps: a blink or a hand passing never counts as lost. */
const DEFAULT_LOST_AFTER_MS = 500;
const DEFAULT_EASE_MS = 600;
/** A third of a second at 30 fps: enough to average out the detector's jitter. */
const DEFAULT_CALIBRATION_FRAMES = 10;

export function resolveCaptureOptions(options: FaceCaptureSourceOptions): ResolvedCaptureOptions {
  const resolved: ResolvedCaptureOptions = {
    mirror: options.mirror ?? true,
    followHeadPosition: options.followHeadPosition ?? false,
    minCutoff: options.minCutoff ?? DEFAULT_MIN_CUTOFF_HZ,
    beta: options.beta ?? DEFAULT_BETA,
    lostAfterMs: options.lostAfterMs ?? DEFAULT_LOST_AFTER_MS,
    easeMs: options.easeMs ?? DEFAULT_EASE_MS,
    calibrationFrames: options.calibrationFrames ?? DEFAULT_CALIBRATION_FRAMES,
  };
  if (!(resolved.lostAfterMs >= 0 && Number.isFinite(resolved.lostAfterMs))) {
    throw new RangeError(`FaceCaptureSource: lostAfterMs must be 0 or more milliseconds, got ${resolved.lostAfterMs}.`);
  }
  if (!(resolved.easeMs >= 0 && Number.isFinite(resolved.easeMs))) {
    throw new RangeError(`FaceCaptureSource: easeMs must be 0 or more milliseconds, got ${resolved.easeMs}.`);
  }
  if (!(Number.isInteger(resolved.calibrationFrames) && resolved.calibrationFrames >= 1)) {
    throw new RangeError(`FaceCaptureSource: calibrationFrames must be a whole number ≥ 1, got ${resolved.calibrationFrames}.`);
  }
  // The filter checks minCutoff and beta itself, naming them.
  return resolved;
}
