import type { FaceLandmarker, FaceLandmarkerResult } from '@mediapipe/tasks-vision';
import { BLENDSHAPE_COUNT, Blendshape, isBlendshapeName } from '../core/arkitBlendshapes';
import { ModelLoadError, NoFaceError } from '../core/errors';
import { defaultFaceModelUrl, defaultVisionWasmBaseUrl } from './defaultAssetUrls';
import { FACE_LANDMARK_COUNT, type FaceDetection } from './FaceDetection';
import { imageSize, type TrackableImage } from './imageSources';
import { checkTaskBundle } from './taskBundleCheck';

export type TrackerRunningMode = 'image' | 'video';

export interface FaceTrackerOptions {
  /** A .task bundle as a URL or bytes. Default: the embedded model shipped with the package (landmarks and head transform, no blendshapes). */
  model?: string | URL | Uint8Array | ArrayBuffer;
  /** Folder holding MediaPipe's vision_wasm_internal.js/.wasm. Default: the package's own copy. */
  wasmBaseUrl?: string;
  /** Where MediaPipe runs: 'CPU' works everywhere; 'GPU' is faster for video where WebGL2 is real. Default 'CPU'. */
  delegate?: 'CPU' | 'GPU';
  /** 'image' for stills (each call detects afresh), 'video' for frames of one stream (tracks between frames). Default 'image'. */
  runningMode?: TrackerRunningMode;
  /** How many faces to look for; the largest is reported. Default 4. */
  maxFaces?: number;
  /** Detector confidence needed to accept a face, 0..1. Default 0.5. */
  minDetectionConfidence?: number;
}

const DEFAULT_MAX_FACES = 4;
const DEFAULT_MIN_DETECTION_CONFIDENCE = 0.5;
const MATRIX_SIZE = 16;

/**
 * MediaPipe's FaceLandmarker behind our own interface: plain results, our errors, the
 * embedded model by default, and nothing fetched from anywhere the game did not name.
 */
export class FaceTracker {
  private _landmarker: FaceLandmarker | null;
  private _mode: TrackerRunningMode;
  private readonly _hasBlendshapes: boolean;

  private constructor(landmarker: FaceLandmarker, mode: TrackerRunningMode, hasBlendshapes: boolean) {
    this._landmarker = landmarker;
    this._mode = mode;
    this._hasBlendshapes = hasBlendshapes;
  }

  /** Loads the model and MediaPipe's runtime. Rejects with ModelLoadError for a missing, corrupt or wrong model. */
  static async CreateAsync(options: FaceTrackerOptions = {}): Promise<FaceTracker> {
    const resolved = resolveOptions(options);
    const { bytes, source } = await loadModelBytes(resolved.model);
    const facts = checkTaskBundle(bytes, source);
    const vision = await import('@mediapipe/tasks-vision');
    let landmarker: FaceLandmarker;
    try {
      const fileset = await vision.FilesetResolver.forVisionTasks(resolved.wasmBaseUrl);
      landmarker = await vision.FaceLandmarker.createFromOptions(fileset, {
        baseOptions: { modelAssetBuffer: bytes, delegate: resolved.delegate },
        runningMode: resolved.runningMode === 'video' ? 'VIDEO' : 'IMAGE',
        numFaces: resolved.maxFaces,
        minFaceDetectionConfidence: resolved.minDetectionConfidence,
        outputFacialTransformationMatrixes: true,
        outputFaceBlendshapes: facts.hasBlendshapes,
      });
    } catch (error) {
      throw new ModelLoadError(`MediaPipe could not load the face model from ${source}: ${describe(error)}`, { source, cause: error });
    }
    return new FaceTracker(landmarker, resolved.runningMode, facts.hasBlendshapes);
  }

  /** Whether results carry blendshapes (only models with a blendshape head, not the embedded one). */
  get hasBlendshapes(): boolean {
    return this._hasBlendshapes;
  }

  get runningMode(): TrackerRunningMode {
    return this._mode;
  }

  /** Switches between stills and a video stream. */
  async setRunningModeAsync(mode: TrackerRunningMode): Promise<void> {
    if (mode === this._mode) return;
    await this.landmarker('setRunningModeAsync').setOptions({ runningMode: mode === 'video' ? 'VIDEO' : 'IMAGE' });
    this._mode = mode;
  }

  /** Finds the largest face in a still image. Throws NoFaceError when there is none. */
  async detectImage(image: TrackableImage): Promise<FaceDetection> {
    const size = imageSize(image, 'FaceTracker.detectImage');
    await this.setRunningModeAsync('image');
    const result = this.landmarker('detectImage').detect(image);
    const detection = toDetection(result, size.width, size.height, this._hasBlendshapes);
    if (!detection) throw new NoFaceError(describeImage(image, size));
    return detection;
  }

  /**
   * Tracks the face in one frame of a video stream (timestamps must increase). Returns null
   * when no face is in the frame: losing a face in a stream is a state, not an error.
   */
  detectVideoFrame(video: TrackableImage, timeMs: number): FaceDetection | null {
    const size = imageSize(video, 'FaceTracker.detectVideoFrame');
    if (this._mode !== 'video') {
      throw new Error('FaceTracker.detectVideoFrame: create the tracker with runningMode "video" or await setRunningModeAsync("video") first.');
    }
    const result = this.landmarker('detectVideoFrame').detectForVideo(video, timeMs);
    return toDetection(result, size.width, size.height, this._hasBlendshapes);
  }

  /** Releases MediaPipe's graph and wasm memory. Safe to call twice. */
  dispose(): void {
    this._landmarker?.close();
    this._landmarker = null;
  }

  private landmarker(caller: string): FaceLandmarker {
    if (!this._landmarker) throw new Error(`FaceTracker.${caller}: the tracker was disposed.`);
    return this._landmarker;
  }
}

interface ResolvedTrackerOptions {
  model: string | URL | Uint8Array | ArrayBuffer;
  wasmBaseUrl: string;
  delegate: 'CPU' | 'GPU';
  runningMode: TrackerRunningMode;
  maxFaces: number;
  minDetectionConfidence: number;
}

function resolveOptions(options: FaceTrackerOptions): ResolvedTrackerOptions {
  const maxFaces = options.maxFaces ?? DEFAULT_MAX_FACES;
  if (!Number.isInteger(maxFaces) || maxFaces < 1) {
    throw new RangeError(`FaceTracker: maxFaces must be a whole number ≥ 1, got ${maxFaces}.`);
  }
  const minDetectionConfidence = options.minDetectionConfidence ?? DEFAULT_MIN_DETECTION_CONFIDENCE;
  if (!(minDetectionConfidence >= 0 && minDetectionConfidence <= 1)) {
    throw new RangeError(`FaceTracker: minDetectionConfidence must be in [0, 1], got ${minDetectionConfidence}.`);
  }
  const delegate = options.delegate ?? 'CPU';
  if (delegate !== 'CPU' && delegate !== 'GPU') throw new RangeError(`FaceTracker: delegate must be 'CPU' or 'GPU', got ${String(delegate)}.`);
  const runningMode = options.runningMode ?? 'image';
  if (runningMode !== 'image' && runningMode !== 'video') {
    throw new RangeError(`FaceTracker: runningMode must be 'image' or 'video', got ${String(runningMode)}.`);
  }
  return {
    model: options.model ?? defaultFaceModelUrl(),
    wasmBaseUrl: options.wasmBaseUrl ?? defaultVisionWasmBaseUrl(),
    delegate,
    runningMode,
    maxFaces,
    minDetectionConfidence,
  };
}

async function loadModelBytes(model: string | URL | Uint8Array | ArrayBuffer): Promise<{ bytes: Uint8Array; source: string }> {
  if (model instanceof Uint8Array) return { bytes: model, source: 'the model buffer' };
  if (model instanceof ArrayBuffer) return { bytes: new Uint8Array(model), source: 'the model buffer' };
  if (typeof model !== 'string' && !(model instanceof URL)) {
    throw new TypeError(`FaceTracker: model must be a URL string, URL, Uint8Array or ArrayBuffer, got ${typeof model}.`);
  }
  const source = String(model);
  let response: Response;
  try {
    response = await fetch(source);
  } catch (error) {
    throw new ModelLoadError(`Could not fetch the face model from ${source}: ${describe(error)}`, { source, cause: error });
  }
  if (!response.ok) throw new ModelLoadError(`Could not fetch the face model from ${source}: HTTP ${response.status}.`, { source });
  return { bytes: new Uint8Array(await response.arrayBuffer()), source };
}

function toDetection(result: FaceLandmarkerResult, width: number, height: number, hasBlendshapes: boolean): FaceDetection | null {
  const faces = result.faceLandmarks;
  if (faces.length === 0) return null;
  const chosen = largestFace(faces);
  const points = faces[chosen];
  if (points.length !== FACE_LANDMARK_COUNT) {
    throw new ModelLoadError(`The face model gave ${points.length} landmarks; ${FACE_LANDMARK_COUNT} (with irises) are needed.`, {
      source: 'the face model',
    });
  }
  const landmarks = new Float32Array(FACE_LANDMARK_COUNT * 3);
  for (let i = 0; i < FACE_LANDMARK_COUNT; i++) {
    landmarks[i * 3] = points[i].x;
    landmarks[i * 3 + 1] = points[i].y;
    landmarks[i * 3 + 2] = points[i].z;
  }
  const matrix = result.facialTransformationMatrixes?.[chosen];
  const transform = matrix && matrix.data.length === MATRIX_SIZE ? Float32Array.from(matrix.data) : null;
  return {
    landmarks,
    transform,
    blendshapes: hasBlendshapes ? toArkitWeights(result, chosen) : null,
    faceCount: faces.length,
    imageWidth: width,
    imageHeight: height,
  };
}

function largestFace(faces: FaceLandmarkerResult['faceLandmarks']): number {
  let best = 0;
  let bestArea = -1;
  for (let f = 0; f < faces.length; f++) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const p of faces[f]) {
      if (p.x < minX) minX = p.x;
      if (p.x > maxX) maxX = p.x;
      if (p.y < minY) minY = p.y;
      if (p.y > maxY) maxY = p.y;
    }
    const area = (maxX - minX) * (maxY - minY);
    if (area > bestArea) {
      bestArea = area;
      best = f;
    }
  }
  return best;
}

function toArkitWeights(result: FaceLandmarkerResult, face: number): Float32Array | null {
  const categories = result.faceBlendshapes?.[face]?.categories;
  if (!categories) return null;
  const weights = new Float32Array(BLENDSHAPE_COUNT);
  // MediaPipe's names are ARKit's (plus '_neutral', which has no ARKit slot).
  for (const category of categories) {
    if (isBlendshapeName(category.categoryName)) weights[Blendshape[category.categoryName]] = category.score;
  }
  return weights;
}

function describeImage(image: TrackableImage, size: { width: number; height: number }): string {
  const kind = image.constructor?.name ?? 'image';
  const src = typeof HTMLImageElement === 'function' && image instanceof HTMLImageElement ? ` ${image.currentSrc || image.src}` : '';
  return `${kind}${src} (${size.width}×${size.height})`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
