// Follows an engine's GPU device through a loss and Babylon's restore, for one owner.
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine.js';
import type { Observer } from '@babylonjs/core/Misc/observable.js';

/**
 * Calls `onLost` when the engine loses its device (a WebGPU device lost, a WebGL context lost)
 * and `onRestored` once Babylon has a new one and has rebuilt its own resources. dispose() stops
 * it and is safe twice.
 */
export class DeviceLossWatch {
  private readonly _engine: AbstractEngine;
  private _lostObserver: Observer<AbstractEngine> | null;
  private _restoredObserver: Observer<AbstractEngine> | null;
  private _lost = false;

  constructor(engine: AbstractEngine, onLost: () => void, onRestored: () => void) {
    this._engine = engine;
    this._lostObserver = engine.onContextLostObservable.add(() => {
      this._lost = true;
      onLost();
    });
    this._restoredObserver = engine.onContextRestoredObservable.add(() => {
      this._lost = false;
      onRestored();
    });
  }

  /** True between the loss and the restore. */
  get isLost(): boolean {
    return this._lost;
  }

  dispose(): void {
    if (this._lostObserver) this._engine.onContextLostObservable.remove(this._lostObserver);
    if (this._restoredObserver) this._engine.onContextRestoredObservable.remove(this._restoredObserver);
    this._lostObserver = null;
    this._restoredObserver = null;
  }
}
