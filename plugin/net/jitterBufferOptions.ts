// Options of MotionJitterBuffer, their defaults and their checks.

/** Options of MotionJitterBuffer; every field is optional. */
export interface MotionJitterBufferOptions {
  /** How far behind the newest frame's (estimated) arrival playback runs, in ms: room for late frames. Default 100. */
  playoutDelayMs?: number;
  /** How far past the newest frame the motion is carried on (linearly) before it holds, in ms. Default 100. */
  maxExtrapolationMs?: number;
  /** After this many ms without a new frame the stream is stale and the face eases to neutral. Default 500. */
  staleAfterMs?: number;
  /** How long the face takes to ease to neutral when the stream goes stale, and back when it resumes, in ms. Default 300. */
  neutralEaseMs?: number;
  /** Frames held, ≥ 2. Default 32: about 1 s at 30 frames/s, far more than the playout delay needs. */
  capacity?: number;
  /**
   * Weight of each arrival in the clock offset estimate, in (0, 1]. Default 0.05: averages about 20 frames,
   * so ±50 ms of jitter moves the playout point by only about ±5 ms.
   */
  clockSmoothing?: number;
}

/** Every option, resolved. */
export type ResolvedJitterBufferOptions = Required<MotionJitterBufferOptions>;

/** The defaults documented on MotionJitterBufferOptions. */
export const DEFAULT_JITTER_BUFFER_OPTIONS: Readonly<ResolvedJitterBufferOptions> = {
  playoutDelayMs: 100,
  maxExtrapolationMs: 100,
  staleAfterMs: 500,
  neutralEaseMs: 300,
  capacity: 32,
  clockSmoothing: 0.05,
};

/** Largest capacity accepted: late-frame insertion is linear in the size, and 10 s of frames is plenty. */
const MAX_CAPACITY = 1024;

/** Fills in defaults; throws RangeError naming the option for a value out of range. */
export function resolveJitterBufferOptions(options: MotionJitterBufferOptions): ResolvedJitterBufferOptions {
  if (options === null || typeof options !== 'object') throw new TypeError(`MotionJitterBuffer: options must be an object, got ${options === null ? 'null' : typeof options}.`);
  const resolved: ResolvedJitterBufferOptions = { ...DEFAULT_JITTER_BUFFER_OPTIONS };
  for (const key of Object.keys(DEFAULT_JITTER_BUFFER_OPTIONS) as Array<keyof ResolvedJitterBufferOptions>) {
    const value = options[key];
    if (value !== undefined) resolved[key] = value;
  }
  checkMs(resolved.playoutDelayMs, 'playoutDelayMs', 0);
  checkMs(resolved.maxExtrapolationMs, 'maxExtrapolationMs', 0);
  checkMs(resolved.staleAfterMs, 'staleAfterMs', Number.MIN_VALUE);
  checkMs(resolved.neutralEaseMs, 'neutralEaseMs', 0);
  const { capacity, clockSmoothing } = resolved;
  if (!(Number.isInteger(capacity) && capacity >= 2 && capacity <= MAX_CAPACITY)) {
    throw new RangeError(`MotionJitterBuffer: capacity must be an integer from 2 to ${MAX_CAPACITY} frames, got ${capacity}.`);
  }
  if (!(typeof clockSmoothing === 'number' && clockSmoothing > 0 && clockSmoothing <= 1)) {
    throw new RangeError(`MotionJitterBuffer: clockSmoothing must be in (0, 1] (0.05 averages about 20 frames), got ${clockSmoothing}.`);
  }
  return resolved;
}

function checkMs(value: number, name: string, min: number): void {
  if (!(typeof value === 'number' && Number.isFinite(value) && value >= min)) {
    throw new RangeError(`MotionJitterBuffer: ${name} must be a finite number of ms${min > 0 ? ' above 0' : ', 0 or more'}, got ${value}.`);
  }
}
