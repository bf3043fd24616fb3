// A tiny list of callbacks for events of the pure rooms (motion, net, budget), which may not import Babylon's Observable.

/**
 * Callbacks called in the order added. `add` returns the callback so it can be removed later.
 * A callback that throws stops the notification and the error reaches the caller of `notify`.
 */
export class CallbackList<T> {
  private _callbacks: ((event: T) => void)[] = [];

  /** Number of callbacks held. */
  get count(): number {
    return this._callbacks.length;
  }

  add(callback: (event: T) => void): (event: T) => void {
    if (typeof callback !== 'function') throw new TypeError(`CallbackList.add: expected a function, got ${typeof callback}.`);
    this._callbacks.push(callback);
    return callback;
  }

  /** Removes the first registration of `callback`; false when it was not there. */
  remove(callback: (event: T) => void): boolean {
    const i = this._callbacks.indexOf(callback);
    if (i < 0) return false;
    this._callbacks.splice(i, 1);
    return true;
  }

  /** Calls every callback with `event`; callbacks added or removed meanwhile take effect next time. */
  notify(event: T): void {
    if (this._callbacks.length === 0) return;
    const callbacks = this._callbacks.slice();
    for (let i = 0; i < callbacks.length; i++) callbacks[i](event);
  }

  clear(): void {
    this._callbacks.length = 0;
  }
}
