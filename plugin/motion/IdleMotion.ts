// What a character does when nothing else drives it: breathing and sway, blinks, gaze and an expression, mixed.
import type { FaceControls } from '../core/FaceControls';
import { SeededRandom } from '../core/SeededRandom';
import { BlinkSource, type BlinkSourceOptions } from './BlinkSource';
import { BreathingSway, type BreathingSwayOptions } from './BreathingSway';
import { EmotionSource, type EmotionSourceOptions } from './EmotionSource';
import { GazeSource, type GazeSourceOptions } from './GazeSource';
import type { MixerLayer, MixerLayerOptions } from './MixerLayer';
import { MotionMixer } from './MotionMixer';
import type { MotionSource } from './MotionSource';
import { numberOption } from './numberOption';

/** Options for IdleMotion; every field optional. */
export interface IdleMotionOptions {
  /** One seed for the whole character; each part derives its own from it unless its options give one. Default 1. */
  seed?: number;
  /** Options of the breathing and sway. */
  sway?: BreathingSwayOptions;
  /** Options of the blinks. */
  blink?: BlinkSourceOptions;
  /** Options of the gaze. */
  gaze?: GazeSourceOptions;
  /** Options of the expression. */
  emotion?: EmotionSourceOptions;
}

/**
 * Priorities of the idle layers. Gaze, sway and emotion are additive (their head offsets add up, the
 * expression lands on top); blinks override eyeBlink below the emotion, which holds them off when it closes
 * the eyes. Speech, clips or a webcam go above IDLE_PRIORITY.emotion (e.g. 100) to own what they drive.
 */
export const IDLE_PRIORITY = { gaze: 0, sway: 10, blink: 20, emotion: 30 } as const;

/**
 * The default life of a character: BreathingSway + BlinkSource + GazeSource + EmotionSource in a
 * MotionMixer, deterministic under one seed. Itself a MotionSource; add speech or other layers with
 * addLayer(), or reach the parts and their layer handles directly.
 */
export class IdleMotion implements MotionSource {
  readonly mixer = new MotionMixer();
  readonly sway: BreathingSway;
  readonly blinks: BlinkSource;
  readonly gaze: GazeSource;
  readonly emotion: EmotionSource;
  readonly swayLayer: MixerLayer;
  readonly blinkLayer: MixerLayer;
  readonly gazeLayer: MixerLayer;
  readonly emotionLayer: MixerLayer;

  constructor(options: IdleMotionOptions = {}) {
    const seeds = new SeededRandom(numberOption(options.seed, 1, 'IdleMotion: options.seed'));
    const swaySeed = seeds.nextUint32();
    const blinkSeed = seeds.nextUint32();
    const gazeSeed = seeds.nextUint32();
    this.sway = new BreathingSway({ ...options.sway, seed: options.sway?.seed ?? swaySeed });
    this.blinks = new BlinkSource({ ...options.blink, seed: options.blink?.seed ?? blinkSeed });
    this.gaze = new GazeSource({ ...options.gaze, seed: options.gaze?.seed ?? gazeSeed });
    this.emotion = new EmotionSource(options.emotion);
    this.gazeLayer = this.mixer.addLayer(this.gaze, { priority: IDLE_PRIORITY.gaze, mode: 'additive' });
    this.swayLayer = this.mixer.addLayer(this.sway, { priority: IDLE_PRIORITY.sway, mode: 'additive' });
    this.blinkLayer = this.mixer.addLayer(this.blinks, { priority: IDLE_PRIORITY.blink });
    this.emotionLayer = this.mixer.addLayer(this.emotion, { priority: IDLE_PRIORITY.emotion, mode: 'additive' });
  }

  /** The mixer's channels: 1 wherever a layer drives. */
  get channels(): Float32Array { return this.mixer.channels; }

  /** Adds a layer above (or among) the idle ones, e.g. speech at priority 100 owning the mouth. */
  addLayer(source: MotionSource, options?: MixerLayerOptions): MixerLayer {
    return this.mixer.addLayer(source, options);
  }

  /** Eases to an expression; see EmotionSource.setEmotion. */
  setEmotion(name: string, intensity?: number, fadeMs?: number): void {
    this.emotion.setEmotion(name, intensity, fadeMs);
  }

  /** Looks toward a direction in the portrait's frame; see GazeSource.setLookAtDirection. */
  setLookAtDirection(yawRad: number, pitchRad: number): void {
    this.gaze.setLookAtDirection(yawRad, pitchRad);
  }

  /** Back to looking straight ahead. */
  clearLookAt(): void {
    this.gaze.clearLookAt();
  }

  sample(timeMs: number, out: FaceControls): void {
    this.mixer.sample(timeMs, out);
  }
}
