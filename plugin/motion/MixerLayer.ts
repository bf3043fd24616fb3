// One layer of a MotionMixer: its source, priority, blend mode, masks and a weight that can crossfade over time.
import { FaceControls } from '../core/FaceControls';
import { smoothstep } from '../core/mathUtils';
import { notFiniteError } from '../core/validation';
import { resolveChannelSelection, type ChannelSelection } from './channelMasks';
import { MOTION_CHANNEL_COUNT, type MotionSource } from './MotionSource';

/**
 * How a layer meets what lies below it. 'override' moves each channel toward the source's value by the
 * layer's share (a speaking layer owns the mouth); 'additive' adds the source's value times that share
 * (an emotion's smile on top of idle life; the source's value is an offset from the neutral pose).
 */
export type LayerBlendMode = 'override' | 'additive';

/** Options for MotionMixer.addLayer; every field optional. */
export interface MixerLayerOptions {
  /** Layers blend from low to high priority; equal priorities keep the order they were added. Default 0. */
  priority?: number;
  /** Layer weight, 0..1, multiplied into every channel share. Default 1. */
  weight?: number;
  /** Default 'override'. */
  mode?: LayerBlendMode;
  /** Which of the source's channels this layer passes on (names or a 0..1 mask). Default all. */
  mask?: ChannelSelection;
  /** Channels of lower layers this layer holds off, scaled by its weight (names or a 0..1 mask). Default none. */
  suppresses?: ChannelSelection;
}

const DEFAULT_PRIORITY = 0;
const DEFAULT_WEIGHT = 1;

/** A handle to one layer of a MotionMixer: set `weight`, `fadeTo()`, edit `mask` and `suppresses` in place. */
export class MixerLayer {
  /** The source this layer blends. */
  readonly source: MotionSource;
  /** Blend order: higher priorities land on top. */
  readonly priority: number;
  /** How this layer meets the layers below. */
  readonly mode: LayerBlendMode;
  /** Per-channel factor on the source's `channels`, 0..1; edit in place. */
  readonly mask = new Float32Array(MOTION_CHANNEL_COUNT).fill(1);
  /** Per-channel hold-off on lower layers, 0..1, scaled by the weight; edit in place. */
  readonly suppresses = new Float32Array(MOTION_CHANNEL_COUNT);
  /** @internal The source's pose this frame. */
  readonly scratch = new FaceControls();
  /** @internal How much layers above hold off each channel of this one this frame. */
  readonly heldOff = new Float32Array(MOTION_CHANNEL_COUNT);
  private _weight: number;
  private fadePending = false;
  private fadeFrom = 0;
  private fadeTarget = 0;
  private fadeDurationMs = 0;
  private fadeStartMs = 0;
  private _isFading = false;

  constructor(source: MotionSource, options: MixerLayerOptions = {}) {
    this.source = source;
    const priority = options.priority ?? DEFAULT_PRIORITY;
    if (!Number.isFinite(priority)) throw notFiniteError(priority, 'MixerLayer: options.priority');
    this.priority = priority;
    const mode = options.mode ?? 'override';
    if (mode !== 'override' && mode !== 'additive') {
      throw new RangeError(`MixerLayer: options.mode must be 'override' or 'additive', got "${String(mode)}".`);
    }
    this.mode = mode;
    this._weight = checkWeight(options.weight ?? DEFAULT_WEIGHT, 'MixerLayer: options.weight');
    if (options.mask !== undefined) resolveChannelSelection(options.mask, this.mask, 'MixerLayer: options.mask');
    if (options.suppresses !== undefined) resolveChannelSelection(options.suppresses, this.suppresses, 'MixerLayer: options.suppresses');
  }

  /** Layer weight, 0..1, as of the last mixer sample. Setting it cancels a fade. */
  get weight(): number { return this._weight; }
  set weight(value: number) {
    this._weight = checkWeight(value, 'MixerLayer.weight');
    this._isFading = this.fadePending = false;
  }

  /** True from fadeTo() until the fade has reached its target. */
  get isFading(): boolean { return this._isFading || this.fadePending; }

  /**
   * Eases the weight to `weight` over `durationMs`, starting at the mixer's next sample
   * (0 or less: at once, at that sample). A later fadeTo() starts from wherever this one got to.
   */
  fadeTo(weight: number, durationMs: number): this {
    this.fadeTarget = checkWeight(weight, 'MixerLayer.fadeTo: weight');
    if (!Number.isFinite(durationMs)) throw notFiniteError(durationMs, 'MixerLayer.fadeTo: durationMs');
    this.fadeDurationMs = Math.max(0, durationMs);
    this.fadePending = true;
    return this;
  }

  /** @internal Advances a fade to `timeMs` and returns the weight. */
  advance(timeMs: number): number {
    if (this.fadePending) {
      this.fadePending = false;
      this._isFading = true;
      this.fadeFrom = this._weight;
      this.fadeStartMs = timeMs;
    }
    if (this._isFading) {
      const done = this.fadeDurationMs <= 0 || timeMs >= this.fadeStartMs + this.fadeDurationMs;
      const eased = done ? 1 : smoothstep(this.fadeStartMs, this.fadeStartMs + this.fadeDurationMs, timeMs);
      this._weight = this.fadeFrom + (this.fadeTarget - this.fadeFrom) * eased;
      if (done) this._isFading = false;
    }
    return this._weight;
  }
}

function checkWeight(value: number, what: string): number {
  if (!Number.isFinite(value)) throw notFiniteError(value, what);
  if (value < 0 || value > 1) throw new RangeError(`${what} must lie in [0, 1], got ${value}.`);
  return value;
}
