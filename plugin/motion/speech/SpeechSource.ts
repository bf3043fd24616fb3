// A MotionSource that speaks text: say() lays out a line's visemes, sample() plays them on the mouth and jaw.
import type { FaceControls } from '../../core/FaceControls';
import { clamp01 } from '../../core/mathUtils';
import { notFiniteError } from '../../core/validation';
import { HEAD_CHANNEL_COUNT, MOTION_CHANNEL_COUNT, type MotionSource } from '../MotionSource';
import type { PhonemeDictionaryOptions } from './PhonemeDictionary';
import { MouthTransition } from './MouthTransition';
import { retimeFromWord } from './retimeFromWord';
import { checkOverlap, resolveSpeechSourceOptions, type SayOptions, type SpeechOverlap, type SpeechSourceOptions } from './speechSourceOptions';
import { TextToVisemes } from './TextToVisemes';
import { VisemeBlender } from './VisemeBlender';
import { SPEECH_BLENDSHAPE_INDICES, SPEECH_CHANNEL_COUNT } from './visemeShapes';
import type { VisemeTimeline } from './visemeTimeline';
import { VISEME_NAMES, Viseme, type VisemeName } from './visemes';

/** A line waiting or playing; built in say(), so sample() allocates nothing. */
interface Line {
  /** The line as laid out by say(); syncWord re-times copies of it. */
  readonly laidOut: VisemeTimeline;
  timeline: VisemeTimeline;
  blender: VisemeBlender;
  readonly resolve: () => void;
  startMs: number;
}

/**
 * Speech from text as a MotionSource. `say(text)` starts a line at the next sample time (or after
 * the current one, when queued) and returns a promise that resolves once sample() has played the
 * line to its end. `interrupt()` stops the current line and drops queued ones: the mouth eases
 * closed over `transitionMs`, and their promises resolve at once (they never reject, so a
 * fire-and-forget say() cannot cause an unhandled rejection; a replaced line resolves the same way).
 * `channels` covers the jaw, lips and tongue (SPEECH_BLENDSHAPES), ramping to 1 while speaking and
 * back to 0 over `fadeMs` after the last line; while it is 0 sample() writes nothing.
 * sample() allocates nothing and awaits nothing; it throws a RangeError for a non-finite time.
 */
export class SpeechSource implements MotionSource {
  /** 1 on the SPEECH_BLENDSHAPES channels while speaking (ramping over fadeMs), 0 elsewhere and when silent. */
  readonly channels = new Float32Array(MOTION_CHANNEL_COUNT);
  /** The text → visemes pipeline, with its dictionary (add the game's words to `textToVisemes.dictionary`). */
  readonly textToVisemes: TextToVisemes;
  private readonly options: Required<SpeechSourceOptions>;
  private readonly transition: MouthTransition;
  private current: Line | null = null;
  private readonly queue: Line[] = [];
  /** True when the mouth's target changed since the last sample (a line started or was stopped). */
  private targetChanged = false;
  /** True when syncWord re-timed the current line since the last sample. */
  private retimed = false;
  private lastTimeMs = Number.NaN;
  private influence = 0;
  private visemeIndex: number = Viseme.sil;
  private readonly mouth = new Float32Array(SPEECH_CHANNEL_COUNT);

  constructor(textToVisemes: TextToVisemes, options: SpeechSourceOptions = {}) {
    if (!(textToVisemes instanceof TextToVisemes)) {
      throw new TypeError('SpeechSource: pass a TextToVisemes (await TextToVisemes.CreateAsync()), or use SpeechSource.CreateAsync().');
    }
    this.textToVisemes = textToVisemes;
    this.options = resolveSpeechSourceOptions(options);
    this.transition = new MouthTransition(this.options.transitionMs);
  }

  /** A speech source with its own TextToVisemes: the CMU dictionary (imported now, unless disabled) and the game's `words`. */
  static async CreateAsync(options: SpeechSourceOptions & PhonemeDictionaryOptions = {}): Promise<SpeechSource> {
    return new SpeechSource(await TextToVisemes.CreateAsync(options), options);
  }

  /** True while a line is playing or about to start at the next sample. */
  get speaking(): boolean {
    return this.current !== null;
  }

  /** Lines waiting behind the current one. */
  get queuedLines(): number {
    return this.queue.length;
  }

  /** The viseme of the segment playing at the last sample time; 'sil' between lines. */
  get currentViseme(): VisemeName {
    return VISEME_NAMES[this.visemeIndex];
  }

  /** The current line's timeline (plain data), or null between lines. */
  get currentTimeline(): VisemeTimeline | null {
    return this.current?.timeline ?? null;
  }

  /** Time into the current line at the last sample, ms; NaN between lines or before the line's first sample. */
  get lineTimeMs(): number {
    const line = this.current;
    return line === null || Number.isNaN(line.startMs) ? Number.NaN : this.lastTimeMs - line.startMs;
  }

  /**
   * Speaks `text`, starting at the next sample time (or after the lines before it with overlap
   * 'queue'). Resolves when sample() passes the end of the line, or at once when the line is
   * interrupted or replaced. Throws (synchronously) a TypeError or RangeError for bad arguments.
   */
  say(text: string, options: SayOptions = {}): Promise<void> {
    const overlap: SpeechOverlap = checkOverlap(options.overlap ?? this.options.overlap);
    const timeline = this.textToVisemes.toTimeline(text, { rate: options.rate ?? this.options.rate, wordStartsMs: options.wordStartsMs });
    const blender = new VisemeBlender(timeline);
    return new Promise<void>((resolve) => {
      const line: Line = { laidOut: timeline, timeline, blender, resolve, startMs: Number.NaN };
      if (overlap === 'queue' && this.current !== null) {
        this.queue.push(line);
        return;
      }
      this.resolveAll();
      this.current = line;
      this.targetChanged = true;
    });
  }

  /** Stops the current line and drops queued ones; the mouth eases closed and their promises resolve. */
  interrupt(): void {
    if (this.current === null && this.queue.length === 0) return;
    this.resolveAll();
    this.targetChanged = true;
  }

  /**
   * Live alignment: word `wordIndex` of the current line (an index into its timeline's `words`)
   * starts at `timeMs` (default: the last sample time), e.g. from a SpeechSynthesisUtterance
   * `boundary` event while the browser speaks. Later words keep their spacing after it; the word
   * before is squeezed or drawn out to meet it, and the mouth eases into the re-timed line over
   * `transitionMs`. Returns false (and changes nothing) when no line has started. RangeError for
   * an index outside the line's words. Allocates (re-times the line): call it from events, not per frame.
   */
  syncWord(wordIndex: number, timeMs: number = this.lastTimeMs): boolean {
    const line = this.current;
    if (line === null || Number.isNaN(line.startMs) || this.targetChanged) return false;
    if (!Number.isFinite(timeMs)) throw notFiniteError(timeMs, 'SpeechSource.syncWord: timeMs');
    line.timeline = retimeFromWord(line.laidOut, line.timeline, wordIndex, timeMs - line.startMs);
    line.blender = new VisemeBlender(line.timeline);
    this.retimed = true;
    return true;
  }

  /** Plays the line at `timeMs` on the speech channels of `out`; starts and finishes lines, resolving their promises. */
  sample(timeMs: number, out: FaceControls): void {
    if (!Number.isFinite(timeMs)) throw notFiniteError(timeMs, 'SpeechSource.sample: timeMs');
    const elapsed = Number.isNaN(this.lastTimeMs) ? 0 : Math.max(0, timeMs - this.lastTimeMs);
    this.lastTimeMs = timeMs;
    if (this.targetChanged) {
      this.targetChanged = false;
      if (this.current !== null) this.current.startMs = timeMs;
      this.transition.begin(timeMs);
    } else if (this.retimed) {
      this.transition.begin(timeMs);
    }
    this.retimed = false;
    this.finishLines(timeMs);
    this.playMouth(timeMs);
    this.fadeChannels(timeMs, elapsed);
    if (this.influence > 0) {
      const weights = out.weights;
      for (let c = 0; c < SPEECH_CHANNEL_COUNT; c++) weights[SPEECH_BLENDSHAPE_INDICES[c]] = clamp01(this.mouth[c]);
    }
  }

  /** Resolves every line whose end has passed and moves on to the next queued one. */
  private finishLines(timeMs: number): void {
    let line = this.current;
    while (line !== null && timeMs - line.startMs >= line.blender.durationMs) {
      const next = this.queue.shift() ?? null;
      if (next !== null) next.startMs = line.startMs + line.blender.durationMs;
      this.current = next;
      this.transition.begin(timeMs);
      line.resolve();
      line = next;
    }
  }

  /** The mouth at `timeMs`: the line's blend, eased from the last output after any change of line. */
  private playMouth(timeMs: number): void {
    const line = this.current;
    const mouth = this.mouth;
    if (line !== null) {
      line.blender.evaluate(timeMs - line.startMs, mouth);
      this.visemeIndex = line.blender.visemeAt(timeMs - line.startMs);
    } else {
      mouth.fill(0);
      this.visemeIndex = Viseme.sil;
    }
    this.transition.apply(timeMs, mouth);
  }

  /** Ramps the speech channels toward 1 while there is something to play or ease closed, else toward 0. */
  private fadeChannels(timeMs: number, elapsed: number): void {
    const active = this.current !== null || this.transition.isEasing(timeMs);
    const step = this.options.fadeMs > 0 ? elapsed / this.options.fadeMs : 1;
    this.influence = active ? Math.min(1, this.influence + step) : Math.max(0, this.influence - step);
    for (let c = 0; c < SPEECH_CHANNEL_COUNT; c++) this.channels[HEAD_CHANNEL_COUNT + SPEECH_BLENDSHAPE_INDICES[c]] = this.influence;
  }

  /** Resolves the current and queued lines' promises and forgets them. */
  private resolveAll(): void {
    const current = this.current;
    this.current = null;
    current?.resolve();
    while (this.queue.length > 0) this.queue.shift()?.resolve();
  }
}
