// The fallback feed where AudioWorklet is missing: an AnalyserNode's latest samples, analysed once per pump as the audio clock advances.
import type { AudioMouthAnalyser } from './AudioMouthAnalyser';
import { nextPowerOfTwo } from './RadixTwoFft';

/** AnalyserNode's smallest fftSize. */
const MIN_FFT_SIZE = 32;
/** AnalyserNode's largest fftSize. */
const MAX_FFT_SIZE = 32768;

/**
 * Feeds an AudioMouthAnalyser from an AnalyserNode: each pump() while the context's clock has
 * moved reads the node's newest `windowSamples` samples and analyses them as one window, `elapsed`
 * being the audio time since the last pump. Windows follow the frame rate rather than a fixed hop;
 * the latency added is still at most one window. Allocates nothing after construction.
 */
export class AnalyserNodeReader {
  /** The node to connect audio into (its fftSize covers one window). */
  readonly node: AnalyserNode;
  private readonly buffer: Float32Array<ArrayBuffer>;
  private readonly frame: Float32Array;
  private lastTime = Number.NaN;

  constructor(context: BaseAudioContext, readonly analyser: AudioMouthAnalyser) {
    const fftSize = nextPowerOfTwo(Math.max(MIN_FFT_SIZE, analyser.windowSamples));
    if (fftSize > MAX_FFT_SIZE) {
      throw new RangeError(`AnalyserNodeReader: a ${analyser.windowSamples}-sample window needs fftSize ${fftSize} > ${MAX_FFT_SIZE}; shorten windowMs.`);
    }
    this.node = context.createAnalyser();
    this.node.fftSize = fftSize;
    this.buffer = new Float32Array(fftSize);
    this.frame = this.buffer.subarray(fftSize - analyser.windowSamples);
  }

  /** Analyses the newest window when the audio clock has advanced since the last pump; returns 1 or 0. */
  pump(): number {
    const now = this.node.context.currentTime;
    if (!(now > this.lastTime) && !Number.isNaN(this.lastTime)) return 0;
    const elapsedMs = Number.isNaN(this.lastTime) ? 0 : (now - this.lastTime) * 1000;
    this.lastTime = now;
    this.node.getFloatTimeDomainData(this.buffer);
    this.analyser.analyse(this.frame, elapsedMs);
    return 1;
  }
}
