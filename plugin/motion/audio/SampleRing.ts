// A ring of mono samples with a running write count: filled by the capture worklet (shared memory) or by messages, read by HopReader.
import { nextPowerOfTwo } from './RadixTwoFft';

/** Index of the running count in `counter`. */
const WRITTEN = 0;

/**
 * The latest samples of a stream. `samples` is a power-of-two ring; `counter[0]` counts samples
 * written so far, modulo 2^31 (Atomics-stored after the samples, so a reader that loads it sees
 * them). Backed by SharedArrayBuffers when `shared` (the capture worklet writes from the audio
 * thread), by plain ArrayBuffers otherwise (the main thread writes what messages bring, or a game
 * pushes decoded samples itself). `write` allocates nothing.
 */
export class SampleRing {
  /** The ring of samples; index = sample number & mask. */
  readonly samples: Float32Array;
  /** counter[0]: samples written so far, wrapping at 2^31. */
  readonly counter: Int32Array;
  /** capacity - 1. */
  readonly mask: number;

  /** A ring holding at least `minCapacity` samples, in shared memory when `shared`. */
  constructor(minCapacity: number, shared = false) {
    if (!Number.isInteger(minCapacity) || minCapacity < 1) {
      throw new RangeError(`SampleRing: minCapacity must be a positive integer, got ${minCapacity}.`);
    }
    if (shared && typeof SharedArrayBuffer !== 'function') {
      throw new TypeError('SampleRing: shared memory needs SharedArrayBuffer (a crossOriginIsolated page); pass shared = false.');
    }
    const capacity = nextPowerOfTwo(minCapacity);
    const Buffer = shared ? SharedArrayBuffer : ArrayBuffer;
    this.samples = new Float32Array(new Buffer(capacity * Float32Array.BYTES_PER_ELEMENT));
    this.counter = new Int32Array(new Buffer(Int32Array.BYTES_PER_ELEMENT));
    this.mask = capacity - 1;
  }

  /** True when the ring lives in SharedArrayBuffers. */
  get shared(): boolean {
    return typeof SharedArrayBuffer === 'function' && this.samples.buffer instanceof SharedArrayBuffer;
  }

  /** Number of samples the ring holds. */
  get capacity(): number {
    return this.mask + 1;
  }

  /** The running count, modulo 2^31. */
  get written(): number {
    return Atomics.load(this.counter, WRITTEN);
  }

  /** Appends `block` (any length up to the capacity) and advances the count. */
  write(block: Float32Array): void {
    const n = block.length;
    if (n > this.capacity) throw new RangeError(`SampleRing.write: a block of ${n} samples exceeds the capacity ${this.capacity}; write it in parts.`);
    const start = Atomics.load(this.counter, WRITTEN);
    for (let i = 0; i < n; i++) this.samples[(start + i) & this.mask] = block[i];
    Atomics.store(this.counter, WRITTEN, (start + n) & 0x7fffffff);
  }
}
