// Reads a SampleRing hop by hop: every window whose end has been written is analysed once, in order, so the mouth follows audio time, not frame time.
import type { AudioMouthAnalyser } from './AudioMouthAnalyser';
import type { SampleRing } from './SampleRing';

/** Most windows analysed per pump(): after a long stall (a hidden tab) older windows are skipped, not replayed. */
export const MAX_WINDOWS_PER_PUMP = 16;
/** The write count wraps here (SampleRing counts modulo 2^31). */
const COUNT_MODULUS = 0x80000000;

/**
 * Feeds an AudioMouthAnalyser from a SampleRing. Windows end on a fixed grid of `hopSamples`
 * from the first sample written; `pump()` analyses each window whose end has arrived since the
 * last pump (at most MAX_WINDOWS_PER_PUMP, the newest), each `hopMs` of audio after the one
 * before. A window never waits for more than its own end: the added latency is at most one
 * window plus the time until the next pump. Allocates nothing after construction.
 */
export class HopReader {
  private readonly frame: Float32Array;
  private readonly hopMs: number;
  /** The ring's write count when this reader began. */
  private readonly firstTotal: number;
  /** Samples written so far as seen by this reader (not wrapped; sample numbers index the ring). */
  private total = 0;
  private lastCount = 0;
  /** Where the next window ends (sample number). */
  private nextEnd: number;

  constructor(readonly ring: SampleRing, readonly analyser: AudioMouthAnalyser) {
    const needed = analyser.windowSamples + MAX_WINDOWS_PER_PUMP * analyser.hopSamples;
    if (ring.capacity < 2 * needed) {
      throw new RangeError(`HopReader: the ring holds ${ring.capacity} samples but needs ${2 * needed} for ${analyser.windowSamples}-sample windows; make it larger.`);
    }
    this.frame = new Float32Array(analyser.windowSamples);
    this.hopMs = (analyser.hopSamples / analyser.sampleRate) * 1000;
    this.lastCount = ring.written;
    this.total = this.lastCount;
    this.firstTotal = this.total;
    this.nextEnd = this.total + analyser.hopSamples;
  }

  /** Samples written to the ring since this reader began. */
  get samplesSeen(): number {
    return this.total - this.firstTotal;
  }

  /** Analyses every window that has arrived; returns how many. */
  pump(): number {
    const count = this.ring.written;
    this.total += (count - this.lastCount + COUNT_MODULUS) % COUNT_MODULUS;
    this.lastCount = count;
    const hop = this.analyser.hopSamples;
    const pending = Math.floor((this.total - this.nextEnd) / hop) + 1;
    if (pending > MAX_WINDOWS_PER_PUMP) this.nextEnd += (pending - MAX_WINDOWS_PER_PUMP) * hop;
    let analysed = 0;
    while (this.nextEnd <= this.total) {
      this.copyWindow(this.nextEnd);
      this.analyser.analyse(this.frame, this.hopMs);
      this.nextEnd += hop;
      analysed++;
    }
    return analysed;
  }

  /** The window of samples ending before sample number `end` into `frame`. */
  private copyWindow(end: number): void {
    const { samples, mask } = this.ring;
    const n = this.frame.length;
    const start = end - n;
    for (let i = 0; i < n; i++) this.frame[i] = samples[(start + i) & mask];
  }
}
