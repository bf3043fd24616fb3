// What one analysis window of audio sounds like, as a few numbers: loudness, two formant-like peaks, and how hissy it is.

/** Features of one analysis window; written in place by SpectrumFeatureExtractor.extract. */
export interface AudioFeatures {
  /** RMS level of the window, dB relative to full scale (a full-scale sine is -3 dB); -Infinity-safe: never below SILENCE_DB. */
  levelDb: number;
  /** First spectral envelope peak, Hz (roughly F1: high for open vowels like "ah", low for "ee" and "oo"). */
  f1Hz: number;
  /** Second spectral envelope peak above the first, Hz (roughly F2: high for front vowels like "ee", low for "oo"). */
  f2Hz: number;
  /** Share of the energy above HISS_BAND_HZ, 0..1: near 1 for "s" and "sh", small for vowels. */
  hissRatio: number;
  /** Power-weighted mean frequency of the hiss band, Hz: higher for "s" than for "sh". */
  hissCentroidHz: number;
}

/** The floor of levelDb: the level of digital silence, well under any noise gate. */
export const SILENCE_DB = -120;
/** Hiss is energy above this, Hz: sibilants put most of their energy above it, voiced speech little. */
export const HISS_BAND_HZ = 2500;

/** A zeroed AudioFeatures. */
export function createAudioFeatures(): AudioFeatures {
  return { levelDb: SILENCE_DB, f1Hz: 0, f2Hz: 0, hissRatio: 0, hissCentroidHz: 0 };
}
