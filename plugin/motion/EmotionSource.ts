// Facial expressions from named presets, with intensity, a mix of two, and eased crossfades over time.
import { Blendshape, blendshapeIndex } from '../core/arkitBlendshapes';
import { closestName } from '../core/closestName';
import type { FaceControls } from '../core/FaceControls';
import { clamp01, DEG_TO_RAD, smoothstep } from '../core/mathUtils';
import { notFiniteError } from '../core/validation';
import { EMOTION_PRESETS, type EmotionPreset } from './emotionPresets';
import { HeadChannelIndex, weightChannel, writeChannel } from './motionChannels';
import { MOTION_CHANNEL_COUNT, type MotionSource } from './MotionSource';
import { numberOption } from './numberOption';

/** Options for EmotionSource; every field optional. */
export interface EmotionSourceOptions {
  /** Expression at the start. Default 'neutral'. */
  emotion?: string;
  /** Its intensity, 0..1 (clamped). Default 1. */
  intensity?: number;
  /** Extra presets by name, added to (or replacing) EMOTION_PRESETS. Default none. */
  presets?: Readonly<Record<string, EmotionPreset>>;
}

/** Crossfade time when none is given, ms: about how long a face takes to change expression. */
export const DEFAULT_EMOTION_FADE_MS = 300;
/** Largest head tilt a preset may ask for, degrees: expressions nod, they do not turn. */
const MAX_PRESET_HEAD_DEG = 15;
/** Closure of a lid (eyeBlink or eyeSquint) from which the expression starts holding off blinks… */
const EYES_CLOSING_FROM = 0.4;
/** …and at which it holds them off entirely: blinking shut eyes reads as a twitch. */
const EYES_CLOSED_AT = 0.75;
// Module-local copy for the per-frame loops: some module loaders turn every read of an imported binding into a property access.
const CHANNEL_COUNT = MOTION_CHANNEL_COUNT;
const LEFT_BLINK = weightChannel(Blendshape.eyeBlinkLeft);
const RIGHT_BLINK = weightChannel(Blendshape.eyeBlinkRight);
const LEFT_SQUINT = weightChannel(Blendshape.eyeSquintLeft);
const RIGHT_SQUINT = weightChannel(Blendshape.eyeSquintRight);

/**
 * An expression over time: `setEmotion(name, intensity, fadeMs)` or `setMix(a, b, amount, …)` eases from
 * the current face to the new one, starting at the next sample. Values are offsets from neutral (weights
 * and a small head pitch/roll), so the layer suits 'additive' blending over idle life; `channels` covers
 * every channel any preset uses. While the expression closes the eyes, `suppresses` holds off the blinks
 * of lower mixer layers.
 */
export class EmotionSource implements MotionSource {
  /** 1 on every channel any known preset uses (weights, pitch, roll), 0 elsewhere. */
  readonly channels = new Float32Array(MOTION_CHANNEL_COUNT);
  /** eyeBlinkLeft/Right held off in proportion to how closed the expression keeps each eye. */
  readonly suppresses = new Float32Array(MOTION_CHANNEL_COUNT);
  /** Every emotion name this source knows: the built-ins and the options' presets. */
  readonly emotionNames: readonly string[];
  private readonly poses = new Map<string, Float32Array>();
  private readonly from = new Float32Array(MOTION_CHANNEL_COUNT);
  private readonly to = new Float32Array(MOTION_CHANNEL_COUNT);
  private readonly pending = new Float32Array(MOTION_CHANNEL_COUNT);
  private readonly current = new Float32Array(MOTION_CHANNEL_COUNT);
  private hasPending = false;
  private pendingFadeMs = 0;
  private fadeStartMs = 0;
  private fadeMs = 0;
  private _emotion = 'neutral';
  private _mixWith = 'neutral';
  private _mixAmount = 0;
  private _intensity = 0;

  constructor(options: EmotionSourceOptions = {}) {
    const presets: Record<string, EmotionPreset> = { ...EMOTION_PRESETS, ...options.presets };
    for (const [name, preset] of Object.entries(presets)) {
      const pose = denseFromPreset(name, preset);
      this.poses.set(name, pose);
      for (let i = 0; i < MOTION_CHANNEL_COUNT; i++) if (pose[i] !== 0) this.channels[i] = 1;
    }
    this.emotionNames = Object.freeze([...this.poses.keys()]);
    this.setEmotion(options.emotion ?? 'neutral', options.intensity ?? 1, 0);
  }

  /** The target expression (the first of a mix). */
  get emotion(): string { return this._emotion; }
  /** The second expression of a mix (equal to `emotion` when not mixing). */
  get mixWith(): string { return this._mixWith; }
  /** How far the target lies from `emotion` toward `mixWith`, 0..1. */
  get mixAmount(): number { return this._mixAmount; }
  /** Intensity of the target expression, 0..1. */
  get intensity(): number { return this._intensity; }

  /** Eases to `name` at `intensity` (clamped to 0..1) over `fadeMs`. Unknown names throw a RangeError naming the closest. */
  setEmotion(name: string, intensity = 1, fadeMs = DEFAULT_EMOTION_FADE_MS): void {
    this.setMix(name, name, 0, intensity, fadeMs);
  }

  /** Eases to a blend `amount` (0..1, clamped) of the way from expression `a` to `b`, at `intensity`, over `fadeMs`. */
  setMix(a: string, b: string, amount: number, intensity = 1, fadeMs = DEFAULT_EMOTION_FADE_MS): void {
    const poseA = this.pose(a);
    const poseB = this.pose(b);
    if (!Number.isFinite(amount)) throw notFiniteError(amount, 'EmotionSource: amount');
    if (!Number.isFinite(intensity)) throw notFiniteError(intensity, 'EmotionSource: intensity');
    if (!Number.isFinite(fadeMs)) throw notFiniteError(fadeMs, 'EmotionSource: fadeMs');
    const t = clamp01(amount);
    const k = clamp01(intensity);
    for (let i = 0; i < CHANNEL_COUNT; i++) this.pending[i] = (poseA[i] + (poseB[i] - poseA[i]) * t) * k;
    this.hasPending = true;
    this.pendingFadeMs = Math.max(0, fadeMs);
    this._emotion = a;
    this._mixWith = b;
    this._mixAmount = t;
    this._intensity = k;
  }

  sample(timeMs: number, out: FaceControls): void {
    if (!Number.isFinite(timeMs)) throw notFiniteError(timeMs, 'EmotionSource.sample: timeMs');
    if (this.hasPending) {
      // Fade from wherever the face is now, even mid-fade.
      this.evaluate(timeMs);
      this.from.set(this.current);
      this.to.set(this.pending);
      this.fadeStartMs = timeMs;
      this.fadeMs = this.pendingFadeMs;
      this.hasPending = false;
    }
    this.evaluate(timeMs);
    const current = this.current;
    for (let i = 0; i < CHANNEL_COUNT; i++) if (this.channels[i] > 0) writeChannel(out, i, current[i]);
    this.suppresses[LEFT_BLINK] = eyesClosedShare(current[LEFT_BLINK], current[LEFT_SQUINT]);
    this.suppresses[RIGHT_BLINK] = eyesClosedShare(current[RIGHT_BLINK], current[RIGHT_SQUINT]);
  }

  private evaluate(timeMs: number): void {
    const k = this.fadeMs > 0 ? smoothstep(this.fadeStartMs, this.fadeStartMs + this.fadeMs, timeMs) : 1;
    for (let i = 0; i < CHANNEL_COUNT; i++) this.current[i] = this.from[i] + (this.to[i] - this.from[i]) * k;
  }

  private pose(name: string): Float32Array {
    const pose = this.poses.get(name);
    if (pose !== undefined) return pose;
    throw new RangeError(
      `EmotionSource: unknown emotion "${String(name)}"; did you mean "${closestName(String(name), this.emotionNames)}"? ` +
        `Known: ${this.emotionNames.join(', ')}.`,
    );
  }
}

function eyesClosedShare(blink: number, squint: number): number {
  return smoothstep(EYES_CLOSING_FROM, EYES_CLOSED_AT, blink > squint ? blink : squint);
}

/** A preset as a dense channel array, checking its names and ranges. */
function denseFromPreset(name: string, preset: EmotionPreset): Float32Array {
  const what = `EmotionSource: preset "${name}"`;
  if (preset === null || typeof preset !== 'object' || preset.weights === null || typeof preset.weights !== 'object') {
    throw new TypeError(`${what} must be an object with a weights record.`);
  }
  const pose = new Float32Array(MOTION_CHANNEL_COUNT);
  for (const [shape, value] of Object.entries(preset.weights)) {
    pose[weightChannel(blendshapeIndex(shape))] = numberOption(value, 0, `${what}.weights.${shape}`, 0, 1);
  }
  pose[HeadChannelIndex.pitch] = DEG_TO_RAD * numberOption(preset.pitchDeg, 0, `${what}.pitchDeg`, -MAX_PRESET_HEAD_DEG, MAX_PRESET_HEAD_DEG);
  pose[HeadChannelIndex.roll] = DEG_TO_RAD * numberOption(preset.rollDeg, 0, `${what}.rollDeg`, -MAX_PRESET_HEAD_DEG, MAX_PRESET_HEAD_DEG);
  return pose;
}
