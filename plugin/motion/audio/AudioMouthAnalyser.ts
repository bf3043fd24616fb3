// Windows of audio → the speech blendshapes (jaw, lips), via spectral features and the text speech's viseme shapes, with attack/release smoothing.
import { Viseme, VISEME_COUNT, VISEME_NAMES, type VisemeName } from '../speech/visemes';
import { SPEECH_CHANNEL_COUNT, VISEME_SHAPE_TABLE } from '../speech/visemeShapes';
import { createAudioFeatures, type AudioFeatures } from './audioFeatures';
import { resolveAudioMouthOptions, type AudioMouthOptions } from './audioMouthOptions';
import { SpectrumFeatureExtractor } from './SpectrumFeatureExtractor';
import { strongestViseme, visemesFromFeatures } from './visemesFromFeatures';

/**
 * The pure heart of lip sync from audio. `analyse(frame, elapsedMs)` takes the latest window of
 * `windowSamples` mono samples and moves `mouth` (SPEECH_BLENDSHAPES weights, the same channels and
 * viseme shapes SpeechSource uses, so text and audio speech look alike) toward the window's
 * target: a blend of viseme shapes weighted by visemesFromFeatures, opening with `attackMs` and
 * closing with `releaseMs`. No Web Audio here; allocates only in the constructor.
 */
export class AudioMouthAnalyser {
  /** Resolved options. */
  readonly options: Readonly<Required<AudioMouthOptions>>;
  /** Samples per analysis window at this sample rate (windowMs rounded). */
  readonly windowSamples: number;
  /** Samples between windows (hopMs rounded, at least 1). */
  readonly hopSamples: number;
  /** Features of the last window analysed. */
  readonly features: AudioFeatures = createAudioFeatures();
  /** Viseme weights of the last window (VISEME_COUNT, summing to 1), before smoothing. */
  readonly visemeWeights = new Float32Array(VISEME_COUNT);
  /** The smoothed mouth: SPEECH_BLENDSHAPES weights in [0, 1]. */
  readonly mouth = new Float32Array(SPEECH_CHANNEL_COUNT);
  private readonly extractor: SpectrumFeatureExtractor;
  private readonly target = new Float32Array(SPEECH_CHANNEL_COUNT);
  private visemeIndex: number = Viseme.sil;

  constructor(readonly sampleRate: number, options: AudioMouthOptions = {}) {
    if (typeof sampleRate !== 'number' || !(sampleRate > 0)) {
      throw new RangeError(`AudioMouthAnalyser: sampleRate must be a positive number of Hz (e.g. audioContext.sampleRate), got ${String(sampleRate)}.`);
    }
    this.options = Object.freeze(resolveAudioMouthOptions(options, 'AudioMouthAnalyser'));
    this.windowSamples = Math.round((this.options.windowMs / 1000) * sampleRate);
    this.hopSamples = Math.max(1, Math.round((this.options.hopMs / 1000) * sampleRate));
    this.extractor = new SpectrumFeatureExtractor(sampleRate, this.windowSamples);
    this.reset();
  }

  /** The strongest viseme of the last window ('sil' when quiet). */
  get currentViseme(): VisemeName {
    return VISEME_NAMES[this.visemeIndex];
  }

  /** True when the last window was above the noise gate. */
  get hearing(): boolean {
    return this.visemeWeights[Viseme.sil] < 1;
  }

  /** Analyses `frame` (windowSamples long, the newest window) and smooths the mouth over `elapsedMs` of audio since the last window. */
  analyse(frame: Float32Array, elapsedMs: number): void {
    const o = this.options;
    this.extractor.extract(frame, o.gain, this.features);
    visemesFromFeatures(this.features, o.noiseGateDb, o.fullLevelDb, this.visemeWeights);
    this.visemeIndex = strongestViseme(this.visemeWeights);
    const target = this.target;
    target.fill(0);
    for (let v = 0; v < VISEME_COUNT; v++) {
      const w = this.visemeWeights[v];
      if (w === 0) continue;
      const row = v * SPEECH_CHANNEL_COUNT;
      for (let c = 0; c < SPEECH_CHANNEL_COUNT; c++) target[c] += w * VISEME_SHAPE_TABLE[row + c];
    }
    const dt = elapsedMs > 0 ? elapsedMs : 0;
    const attack = o.attackMs > 0 ? 1 - Math.exp(-dt / o.attackMs) : 1;
    const release = o.releaseMs > 0 ? 1 - Math.exp(-dt / o.releaseMs) : 1;
    for (let c = 0; c < SPEECH_CHANNEL_COUNT; c++) {
      const m = this.mouth[c];
      const step = target[c] > m ? attack : release;
      this.mouth[c] = m + (target[c] - m) * step;
    }
  }

  /** Closes the mouth at once and forgets the last window (e.g. when the audio stops or jumps). */
  reset(): void {
    this.mouth.fill(0);
    this.visemeWeights.fill(0);
    this.visemeWeights[Viseme.sil] = 1;
    this.visemeIndex = Viseme.sil;
  }
}
