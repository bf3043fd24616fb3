// Follows an engine's GPU device through a loss and Babylon's restore, for one owner.
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine.js';
import type { Observer } from '@babylonjs/core/Misc/observable.js';

/**
 * Calls `onLost` when the engine loses its device (a WebGPU device lost, a WebGL context lost)
 * and `onRestored` once Babylon has a new one and has rebuilt its own resources. dispose() stops
 * it and is safe twice.
 *
 * `onRestored` runs a task after Babylon's restore notification, not inside it: Babylon's own
 * EffectWrapper adds a restore observer when made, and one made inside the notification is called
 * in that same round, which remakes its effect's pipeline after its first draw. WebGPU's pipeline
 * cache then hands that draw's pipeline to the remade effect, which has no bind-group layouts for it.
 */
export class DeviceLossWatch {
  private readonly _engine: AbstractEngine;
  private _lostObserver: Observer<AbstractEngine> | null;
  private _restoredObserver: Observer<AbstractEngine> | null;
  private _lost = false;
  private _restoreTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(engine: AbstractEngine, onLost: () => void, onRestored: () => void) {
    this._engine = engine;
    this._lostObserver = engine.onContextLostObservable.add(() => {
      // Lost again before the owner heard of the last restore: that restore is over.
      if (this._restoreTimer !== null) clearTimeout(this._restoreTimer);
      this._restoreTimer = null;
      this._lost = true;
      onLost();
    });
    this._restoredObserver = engine.onContextRestoredObservable.add(() => {
      if (this._restoreTimer !== null) return;
      this._restoreTimer = setTimeout(() => {
        this._restoreTimer = null;
        this._lost = false;
        onRestored();
      }, 0);
    });
  }

  /** True from the loss until onRestored runs. */
  get isLost(): boolean {
    return this._lost;
  }

  dispose(): void {
    if (this._restoreTimer !== null) clearTimeout(this._restoreTimer);
    this._restoreTimer = null;
    if (this._lostObserver) this._engine.onContextLostObservable.remove(this._lostObserver);
    if (this._restoredObserver) this._engine.onContextRestoredObservable.remove(this._restoredObserver);
    this._lostObserver = null;
    this._restoredObserver = null;
  }
}
