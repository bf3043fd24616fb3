// Runs the tracker on each new frame of a video (requestVideoFrameCallback), beside the render
// loop, never inside it, and hands each result to whoever listens (a FaceCaptureSource).
import { CallbackList } from '../core/CallbackList';
import type { FaceDetection } from './FaceDetection';
import type { FaceTracker } from './FaceTracker';

/** Whoever takes a frame's detection, or null for a frame without a face: FaceCaptureSource does. */
export interface DetectionSink {
  pushDetection(detection: FaceDetection | null, frameTimeMs: number): void;
}

/** Fallback poll interval where requestVideoFrameCallback is missing: about a 30 fps camera's frame period. */
const POLL_INTERVAL_MS = 33;

type FrameVideo = HTMLVideoElement & {
  requestVideoFrameCallback?: (callback: (now: number) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/**
 * Tracks the face in a playing video once per new frame, at the camera's own rate, and pushes
 * each detection into `sink`. Uses requestVideoFrameCallback, or a timer that checks the video's
 * time where the browser lacks it. A tracker error stops the loop and fires onError (the game
 * keeps running). dispose() stops it; safe to call twice.
 */
export class VideoFaceLoop {
  /** Fires when the tracker throws on a frame; the loop has stopped by then. */
  readonly onError = new CallbackList<unknown>();

  private readonly _video: FrameVideo;
  private readonly _tracker: FaceTracker;
  private readonly _sink: DetectionSink;
  private _running = false;
  private _handle = 0;
  private _lastTimeMs = -1;
  private _lastMediaTime = -1;

  /** The tracker must be in 'video' mode: create it with runningMode 'video' or await setRunningModeAsync('video'). */
  constructor(video: HTMLVideoElement, tracker: FaceTracker, sink: DetectionSink) {
    if (typeof HTMLVideoElement === 'function' && !(video instanceof HTMLVideoElement)) {
      throw new TypeError('VideoFaceLoop: video must be an HTMLVideoElement (WebcamCapture.video, for one).');
    }
    if (typeof sink?.pushDetection !== 'function') throw new TypeError('VideoFaceLoop: sink must have pushDetection(detection, frameTimeMs), as FaceCaptureSource has.');
    this._video = video as FrameVideo;
    this._tracker = tracker;
    this._sink = sink;
  }

  get running(): boolean {
    return this._running;
  }

  /** Starts tracking from the next new frame. */
  start(): void {
    if (this._running) return;
    if (this._tracker.runningMode !== 'video') {
      throw new Error('VideoFaceLoop.start: the tracker is in image mode; create it with runningMode "video" or await setRunningModeAsync("video") first.');
    }
    this._running = true;
    this.schedule();
  }

  /** Stops after the frame in hand, if any. */
  stop(): void {
    this._running = false;
    if (this._video.cancelVideoFrameCallback) this._video.cancelVideoFrameCallback(this._handle);
    else clearTimeout(this._handle);
  }

  dispose(): void {
    this.stop();
    this.onError.clear();
  }

  private schedule(): void {
    if (!this._running) return;
    if (this._video.requestVideoFrameCallback) this._handle = this._video.requestVideoFrameCallback(this._onFrame);
    else this._handle = setTimeout(this._onPoll, POLL_INTERVAL_MS) as unknown as number;
  }

  private readonly _onPoll = (): void => {
    const mediaTime = this._video.currentTime;
    if (mediaTime !== this._lastMediaTime && this._video.readyState >= 2) {
      this._lastMediaTime = mediaTime;
      this.track(performance.now());
    }
    this.schedule();
  };

  private readonly _onFrame = (now: number): void => {
    this.track(now);
    this.schedule();
  };

  private track(now: number): void {
    if (!this._running || this._video.videoWidth === 0) return;
    // MediaPipe's video mode needs strictly increasing timestamps.
    const timeMs = now > this._lastTimeMs ? now : this._lastTimeMs + 1;
    this._lastTimeMs = timeMs;
    let detection: FaceDetection | null;
    try {
      detection = this._tracker.detectVideoFrame(this._video, timeMs);
    } catch (error) {
      this.stop();
      this.onError.notify(error);
      return;
    }
    this._sink.pushDetection(detection, timeMs);
  }
}
