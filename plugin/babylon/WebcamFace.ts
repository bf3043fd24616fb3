// The player's webcam as a face source, with Babylon observables: camera, tracker, video loop and
// solver put together, owned and released as one.
import { Observable } from '@babylonjs/core/Misc/observable.js';
import type { Scene } from '@babylonjs/core/scene.js';
import type { Observer } from '@babylonjs/core/Misc/observable.js';
import { FaceCaptureSource, type FaceCaptureEvent, type FaceCaptureSourceOptions, type FaceCaptureState } from '../capture/FaceCaptureSource';
import { FaceTracker } from '../capture/FaceTracker';
import { VideoFaceLoop } from '../capture/VideoFaceLoop';
import { WebcamCapture, type WebcamCaptureOptions } from '../capture/WebcamCapture';

export interface WebcamFaceOptions extends WebcamCaptureOptions, FaceCaptureSourceOptions {
  /** A tracker in 'video' mode to use (not disposed with this). Default: a new one with the embedded model, disposed with this. */
  tracker?: FaceTracker;
  /** Where a tracker made here runs MediaPipe: 'GPU' is faster where WebGL2 is real. Default 'CPU' (works everywhere). */
  delegate?: 'CPU' | 'GPU';
  /** Dispose with this scene. Default: live until dispose(). */
  scene?: Scene;
}

/**
 * The player's face from their webcam, as a MotionSource (`source`): layer it over idle life in
 * a mixer, or sample it into a portrait's controls each frame. Tracking runs once per camera
 * frame, outside the render loop. Losing the face is a state (`onTrackingLostObservable`; the
 * face eases back to neutral so layers below take over), not an error. CreateAsync rejects
 * with CameraError ('denied', 'not-found', 'unsupported') and the game keeps running; a camera
 * that stops later (unplugged) reports on `onErrorObservable`.
 */
export class WebcamFace {
  /** What the face does: sample(timeMs, controls) in the frame; channels fade to 0 while the face is lost. */
  readonly source: FaceCaptureSource;
  readonly webcam: WebcamCapture;
  readonly onTrackingLostObservable = new Observable<FaceCaptureEvent>();
  readonly onTrackingFoundObservable = new Observable<FaceCaptureEvent>();
  /** A CameraError with reason 'unplugged', or what the tracker threw; tracking has stopped by then. */
  readonly onErrorObservable = new Observable<unknown>();

  private readonly _loop: VideoFaceLoop;
  private readonly _tracker: FaceTracker;
  private readonly _ownsTracker: boolean;
  private readonly _scene: Scene | null;
  private _sceneDispose: Observer<Scene> | null = null;
  private _disposed = false;

  /** True where the browser can open a camera at all (a secure page with mediaDevices). */
  static IsSupported(): boolean {
    return WebcamCapture.IsSupported();
  }

  /** Opens the camera (the browser may ask the player), loads the tracker and starts tracking. */
  static async CreateAsync(options: WebcamFaceOptions = {}): Promise<WebcamFace> {
    const webcam = await WebcamCapture.CreateAsync(options);
    let tracker = options.tracker;
    try {
      if (tracker && tracker.runningMode !== 'video') await tracker.setRunningModeAsync('video');
      tracker ??= await FaceTracker.CreateAsync({ runningMode: 'video', delegate: options.delegate ?? 'CPU', maxFaces: 1 });
    } catch (error) {
      webcam.dispose();
      throw error;
    }
    return new WebcamFace(webcam, tracker, !options.tracker, options);
  }

  private constructor(webcam: WebcamCapture, tracker: FaceTracker, ownsTracker: boolean, options: WebcamFaceOptions) {
    this.webcam = webcam;
    this._tracker = tracker;
    this._ownsTracker = ownsTracker;
    this.source = new FaceCaptureSource(options);
    this.source.onTrackingLost.add((event) => this.onTrackingLostObservable.notifyObservers(event));
    this.source.onTrackingFound.add((event) => this.onTrackingFoundObservable.notifyObservers(event));
    this._loop = new VideoFaceLoop(webcam.video, tracker, this.source);
    this._loop.onError.add((error) => this.onErrorObservable.notifyObservers(error));
    webcam.onFailed.add((error) => {
      this._loop.stop();
      this.onErrorObservable.notifyObservers(error);
    });
    this._scene = options.scene ?? null;
    if (this._scene) this._sceneDispose = this._scene.onDisposeObservable.add(() => this.dispose());
    this._loop.start();
  }

  /** The camera's video element (muted, playing, not in the page): show it as a preview if you like. */
  get video(): HTMLVideoElement {
    return this.webcam.video;
  }

  /** 'waiting' for the first face, 'tracking', or 'lost'. */
  get state(): FaceCaptureState {
    return this.source.state;
  }

  /** Takes the next few frames as the player's neutral face (ask them to relax and look at the screen). */
  calibrate(): void {
    this.source.calibrate();
  }

  /**
   * Learns over the next few seconds how the player's face reads when turned, so that looking
   * around does not read as smiling or raising brows: ask them to keep a relaxed face and look
   * left, right, up and down (FaceCaptureSource.calibrateTurns).
   */
  calibrateTurns(durationMs?: number): void {
    this.source.calibrateTurns(durationMs);
  }

  /** Stops tracking and the camera, and frees a tracker made here. Safe to call twice. */
  dispose(): void {
    if (this._disposed) return;
    this._disposed = true;
    if (this._scene && this._sceneDispose) this._scene.onDisposeObservable.remove(this._sceneDispose);
    this._sceneDispose = null;
    this._loop.dispose();
    this.webcam.dispose();
    if (this._ownsTracker) this._tracker.dispose();
    this.source.onTrackingLost.clear();
    this.source.onTrackingFound.clear();
    this.onTrackingLostObservable.clear();
    this.onTrackingFoundObservable.clear();
    this.onErrorObservable.clear();
  }
}
