// The player's camera as a playing video element: getUserMedia behind clear CameraErrors, and a
// stream that says when it stops (unplugged, or taken by another program).
import { CallbackList } from '../core/CallbackList';
import { CameraError } from '../core/errors';
import { cameraErrorFrom } from './cameraErrors';

export interface WebcamCaptureOptions {
  /** A camera's deviceId from navigator.mediaDevices.enumerateDevices(). Default: the browser's choice (the front camera). */
  deviceId?: string;
  /** Wanted frame width and height in pixels; the camera gives the nearest it has. Default 640 × 480. */
  width?: number;
  height?: number;
  /** Wanted frames per second. Default 30. */
  frameRate?: number;
}

export type WebcamState = 'running' | 'failed' | 'disposed';

/** VGA at 30 fps: the face model works on 256 × 256 crops, so more pixels only cost time. */
const DEFAULT_WIDTH = 640;
const DEFAULT_HEIGHT = 480;
const DEFAULT_FRAME_RATE = 30;

/**
 * The webcam, opened with CreateAsync (which rejects with a CameraError whose `reason` is
 * 'denied', 'not-found', 'unsupported' or 'unknown'). If the camera later stops (unplugged),
 * `state` becomes 'failed', `error` holds a CameraError with reason 'unplugged' and onFailed
 * fires; the game keeps running. dispose() stops the camera; safe to call twice.
 */
export class WebcamCapture {
  /** The camera's video: muted, inline, playing, not added to the page. Show it or hide it as you like. */
  readonly video: HTMLVideoElement;
  /** Fires once when a running camera stops delivering video. */
  readonly onFailed = new CallbackList<CameraError>();

  private readonly _stream: MediaStream;
  private _state: WebcamState = 'running';
  private _error: CameraError | null = null;
  private readonly _onEnded = () => this.fail(new CameraError('unplugged'));

  /** Whether this page can ask for a camera at all (getUserMedia in a secure context). */
  static IsSupported(): boolean {
    return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function' && globalThis.isSecureContext !== false;
  }

  /** Asks for the camera (the browser may prompt the player) and resolves once its video plays. */
  static async CreateAsync(options: WebcamCaptureOptions = {}): Promise<WebcamCapture> {
    const constraints = videoConstraints(options);
    if (!WebcamCapture.IsSupported()) throw new CameraError('unsupported');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: constraints, audio: false });
    } catch (error) {
      throw cameraErrorFrom(error);
    }
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    try {
      await video.play();
    } catch (error) {
      for (const track of stream.getTracks()) track.stop();
      throw cameraErrorFrom(error);
    }
    return new WebcamCapture(video, stream);
  }

  private constructor(video: HTMLVideoElement, stream: MediaStream) {
    this.video = video;
    this._stream = stream;
    for (const track of stream.getVideoTracks()) track.addEventListener('ended', this._onEnded);
  }

  /** 'running', 'failed' (see `error`) or 'disposed'. */
  get state(): WebcamState {
    return this._state;
  }

  /** Why the camera stopped, once it has. */
  get error(): CameraError | null {
    return this._error;
  }

  /** The camera's name as the browser reports it (empty before permission). */
  get label(): string {
    return this._stream.getVideoTracks()[0]?.label ?? '';
  }

  /** Stops the camera and releases the video. Safe to call twice. */
  dispose(): void {
    if (this._state === 'disposed') return;
    this._state = 'disposed';
    for (const track of this._stream.getTracks()) {
      track.removeEventListener('ended', this._onEnded);
      track.stop();
    }
    this.video.pause();
    this.video.srcObject = null;
    this.onFailed.clear();
  }

  private fail(error: CameraError): void {
    if (this._state !== 'running') return;
    this._state = 'failed';
    this._error = error;
    this.onFailed.notify(error);
  }
}

function videoConstraints(options: WebcamCaptureOptions): MediaTrackConstraints {
  const width = positive(options.width ?? DEFAULT_WIDTH, 'width');
  const height = positive(options.height ?? DEFAULT_HEIGHT, 'height');
  const frameRate = positive(options.frameRate ?? DEFAULT_FRAME_RATE, 'frameRate');
  if (options.deviceId !== undefined && typeof options.deviceId !== 'string') {
    throw new TypeError(`WebcamCapture: deviceId must be a string from enumerateDevices(), got ${typeof options.deviceId}.`);
  }
  const constraints: MediaTrackConstraints = { width: { ideal: width }, height: { ideal: height }, frameRate: { ideal: frameRate } };
  if (options.deviceId) constraints.deviceId = { exact: options.deviceId };
  else constraints.facingMode = 'user';
  return constraints;
}

function positive(value: number, name: string): number {
  if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
    throw new RangeError(`WebcamCapture: ${name} must be a positive number, got ${String(value)}.`);
  }
  return value;
}
