// Tool page: tracks the face in every frame of a video at a fixed rate and returns a landmark clip file.
import type { FaceDetection } from '../../plugin/capture/FaceDetection';
import { FaceTracker } from '../../plugin/capture/FaceTracker';
import { NoFaceError } from '../../plugin/core/errors';
import { encodeLandmarkClip } from '../../plugin/motion/clips/encodeLandmarkClip';
import { LandmarkClip } from '../../plugin/motion/clips/LandmarkClip';

/** What the page hands back to tools/clips/video-to-landmark-clip.mjs. */
export interface VideoClipResult {
  /** The encoded landmark clip, base64. */
  clipBase64: string;
  frameCount: number;
  /** Frames where no face was found, which hold the nearest tracked frame. */
  facelessFrames: number;
  width: number;
  height: number;
  durationS: number;
}

const FLOATS = 478 * 3;
const TRANSFORM_FLOATS = 16;

/** Seeks `video` to `timeS` and resolves once that frame can be drawn. */
function seek(video: HTMLVideoElement, timeS: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => { video.removeEventListener('error', failed); resolve(); };
    const failed = () => { video.removeEventListener('seeked', done); reject(new Error(`the video failed while seeking to ${timeS} s: ${video.error?.message ?? 'unknown error'}`)); };
    video.addEventListener('seeked', done, { once: true });
    video.addEventListener('error', failed, { once: true });
    video.currentTime = timeS;
  });
}

async function loadVideo(url: string): Promise<HTMLVideoElement> {
  const video = document.getElementById('video') as HTMLVideoElement;
  // The tool's server answers whole files, not byte ranges, so a video played from it cannot seek;
  // one from a blob URL can.
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the video ${url} cannot be read: HTTP ${response.status}`);
  const blobUrl = URL.createObjectURL(await response.blob());
  await new Promise<void>((resolve, reject) => {
    video.addEventListener('loadeddata', () => resolve(), { once: true });
    video.addEventListener('error', () => reject(new Error(`the video ${url} cannot be played: ${video.error?.message ?? 'unknown error'}`)), { once: true });
    video.src = blobUrl;
  });
  if (!(video.duration > 0 && Number.isFinite(video.duration))) throw new Error(`the video ${url} has no known duration (${video.duration}); re-mux it with ffmpeg.`);
  return video;
}

/**
 * Steps through the video at `frameRate` (seeking frame by frame, so the clip has duration × rate
 * frames however slow tracking is), tracks each frame in video mode, and encodes the clip; the
 * first tracked frame is the performer's neutral.
 */
async function convert(url: string, frameRate: number): Promise<VideoClipResult> {
  const video = await loadVideo(url);
  const frameCount = Math.max(1, Math.floor(video.duration * frameRate));
  const tracker = await FaceTracker.CreateAsync({ runningMode: 'video' });
  // Each seeked frame is drawn into a canvas first: the tracker then reads exactly that frame.
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  const found: (FaceDetection | null)[] = [];
  try {
    for (let k = 0; k < frameCount; k++) {
      const timeS = k / frameRate;
      await seek(video, timeS);
      context.drawImage(video, 0, 0);
      const detection = tracker.detectVideoFrame(canvas, timeS * 1000);
      found.push(detection && { ...detection, landmarks: detection.landmarks.slice(), transform: detection.transform?.slice() ?? null });
    }
  } finally {
    tracker.dispose();
  }
  const first = found.findIndex((d) => d !== null);
  if (first < 0) throw new NoFaceError(`the video ${url} (${video.videoWidth}×${video.videoHeight}, ${frameCount} frames)`);
  const frames = new Float32Array(frameCount * FLOATS);
  const hasTransforms = found.every((d) => d === null || d.transform !== null);
  const transforms = hasTransforms ? new Float32Array(frameCount * TRANSFORM_FLOATS) : null;
  let held = found[first]!;
  let facelessFrames = 0;
  for (let k = 0; k < frameCount; k++) {
    const d = found[k];
    if (d) held = d; else facelessFrames++;
    // Before the first face, frames hold the first tracked one; after a lost face, the last one.
    const source = k < first ? found[first]! : held;
    frames.set(source.landmarks, k * FLOATS);
    if (transforms && source.transform) transforms.set(source.transform, k * TRANSFORM_FLOATS);
  }
  const clip = LandmarkClip.FromFrames({ frameRate, imageWidth: video.videoWidth, imageHeight: video.videoHeight, frames, transforms });
  const bytes = encodeLandmarkClip(clip);
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return { clipBase64: btoa(binary), frameCount, facelessFrames, width: video.videoWidth, height: video.videoHeight, durationS: video.duration };
}

Object.assign(window, { convert, toolReady: true });
