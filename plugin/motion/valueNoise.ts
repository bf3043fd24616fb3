// Smooth 1-D value noise in [-1, 1], a pure function of (seed, x): hashed lattice values, quintic-eased between.

/** Maps latticeHash's signed 30-bit integers to [-1, 1). */
const HASH_TO_UNIT = 1 / 2 ** 29;
/** Relative amplitude of the second octave: a little faster detail on the slow drift. */
const DETAIL_GAIN = 0.5;
/** Frequency ratio of the second octave; not 2 so the octaves' lattices do not line up. */
const DETAIL_LACUNARITY = 2.13;
/** Seed offset for the second octave, so it is not a scaled copy of the first. */
const DETAIL_SEED_OFFSET = 0x51ed27;
const OCTAVES = 2;
const scratch = new Float64Array(1);

/**
 * Hash of lattice point `i` as a signed 30-bit integer (a 32-bit mixer after MurmurHash3's finaliser).
 * Small enough to stay an unboxed small integer in V8 when the call is not inlined.
 */
function latticeHash(seed: number, i: number): number {
  let h = Math.imul(i | 0, 0x27d4eb2d) ^ Math.imul(seed | 0, 0x165667b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >> 2;
}

/** Quintic ease between the lattice values around `x`. */
function octave(seed: number, x: number): number {
  const i = Math.floor(x);
  const t = x - i;
  const eased = t * t * t * (t * (t * 6 - 15) + 10);
  const a = latticeHash(seed, i) * HASH_TO_UNIT;
  return a + (latticeHash(seed, i + 1) * HASH_TO_UNIT - a) * eased;
}

/** Value noise at `x` for channel `seed`: continuous with continuous first and second derivatives, in [-1, 1]. */
export function valueNoise(seed: number, x: number): number {
  return octave(seed, x);
}

/**
 * Two octaves of value noise, normalised back into [-1, 1], written to `out[index]`. Per-frame code uses
 * this form: it returns nothing, so no double is boxed on the heap when the engine does not inline it.
 */
export function writeSmoothNoise(seed: number, x: number, out: Float64Array, index: number): void {
  let sum = 0;
  let gain = 1;
  let octaveSeed = seed;
  let octaveX = x;
  for (let k = 0; k < OCTAVES; k++) {
    const i = Math.floor(octaveX);
    const t = octaveX - i;
    const eased = t * t * t * (t * (t * 6 - 15) + 10);
    const a = latticeHash(octaveSeed, i) * HASH_TO_UNIT;
    sum += gain * (a + (latticeHash(octaveSeed, i + 1) * HASH_TO_UNIT - a) * eased);
    gain *= DETAIL_GAIN;
    octaveSeed += DETAIL_SEED_OFFSET;
    octaveX *= DETAIL_LACUNARITY;
  }
  out[index] = sum / (1 + DETAIL_GAIN);
}

/** Two octaves of value noise in [-1, 1]; see writeSmoothNoise. */
export function smoothNoise(seed: number, x: number): number {
  writeSmoothNoise(seed, x, scratch, 0);
  return scratch[0];
}
