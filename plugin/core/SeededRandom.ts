import { notFiniteError } from './validation';

const UINT32_TO_UNIT = 1 / 0x1_0000_0000;
/** Rounds discarded after seeding so that close seeds give unrelated sequences. */
const WARM_UP_ROUNDS = 12;
const GOLDEN_RATIO_32 = 0x9e3779b9;

/**
 * Deterministic pseudo-random numbers (sfc32: 128 bits of state, a few integer operations per number).
 * The same seed gives the same sequence on every platform. Not for anything secret.
 */
export class SeededRandom {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  private spareGaussian = 0;
  private hasSpareGaussian = false;

  /** `seed` is any finite number; it is reduced to 32 bits (fractions dropped). */
  constructor(seed: number) {
    this.reseed(seed);
  }

  reseed(seed: number): void {
    if (!Number.isFinite(seed)) throw notFiniteError(seed, 'SeededRandom: seed');
    this.a = GOLDEN_RATIO_32;
    this.b = Math.trunc(seed) >>> 0;
    this.c = Math.trunc(seed / 0x1_0000_0000) >>> 0;
    this.d = 1;
    this.hasSpareGaussian = false;
    for (let i = 0; i < WARM_UP_ROUNDS; i++) this.nextUint32();
  }

  /** Uniform integer in [0, 2^32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() * UINT32_TO_UNIT;
  }

  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Normal distribution (Box–Muller; the second value of each pair is kept for the next call). */
  gaussian(mean = 0, standardDeviation = 1): number {
    if (this.hasSpareGaussian) {
      this.hasSpareGaussian = false;
      return mean + standardDeviation * this.spareGaussian;
    }
    // 1 - next() lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    const angle = 2 * Math.PI * this.next();
    this.spareGaussian = radius * Math.sin(angle);
    this.hasSpareGaussian = true;
    return mean + standardDeviation * radius * Math.cos(angle);
  }
}
