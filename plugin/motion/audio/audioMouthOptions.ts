// Options of the audio → mouth analysis, their defaults and checks.
import { numberOption } from '../numberOption';

/** Options of AudioMouthAnalyser (and AudioLipSync); every field optional. */
export interface AudioMouthOptions {
  /** Length of one analysis window, ms: the most latency the analysis adds. Default 25 (a usual speech frame). */
  windowMs?: number;
  /** A new window is analysed every hopMs of audio, ms (1..windowMs). Default 10. */
  hopMs?: number;
  /** Sensitivity: input samples are multiplied by this before analysis (2 ≈ +6 dB). Default 1. */
  gain?: number;
  /** Windows quieter than this (dB full scale, after gain) close the mouth: the noise gate. Default -50. */
  noiseGateDb?: number;
  /** Windows this loud or louder open the mouth as far as their viseme goes, dBFS. Default -22. */
  fullLevelDb?: number;
  /** Time constant of the mouth opening toward a louder target, ms (0: at once). Default 8. */
  attackMs?: number;
  /** Time constant of the mouth closing toward a quieter target, ms (0: at once). Default 50. */
  releaseMs?: number;
}

/** A usual speech analysis frame: long enough for two pitch periods of a low voice, short enough to follow syllables. */
const DEFAULT_WINDOW_MS = 25;
/** The usual speech frame step: 100 windows a second, more often than any display frame rate needs. */
const DEFAULT_HOP_MS = 10;
/** Windows shorter than this hold less than one pitch period of a low voice. */
const MIN_WINDOW_MS = 8;
/** Windows longer than this would make the mouth visibly late. */
const MAX_WINDOW_MS = 100;
/** Room noise and a quiet microphone hiss sit under this; soft speech above it. */
const DEFAULT_NOISE_GATE_DB = -50;
/** Normal speech peaks around -20 dBFS in a recording or a synthesised voice. */
const DEFAULT_FULL_LEVEL_DB = -22;
/** Fast enough to add under one hop of delay to an onset. */
const DEFAULT_ATTACK_MS = 8;
/** Slow enough to hide the flutter between pitch periods, fast enough to close between syllables. */
const DEFAULT_RELEASE_MS = 50;
/** The largest gain accepted: +60 dB lifts even a whisper. */
const MAX_GAIN = 1000;
/** Smoothing longer than this is not lip sync any more. */
const MAX_SMOOTHING_MS = 2000;

/** AudioMouthOptions with defaults filled in and checked; `owner` names the class in error messages. */
export function resolveAudioMouthOptions(options: AudioMouthOptions, owner: string): Required<AudioMouthOptions> {
  if (typeof options !== 'object' || options === null) throw new TypeError(`${owner}: options must be an object, got ${options === null ? 'null' : typeof options}.`);
  const windowMs = numberOption(options.windowMs, DEFAULT_WINDOW_MS, `${owner}: options.windowMs`, MIN_WINDOW_MS, MAX_WINDOW_MS);
  const noiseGateDb = numberOption(options.noiseGateDb, DEFAULT_NOISE_GATE_DB, `${owner}: options.noiseGateDb`, -120, 0);
  const fullLevelDb = numberOption(options.fullLevelDb, DEFAULT_FULL_LEVEL_DB, `${owner}: options.fullLevelDb`, -120, 0);
  if (fullLevelDb <= noiseGateDb) {
    throw new RangeError(`${owner}: options.fullLevelDb (${fullLevelDb}) must be above options.noiseGateDb (${noiseGateDb}); raise it or lower the gate.`);
  }
  return {
    windowMs,
    hopMs: numberOption(options.hopMs, Math.min(DEFAULT_HOP_MS, windowMs), `${owner}: options.hopMs`, 1, windowMs),
    gain: numberOption(options.gain, 1, `${owner}: options.gain`, 0, MAX_GAIN),
    noiseGateDb,
    fullLevelDb,
    attackMs: numberOption(options.attackMs, DEFAULT_ATTACK_MS, `${owner}: options.attackMs`, 0, MAX_SMOOTHING_MS),
    releaseMs: numberOption(options.releaseMs, DEFAULT_RELEASE_MS, `${owner}: options.releaseMs`, 0, MAX_SMOOTHING_MS),
  };
}
