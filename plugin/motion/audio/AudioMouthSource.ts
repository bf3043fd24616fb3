// A MotionSource that plays an AudioMouthAnalyser's mouth: pumps its feed each sample, owns the mouth while sound is heard.
import type { FaceControls } from '../../core/FaceControls';
import { clamp01 } from '../../core/mathUtils';
import { notFiniteError } from '../../core/validation';
import { HEAD_CHANNEL_COUNT, MOTION_CHANNEL_COUNT, type MotionSource } from '../MotionSource';
import { numberOption } from '../numberOption';
import { SPEECH_BLENDSHAPE_INDICES, SPEECH_CHANNEL_COUNT } from '../speech/visemeShapes';
import type { VisemeName } from '../speech/visemes';
import type { AudioMouthAnalyser } from './AudioMouthAnalyser';

/** Something that hands new windows of audio to an analyser when pumped (HopReader, AnalyserNodeReader). */
export interface AudioWindowFeed {
  /** Analyses whatever audio arrived since the last call; returns the number of windows analysed. Allocates nothing. */
  pump(): number;
}

/** Options of the mouth's hand-over to other layers; every field optional. */
export interface AudioMouthSourceOptions {
  /** How long the source keeps the mouth (closed) after the last sound above the gate, ms: pauses between words stay its own. Default 400. */
  holdMs?: number;
  /** How long it takes to take hold of the mouth (channels 0 → 1) and to let go after holdMs, ms. Default 100 (as SpeechSource). */
  fadeMs?: number;
}

/** Longer than the pause between words and clauses, shorter than a turn in a conversation. */
const DEFAULT_HOLD_MS = 400;
/** Hand-over of the mouth to and from other layers: quick, but longer than a frame at 30 fps. */
const DEFAULT_FADE_MS = 100;
/** Longest accepted hold or fade, ms. */
const MAX_HAND_OVER_MS = 60_000;

/**
 * Speech from audio as a MotionSource. Each `sample(timeMs, out)` pumps the feed (analysing the
 * audio that arrived since the last sample) and writes the analyser's mouth onto the
 * SPEECH_BLENDSHAPES channels, the same ones SpeechSource drives. `channels` ramps to 1 over
 * `fadeMs` while sound is heard and back to 0 once nothing was heard for `holdMs`; while it is 0
 * sample() writes nothing. Allocates nothing and awaits nothing per sample.
 */
export class AudioMouthSource implements MotionSource {
  /** 1 on the speech channels while the source holds the mouth (ramping over fadeMs), 0 elsewhere. */
  readonly channels = new Float32Array(MOTION_CHANNEL_COUNT);
  /** The analysis behind the mouth: its `features`, `visemeWeights` and `mouth` are readable at any time. */
  readonly analyser: AudioMouthAnalyser;
  private readonly feed: AudioWindowFeed;
  private readonly holdMs: number;
  private readonly fadeMs: number;
  private lastTimeMs = Number.NaN;
  private lastHeardMs = -Infinity;
  private influence = 0;

  constructor(analyser: AudioMouthAnalyser, feed: AudioWindowFeed, options: AudioMouthSourceOptions = {}) {
    if (feed === null || typeof feed !== 'object' || typeof feed.pump !== 'function') {
      throw new TypeError('AudioMouthSource: feed must have a pump() method (a HopReader or AnalyserNodeReader).');
    }
    this.analyser = analyser;
    this.feed = feed;
    this.holdMs = numberOption(options.holdMs, DEFAULT_HOLD_MS, 'AudioMouthSource: options.holdMs', 0, MAX_HAND_OVER_MS);
    this.fadeMs = numberOption(options.fadeMs, DEFAULT_FADE_MS, 'AudioMouthSource: options.fadeMs', 0, MAX_HAND_OVER_MS);
  }

  /** True while the source holds the mouth (sound heard within holdMs, or still letting go). */
  get speaking(): boolean {
    return this.influence > 0;
  }

  /** The strongest viseme of the latest window ('sil' in silence). */
  get currentViseme(): VisemeName {
    return this.analyser.currentViseme;
  }

  /** Pumps the feed and writes the mouth into the speech channels of `out` while the source holds them. */
  sample(timeMs: number, out: FaceControls): void {
    if (!Number.isFinite(timeMs)) throw notFiniteError(timeMs, 'AudioMouthSource.sample: timeMs');
    const elapsed = Number.isNaN(this.lastTimeMs) ? 0 : Math.max(0, timeMs - this.lastTimeMs);
    this.lastTimeMs = timeMs;
    if (this.pumpFeed() > 0 && this.analyser.hearing) this.lastHeardMs = timeMs;
    this.fadeChannels(timeMs, elapsed);
    if (this.influence > 0) {
      const mouth = this.analyser.mouth;
      const weights = out.weights;
      for (let c = 0; c < SPEECH_CHANNEL_COUNT; c++) weights[SPEECH_BLENDSHAPE_INDICES[c]] = clamp01(mouth[c]);
    }
  }

  /** Pumps the feed; subclasses that may have released it return 0 instead. */
  protected pumpFeed(): number {
    return this.feed.pump();
  }

  /** Ramps the speech channels toward 1 while sound was heard within holdMs, else toward 0. */
  private fadeChannels(timeMs: number, elapsed: number): void {
    const active = timeMs - this.lastHeardMs <= this.holdMs;
    const step = this.fadeMs > 0 ? elapsed / this.fadeMs : 1;
    this.influence = active ? Math.min(1, this.influence + step) : Math.max(0, this.influence - step);
    for (let c = 0; c < SPEECH_CHANNEL_COUNT; c++) this.channels[HEAD_CHANNEL_COUNT + SPEECH_BLENDSHAPE_INDICES[c]] = this.influence;
  }
}
