// Spreads portraits that update every Nth frame over those N frames, so every frame carries about the same load.
import { MAX_UPDATE_RATE } from './renderLevels';

/** Loads closer than this (ms) count as equal, so the count decides between them. */
const LOAD_TIE_MS = 1e-9;

/**
 * The predicted load of each frame of the stagger cycle (MAX_UPDATE_RATE frames; every rate divides it).
 * A portrait at rate r and phase p updates on the frames f with f mod r = p. `place` picks the phase
 * whose busiest frame is least loaded (then the fewest updates, then the earliest phase) and books it.
 */
export class PhaseBalancer {
  private readonly _load = new Float64Array(MAX_UPDATE_RATE);
  private readonly _count = new Int32Array(MAX_UPDATE_RATE);

  /** Empties the cycle. */
  clear(): void {
    this._load.fill(0);
    this._count.fill(0);
  }

  /** Books a portrait that already has its phase. */
  add(rate: number, phase: number, costMs: number): void {
    for (let frame = phase; frame < MAX_UPDATE_RATE; frame += rate) {
      this._load[frame] += costMs;
      this._count[frame]++;
    }
  }

  /** Chooses and books a phase in [0, rate) for a portrait costing `costMs` per update. */
  place(rate: number, costMs: number): number {
    let bestPhase = 0;
    let bestLoad = Infinity;
    let bestCount = 0;
    for (let phase = 0; phase < rate; phase++) {
      let peak = 0;
      let count = 0;
      for (let frame = phase; frame < MAX_UPDATE_RATE; frame += rate) {
        if (this._load[frame] > peak) peak = this._load[frame];
        count += this._count[frame];
      }
      if (peak < bestLoad - LOAD_TIE_MS || (peak <= bestLoad + LOAD_TIE_MS && count < bestCount)) {
        bestPhase = phase;
        bestLoad = peak;
        bestCount = count;
      }
    }
    this.add(rate, bestPhase, costMs);
    return bestPhase;
  }

  /** Predicted load in ms of cycle frame `frame` (0..MAX_UPDATE_RATE). */
  loadAt(frame: number): number {
    return this._load[frame];
  }
}
