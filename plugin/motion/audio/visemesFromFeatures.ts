// AudioFeatures → weights of the 15 OVR visemes: loudness opens the mouth, formant peaks pick the vowel, hiss picks SS or CH.
import { clamp01, smoothstep } from '../../core/mathUtils';
import { Viseme, VISEME_COUNT } from '../speech/visemes';
import type { AudioFeatures } from './audioFeatures';

/**
 * Typical first and second formants of the vowel visemes, Hz (averages of adult voices in the
 * classic Peterson–Barney and Hillenbrand measurements, rounded; "aa" also stands for the vowels
 * of "cat" and "cut", so it sits between them).
 */
export const VOWEL_FORMANTS_HZ = [
  { viseme: Viseme.aa, f1: 720, f2: 1300 },
  { viseme: Viseme.E, f1: 540, f2: 1850 },
  { viseme: Viseme.ih, f1: 330, f2: 2150 },
  { viseme: Viseme.oh, f1: 530, f2: 900 },
  { viseme: Viseme.ou, f1: 330, f2: 880 },
] as const;

/** Spread of each vowel's region in ln(F1), about ±30 %: voices differ that much from the average speaker. */
const F1_SPREAD = Math.log(1.3);
/** Spread in ln(F2), about ±30 %. */
const F2_SPREAD = Math.log(1.3);
/** Hiss share where a sound starts to count as a fricative, and where it is one for sure. */
const HISS_RATIO_EDGES = [0.35, 0.65] as const;
/** Hiss centroids, Hz: "sh" centres lower (about 3-4 kHz), "s" higher (5 kHz and up). */
const SIBILANT_CENTROID_EDGES_HZ = [3800, 5200] as const;

const LOG_VOWELS = VOWEL_FORMANTS_HZ.map(({ viseme, f1, f2 }) => ({ viseme, lnF1: Math.log(f1), lnF2: Math.log(f2) }));
/** Closeness of each vowel this window (module scratch: no allocation per window). */
const closeness = new Float64Array(LOG_VOWELS.length);

/**
 * Writes VISEME_COUNT weights summing to 1 into `out`: 'sil' takes whatever loudness leaves, a
 * loudness between `noiseGateDb` (closed) and `fullLevelDb` (as open as the viseme goes) is shared
 * between the vowels by closeness of (F1, F2) to VOWEL_FORMANTS_HZ and, for hissy windows, the
 * sibilants SS and CH by the hiss centroid. Allocates nothing.
 */
export function visemesFromFeatures(features: AudioFeatures, noiseGateDb: number, fullLevelDb: number, out: Float32Array): void {
  out.fill(0);
  const loudness = features.levelDb <= noiseGateDb ? 0 : clamp01((features.levelDb - noiseGateDb) / (fullLevelDb - noiseGateDb));
  if (loudness === 0) {
    out[Viseme.sil] = 1;
    return;
  }
  const hiss = smoothstep(HISS_RATIO_EDGES[0], HISS_RATIO_EDGES[1], features.hissRatio);
  const sharp = smoothstep(SIBILANT_CENTROID_EDGES_HZ[0], SIBILANT_CENTROID_EDGES_HZ[1], features.hissCentroidHz);
  out[Viseme.SS] = loudness * hiss * sharp;
  out[Viseme.CH] = loudness * hiss * (1 - sharp);
  const voiced = loudness * (1 - hiss);
  const lnF1 = Math.log(Math.max(1, features.f1Hz));
  const lnF2 = Math.log(Math.max(1, features.f2Hz));
  let sum = 0;
  for (let v = 0; v < LOG_VOWELS.length; v++) {
    const d1 = (lnF1 - LOG_VOWELS[v].lnF1) / F1_SPREAD;
    const d2 = (lnF2 - LOG_VOWELS[v].lnF2) / F2_SPREAD;
    closeness[v] = Math.exp(-0.5 * (d1 * d1 + d2 * d2));
    sum += closeness[v];
  }
  for (let v = 0; v < LOG_VOWELS.length; v++) {
    // Far from every vowel (a nasal, a plosive burst): share evenly rather than divide by almost nothing.
    const share = sum > Number.EPSILON ? closeness[v] / sum : 1 / LOG_VOWELS.length;
    out[LOG_VOWELS[v].viseme] = voiced * share;
  }
  out[Viseme.sil] = 1 - loudness;
}

/** Index of the largest of VISEME_COUNT weights. */
export function strongestViseme(weights: Float32Array): number {
  let best = 0;
  for (let v = 1; v < VISEME_COUNT; v++) if (weights[v] > weights[best]) best = v;
  return best;
}
