// Test helper: runs an AudioMouthAnalyser over a whole signal window by window, as the live source does hop by hop.
import type { AudioMouthAnalyser } from '../../../../plugin/motion/audio/AudioMouthAnalyser';
import { SPEECH_BLENDSHAPES } from '../../../../plugin/motion/speech/visemeShapes';
import type { VisemeName } from '../../../../plugin/motion/speech/visemes';

/** One analysed window: where it ends in the signal, and what the analyser made of it. */
export interface AnalysedWindow {
  /** Index of the sample after the window's last one. */
  endSample: number;
  /** Time of the window's end, ms from the signal's start. */
  endMs: number;
  jawOpen: number;
  /** The smoothed mouth, SPEECH_BLENDSHAPES weights. */
  mouth: Float32Array;
  viseme: VisemeName;
  levelDb: number;
  f1Hz: number;
  f2Hz: number;
  hissRatio: number;
}

const JAW = SPEECH_BLENDSHAPES.indexOf('jawOpen');

/** Every hop of `samples` (zeros before the start), analysed in order. */
export function analyseSignal(analyser: AudioMouthAnalyser, samples: Float32Array): AnalysedWindow[] {
  const { windowSamples, hopSamples, sampleRate } = analyser;
  const frame = new Float32Array(windowSamples);
  const result: AnalysedWindow[] = [];
  for (let end = hopSamples; end <= samples.length; end += hopSamples) {
    frame.fill(0);
    const start = end - windowSamples;
    frame.set(samples.subarray(Math.max(0, start), end), Math.max(0, -start));
    analyser.analyse(frame, (hopSamples / sampleRate) * 1000);
    const f = analyser.features;
    result.push({
      endSample: end, endMs: (end / sampleRate) * 1000, jawOpen: analyser.mouth[JAW], mouth: analyser.mouth.slice(),
      viseme: analyser.currentViseme, levelDb: f.levelDb, f1Hz: f.f1Hz, f2Hz: f.f2Hz, hissRatio: f.hissRatio,
    });
  }
  return result;
}
