// Breathing and a slow, smooth head sway: a pure function of time and seed, driving the head channels.
import type { FaceControls } from '../core/FaceControls';
import { DEG_TO_RAD } from '../core/mathUtils';
import { SeededRandom } from '../core/SeededRandom';
import { notFiniteError } from '../core/validation';
import { channelMask } from './channelMasks';
import type { MotionSource } from './MotionSource';
import { numberOption } from './numberOption';
import { writeSmoothNoise } from './valueNoise';

/** Options for BreathingSway; every field optional. */
export interface BreathingSwayOptions {
  /** Seed for the sway's noise and the breathing phase. Default 1. */
  seed?: number;
  /** Scales breathing and sway together; 0 holds the head still. Default 1. */
  amplitude?: number;
  /** Breaths per second; a person at rest takes 12-20 a minute. Default 0.25. */
  breathingRateHz?: number;
  /** Nod of each breath either way, in degrees. Default 0.6. */
  breathingPitchDeg?: number;
  /** Rise of each breath either way, in face heights. Default 0.004. */
  breathingLift?: number;
  /** Largest sway either way, in degrees: a few degrees at most reads as alive, more as drunk. Default 3 / 2 / 1.5. */
  swayDeg?: { yaw?: number; pitch?: number; roll?: number };
  /** How fast the sway wanders, in noise cells per second. Default 0.15. */
  swayRateHz?: number;
}

const DEFAULTS = {
  seed: 1, amplitude: 1, breathingRateHz: 0.25, breathingPitchDeg: 0.6, breathingLift: 0.004,
  swayYawDeg: 3, swayPitchDeg: 2, swayRollDeg: 1.5, swayRateHz: 0.15,
};
/** Largest amplitude factor: beyond it sway is no longer idle life. */
const MAX_AMPLITUDE = 4;
/** Breathing phase drifts by up to this many radians over slow noise, so breaths are not metronomic (about ±10 % rate). */
const BREATH_PHASE_WANDER_RAD = 3;
/** The breathing phase's drift is this many times slower than the breathing itself. */
const BREATH_WANDER_SLOWDOWN = 0.1;
const MS_PER_SECOND = 1000;
/** Noise seeds keep 29 bits: small integers stay unboxed in V8, so passing them per frame allocates nothing. */
const NOISE_SEED_SHIFT = 3;
const WHAT = 'BreathingSway: options';
const TWO_PI = 2 * Math.PI;

/** Idle head motion: a breath every few seconds (small pitch and rise) plus a slow yaw/pitch/roll drift. */
export class BreathingSway implements MotionSource {
  /** Drives yaw, pitch, roll and y. */
  readonly channels = channelMask(['yaw', 'pitch', 'roll', 'y']);
  private readonly yawSeed: number;
  private readonly pitchSeed: number;
  private readonly rollSeed: number;
  private readonly breathSeed: number;
  private readonly breathPhase: number;
  private readonly rateHz: number;
  private readonly breathPitch: number;
  private readonly breathLift: number;
  private readonly swayYaw: number;
  private readonly swayPitch: number;
  private readonly swayRoll: number;
  private readonly swayRateHz: number;
  /** This frame's noise: breath wander, yaw, pitch, roll. */
  private readonly noise = new Float64Array(4);

  constructor(options: BreathingSwayOptions = {}) {
    const random = new SeededRandom(numberOption(options.seed, DEFAULTS.seed, `${WHAT}.seed`));
    this.yawSeed = random.nextUint32() >>> NOISE_SEED_SHIFT;
    this.pitchSeed = random.nextUint32() >>> NOISE_SEED_SHIFT;
    this.rollSeed = random.nextUint32() >>> NOISE_SEED_SHIFT;
    this.breathSeed = random.nextUint32() >>> NOISE_SEED_SHIFT;
    this.breathPhase = random.next() * TWO_PI;
    const amplitude = numberOption(options.amplitude, DEFAULTS.amplitude, `${WHAT}.amplitude`, 0, MAX_AMPLITUDE);
    this.rateHz = numberOption(options.breathingRateHz, DEFAULTS.breathingRateHz, `${WHAT}.breathingRateHz`, 0, 2);
    this.breathPitch = amplitude * DEG_TO_RAD * numberOption(options.breathingPitchDeg, DEFAULTS.breathingPitchDeg, `${WHAT}.breathingPitchDeg`, 0, 5);
    this.breathLift = amplitude * numberOption(options.breathingLift, DEFAULTS.breathingLift, `${WHAT}.breathingLift`, 0, 0.05);
    const sway = options.swayDeg ?? {};
    this.swayYaw = amplitude * DEG_TO_RAD * numberOption(sway.yaw, DEFAULTS.swayYawDeg, `${WHAT}.swayDeg.yaw`, 0, 10);
    this.swayPitch = amplitude * DEG_TO_RAD * numberOption(sway.pitch, DEFAULTS.swayPitchDeg, `${WHAT}.swayDeg.pitch`, 0, 10);
    this.swayRoll = amplitude * DEG_TO_RAD * numberOption(sway.roll, DEFAULTS.swayRollDeg, `${WHAT}.swayDeg.roll`, 0, 10);
    this.swayRateHz = numberOption(options.swayRateHz, DEFAULTS.swayRateHz, `${WHAT}.swayRateHz`, 0, 2);
  }

  sample(timeMs: number, out: FaceControls): void {
    if (!Number.isFinite(timeMs)) throw notFiniteError(timeMs, 'BreathingSway.sample: timeMs');
    const seconds = timeMs / MS_PER_SECOND;
    const noise = this.noise;
    const cells = seconds * this.swayRateHz;
    writeSmoothNoise(this.breathSeed, seconds * this.rateHz * BREATH_WANDER_SLOWDOWN, noise, 0);
    writeSmoothNoise(this.yawSeed, cells, noise, 1);
    writeSmoothNoise(this.pitchSeed, cells, noise, 2);
    writeSmoothNoise(this.rollSeed, cells, noise, 3);
    const breath = Math.sin(TWO_PI * this.rateHz * seconds + BREATH_PHASE_WANDER_RAD * noise[0] + this.breathPhase);
    out.yaw = this.swayYaw * noise[1];
    out.pitch = this.swayPitch * noise[2] + this.breathPitch * breath;
    out.roll = this.swayRoll * noise[3];
    out.y = this.breathLift * breath;
  }
}
