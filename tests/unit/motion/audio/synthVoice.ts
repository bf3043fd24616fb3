// Test helper: synthetic speech sounds with known answers: vowels as formant-filtered pulse trains, sibilants as filtered noise, silence.
import { SeededRandom } from '../../../../plugin/core/SeededRandom';

/** A resonance of the vocal tract: centre frequency and bandwidth, Hz. */
export interface Formant {
  hz: number;
  bandwidthHz: number;
}

/** Textbook formants of three corner vowels (adult male) and the bandwidths of a relaxed voice. */
export const VOWELS: { readonly [name in 'ah' | 'ee' | 'oo' | 'eh' | 'aw']: readonly Formant[] } = {
  ah: [{ hz: 730, bandwidthHz: 90 }, { hz: 1090, bandwidthHz: 110 }, { hz: 2440, bandwidthHz: 170 }],
  ee: [{ hz: 270, bandwidthHz: 60 }, { hz: 2290, bandwidthHz: 100 }, { hz: 3010, bandwidthHz: 170 }],
  oo: [{ hz: 300, bandwidthHz: 60 }, { hz: 870, bandwidthHz: 90 }, { hz: 2240, bandwidthHz: 170 }],
  eh: [{ hz: 530, bandwidthHz: 70 }, { hz: 1840, bandwidthHz: 100 }, { hz: 2480, bandwidthHz: 170 }],
  aw: [{ hz: 570, bandwidthHz: 80 }, { hz: 840, bandwidthHz: 90 }, { hz: 2410, bandwidthHz: 170 }],
};

/** Two-pole resonator filtering `signal` in place (unity gain at DC). */
function resonate(signal: Float32Array, sampleRate: number, { hz, bandwidthHz }: Formant): void {
  const r = Math.exp((-Math.PI * bandwidthHz) / sampleRate);
  const a1 = 2 * r * Math.cos((2 * Math.PI * hz) / sampleRate);
  const a2 = -r * r;
  const g = 1 - a1 - a2;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < signal.length; i++) {
    const y = g * signal[i] + a1 * y1 + a2 * y2;
    y2 = y1;
    y1 = y;
    signal[i] = y;
  }
}

/** Scales `signal` in place so its RMS is `dbfs` dB relative to full scale (the same scale as AudioFeatures.levelDb). */
export function setLevel(signal: Float32Array, dbfs: number): Float32Array {
  let square = 0;
  for (const x of signal) square += x * x;
  const rms = Math.sqrt(square / signal.length);
  const scale = rms > 0 ? 10 ** (dbfs / 20) / rms : 0;
  for (let i = 0; i < signal.length; i++) signal[i] *= scale;
  return signal;
}

/** A vowel: a glottal pulse train at `pitchHz` through the vowel's formants, `seconds` long, at `dbfs` RMS. */
export function vowel(formants: readonly Formant[], sampleRate: number, seconds: number, pitchHz = 120, dbfs = -20): Float32Array {
  const signal = new Float32Array(Math.round(seconds * sampleRate));
  const period = sampleRate / pitchHz;
  for (let t = 0; t < signal.length; t += period) signal[Math.floor(t)] = 1;
  // Glottal pulses fall off about 12 dB/octave: two one-pole low-passes.
  for (let pass = 0; pass < 2; pass++) {
    let y = 0;
    for (let i = 0; i < signal.length; i++) signal[i] = y = 0.9 * y + signal[i];
  }
  for (const formant of formants) resonate(signal, sampleRate, formant);
  // Radiation from the lips adds about 6 dB/octave: a first difference.
  for (let i = signal.length - 1; i > 0; i--) signal[i] -= signal[i - 1];
  return setLevel(signal, dbfs);
}

/** Fricative noise: seeded white noise through one broad resonance ("s": about 6.5 kHz, "sh": about 3 kHz). */
export function hiss(sampleRate: number, seconds: number, centre: Formant, dbfs = -30, seed = 7): Float32Array {
  const random = new SeededRandom(seed);
  const signal = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < signal.length; i++) signal[i] = random.next() * 2 - 1;
  resonate(signal, sampleRate, centre);
  return setLevel(signal, dbfs);
}

/** The noise of "s" and of "sh". */
export const FRICATIVES = {
  s: { hz: 6500, bandwidthHz: 3000 },
  sh: { hz: 3000, bandwidthHz: 1200 },
} as const satisfies { readonly [name: string]: Formant };

/** Pieces joined end to end. */
export function concat(...pieces: Float32Array[]): Float32Array {
  const out = new Float32Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
