// Options of AudioLipSync: the analysis, the hand-over of the mouth, and how audio reaches the analysis.
import type { AudioMouthOptions } from './audioMouthOptions';
import type { AudioMouthSourceOptions } from './AudioMouthSource';

/** How AudioLipSync captures audio: 'worklet' (AudioWorklet, off the main thread), 'analyser' (AnalyserNode), or 'auto'. */
export type AudioLipSyncMode = 'auto' | 'worklet' | 'analyser';

/** How captured samples reach the analysis: a shared ring, posted blocks, or an AnalyserNode read per frame. */
export type AudioLipSyncTransport = 'shared-memory' | 'messages' | 'analyser-node';

/** Options of AudioLipSync.CreateAsync; every field optional. */
export interface AudioLipSyncOptions extends AudioMouthOptions, AudioMouthSourceOptions {
  /**
   * 'auto' (default): an AudioWorklet where the context has one and its module loads, else an
   * AnalyserNode. 'worklet': the worklet or an AudioCaptureError. 'analyser': always the AnalyserNode.
   */
  mode?: AudioLipSyncMode;
  /**
   * Whether the worklet writes into a SharedArrayBuffer ring (no messages, nothing allocated per
   * audio block) rather than posting blocks. Default: when the page is crossOriginIsolated.
   * True on a page that is not throws a TypeError.
   */
  sharedMemory?: boolean;
}

/** `mode` if valid, else a RangeError. */
export function checkMode(mode: unknown): AudioLipSyncMode {
  if (mode === 'auto' || mode === 'worklet' || mode === 'analyser') return mode;
  throw new RangeError(`AudioLipSync: options.mode must be 'auto', 'worklet' or 'analyser', got "${String(mode)}".`);
}
