// An in-place radix-2 FFT of fixed size with precomputed twiddles and bit reversal; allocation-free after construction.

/**
 * Fast Fourier transform of one power-of-two size. Tables are built once; `transform` and
 * `powerSpectrum` work in place on caller-owned arrays and allocate nothing.
 */
export class RadixTwoFft {
  /** Transform length (a power of two). */
  readonly size: number;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly reversed: Uint32Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 2 || (size & (size - 1)) !== 0) {
      throw new RangeError(`RadixTwoFft: size must be a power of two ≥ 2, got ${size}; round up with nextPowerOfTwo().`);
    }
    this.size = size;
    const half = size >> 1;
    this.cos = new Float64Array(half);
    this.sin = new Float64Array(half);
    for (let k = 0; k < half; k++) {
      this.cos[k] = Math.cos((2 * Math.PI * k) / size);
      this.sin[k] = -Math.sin((2 * Math.PI * k) / size);
    }
    this.reversed = new Uint32Array(size);
    const bits = Math.log2(size);
    for (let i = 0; i < size; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.reversed[i] = r;
    }
  }

  /** Forward transform of (re, im), each `size` long, in place. */
  transform(re: Float64Array, im: Float64Array): void {
    const n = this.size;
    for (let i = 0; i < n; i++) {
      const j = this.reversed[i];
      if (j > i) {
        const tr = re[i]; re[i] = re[j]; re[j] = tr;
        const ti = im[i]; im[i] = im[j]; im[j] = ti;
      }
    }
    for (let length = 2; length <= n; length <<= 1) {
      const half = length >> 1;
      const step = n / length;
      for (let start = 0; start < n; start += length) {
        for (let k = 0; k < half; k++) {
          const wr = this.cos[k * step];
          const wi = this.sin[k * step];
          const a = start + k;
          const b = a + half;
          const xr = re[b] * wr - im[b] * wi;
          const xi = re[b] * wi + im[b] * wr;
          re[b] = re[a] - xr; im[b] = im[a] - xi;
          re[a] += xr; im[a] += xi;
        }
      }
    }
  }

  /**
   * Power |X[k]|² of the real signal in `re` (im is scratch, overwritten) for bins 0..size/2,
   * written into `power` (size/2 + 1 long).
   */
  powerSpectrum(re: Float64Array, im: Float64Array, power: Float64Array): void {
    im.fill(0);
    this.transform(re, im);
    for (let k = 0; k <= this.size >> 1; k++) power[k] = re[k] * re[k] + im[k] * im[k];
  }
}

/** The smallest power of two ≥ `value` (value ≥ 1). */
export function nextPowerOfTwo(value: number): number {
  let p = 1;
  while (p < value) p <<= 1;
  return p;
}
