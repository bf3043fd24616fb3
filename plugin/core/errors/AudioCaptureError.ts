// The named error for audio capture the browser refused (no AudioWorklet, or its module would not load).
import { sentence } from './sentence';
import { TalkingPortraitError } from './TalkingPortraitError';

/** The audio worklet that AudioLipSync asked for could not be created; `mode: 'auto'` falls back to an AnalyserNode instead of throwing this. */
export class AudioCaptureError extends TalkingPortraitError {
  override name = 'AudioCaptureError';

  constructor(detail: string, options?: ErrorOptions) {
    super(`Audio lip sync could not capture audio: ${sentence(detail)} Use mode 'auto' or 'analyser', or allow blob: module scripts in the page's Content-Security-Policy.`, options);
  }
}
