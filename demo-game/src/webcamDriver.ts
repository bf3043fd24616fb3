// The player's webcam as a face driver (the game's FaceDriver seam, and the studio): camera → tracker per video frame → solved face controls.
import {
  CameraError, FaceCaptureSource, FaceControls, FaceTracker, VideoFaceLoop, WebcamCapture,
} from '../../plugin/index';

/** What a person is told for each way the camera can fail (CameraError.reason). */
const CAMERA_ADVICE: Readonly<Record<string, string>> = {
  denied: 'The camera was not allowed. Allow it for this page in the browser, then try again; meanwhile the portrait lives on its own.',
  'not-found': 'No camera was found. Plug one in and try again; meanwhile the portrait lives on its own.',
  unsupported: 'This page cannot use a camera here (it needs a secure page, https or 127.0.0.1).',
  unplugged: 'The camera stopped. Plug it back in and press Use webcam again.',
};

/** A sentence for people about a CameraError. */
export function cameraAdvice(error: CameraError): string {
  return CAMERA_ADVICE[error.reason] ?? `The camera could not be used (${error.message}).`;
}

/**
 * The webcam driving a face: WebcamCapture's video, tracked once per new frame by a FaceTracker in
 * video mode (VideoFaceLoop) into a FaceCaptureSource, sampled each rendered frame. CreateAsync rejects
 * with CameraError when the camera is denied or missing (nothing else is loaded then).
 */
export class WebcamDriver {
  /** The camera stopped delivering video (unplugged). */
  readonly onFailed: WebcamCapture['onFailed'];
  /** The tracker failed on a frame; tracking has stopped. */
  readonly onTrackingError: VideoFaceLoop['onError'];
  /** The tracked face, sampled every frame (the source notices a face, or its loss, when sampled). */
  private readonly _face = new FaceControls();
  private constructor(private readonly _camera: WebcamCapture, private readonly _tracker: FaceTracker,
    private readonly _loop: VideoFaceLoop, private readonly _source: FaceCaptureSource) {
    this.onFailed = _camera.onFailed;
    this.onTrackingError = _loop.onError;
  }

  /** Opens the camera first (the browser may ask the player), then loads the tracker (the embedded model, from this site). */
  static async CreateAsync(): Promise<WebcamDriver> {
    const camera = await WebcamCapture.CreateAsync();
    try {
      const tracker = await FaceTracker.CreateAsync({ runningMode: 'video' });
      const source = new FaceCaptureSource();
      const loop = new VideoFaceLoop(camera.video, tracker, source);
      loop.start();
      return new WebcamDriver(camera, tracker, loop, source);
    } catch (error) {
      camera.dispose();
      throw error;
    }
  }

  /** 'waiting' (no face yet), 'tracking' or 'lost'. */
  get state(): string {
    return this._source.state;
  }

  /** True while the player's turns are being learned (calibrateTurns). */
  get calibratingTurns(): boolean {
    return this._source.calibratingTurns;
  }

  /** Learns over the next four seconds how the player's relaxed face reads when turned, so looking around stops reading as an expression. */
  calibrateTurns(): void {
    this._source.calibrateTurns();
  }

  /**
   * The face the camera sees, written over all of `out`; false, leaving `out` alone, while no face is
   * tracked (idle life carries on then). Call every frame: the source takes new detections when sampled.
   * Allocates nothing.
   */
  drive(timeMs: number, out: FaceControls): boolean {
    this._source.sample(timeMs, this._face);
    if (this._source.state !== 'tracking') return false;
    out.copyFrom(this._face);
    return true;
  }

  /** Stops the camera and the tracking. Safe twice. */
  dispose(): void {
    this._loop.dispose();
    this._camera.dispose();
    this._tracker.dispose();
  }
}
