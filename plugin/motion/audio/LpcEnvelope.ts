// Selective linear prediction: an all-pole spectral envelope of the low band of a power spectrum, whose peaks are the formants.

/**
 * Fits an all-pole model of order `order` to the power spectrum's bins 0..bandBins (Makhoul's
 * selective linear prediction: the band is treated as if it were the whole spectrum of a signal
 * sampled at twice its top), and evaluates the model's envelope at those bins. Formants show up as
 * separate peaks even where the smoothed spectrum merges them ("oo", "aw"). Tables are built once;
 * `fit` allocates nothing.
 */
export class LpcEnvelope {
  /** The envelope of the last fit, bandBins + 1 values (arbitrary scale). */
  readonly envelope: Float64Array;
  private readonly cosTable: Float64Array;
  private readonly sinTable: Float64Array;
  private readonly autocorrelation: Float64Array;
  private readonly coefficients: Float64Array;
  private readonly previous: Float64Array;

  constructor(readonly bandBins: number, readonly order: number) {
    if (!Number.isInteger(bandBins) || bandBins < 2 * order) {
      throw new RangeError(`LpcEnvelope: bandBins must be an integer ≥ 2 × order (${2 * order}), got ${bandBins}; use a longer window.`);
    }
    const rows = bandBins + 1;
    this.envelope = new Float64Array(rows);
    this.cosTable = new Float64Array(rows * (order + 1));
    this.sinTable = new Float64Array(rows * (order + 1));
    for (let k = 0; k < rows; k++) {
      for (let m = 0; m <= order; m++) {
        const angle = (Math.PI * k * m) / bandBins;
        this.cosTable[k * (order + 1) + m] = Math.cos(angle);
        this.sinTable[k * (order + 1) + m] = Math.sin(angle);
      }
    }
    this.autocorrelation = new Float64Array(order + 1);
    this.coefficients = new Float64Array(order + 1);
    this.previous = new Float64Array(order + 1);
  }

  /** Fits the model to `power[0..bandBins]` times `tilt` per bin, and fills `envelope`. False (envelope zeroed) for a silent band. */
  fit(power: Float64Array, tilt: Float64Array): boolean {
    const p = this.order;
    const rows = this.bandBins + 1;
    const r = this.autocorrelation;
    r.fill(0);
    for (let k = 0; k < rows; k++) {
      // The band's edges are counted once in a symmetric spectrum, the inside twice.
      const weight = power[k] * tilt[k] * (k === 0 || k === this.bandBins ? 1 : 2);
      for (let m = 0; m <= p; m++) r[m] += weight * this.cosTable[k * (p + 1) + m];
    }
    if (!(r[0] > 0)) {
      this.envelope.fill(0);
      return false;
    }
    this.levinson();
    for (let k = 0; k < rows; k++) {
      let re = 0;
      let im = 0;
      for (let m = 0; m <= p; m++) {
        re += this.coefficients[m] * this.cosTable[k * (p + 1) + m];
        im -= this.coefficients[m] * this.sinTable[k * (p + 1) + m];
      }
      this.envelope[k] = 1 / (re * re + im * im + Number.EPSILON);
    }
    return true;
  }

  /** Levinson–Durbin: predictor coefficients a[0] = 1, a[1..p] from the autocorrelation. */
  private levinson(): void {
    const r = this.autocorrelation;
    const a = this.coefficients;
    const prev = this.previous;
    a.fill(0);
    a[0] = 1;
    // A whisper of white noise keeps the recursion stable on pure tones (a standard regularisation).
    let error = r[0] * (1 + 1e-9);
    for (let i = 1; i <= this.order; i++) {
      let acc = r[i];
      for (let j = 1; j < i; j++) acc += a[j] * r[i - j];
      const reflection = -acc / error;
      prev.set(a);
      for (let j = 1; j < i; j++) a[j] = prev[j] + reflection * prev[i - j];
      a[i] = reflection;
      error *= 1 - reflection * reflection;
      if (!(error > 0)) break;
    }
  }
}
