// Samples the heap in use after a full garbage collection, to see whether memory grows over a long run.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A full, synchronous garbage collection: --expose-gc set at run time, the gc function taken from a fresh context. */
function exposedGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Collects heapUsed after a full GC, with the time (ms since start) of each sample. */
export class HeapSampler {
  readonly timesMs: number[] = [];
  readonly heapUsed: number[] = [];
  private readonly gc = exposedGc();

  /** Runs a full GC and records heapUsed at `timeMs`. */
  sample(timeMs: number): void {
    this.gc();
    this.timesMs.push(timeMs);
    this.heapUsed.push(process.memoryUsage().heapUsed);
  }

  /** Median heapUsed of the samples taken in [fromMs, toMs]. */
  medianBetween(fromMs: number, toMs: number): number {
    const values = this.heapUsed.filter((_, i) => this.timesMs[i] >= fromMs && this.timesMs[i] <= toMs).sort((a, b) => a - b);
    if (values.length === 0) throw new RangeError(`HeapSampler: no sample between ${fromMs} and ${toMs} ms.`);
    return values[values.length >> 1];
  }
}
