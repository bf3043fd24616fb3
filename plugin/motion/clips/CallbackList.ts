// A tiny list of callbacks for events in rooms that may not import Babylon's Observable.

/**
 * Callbacks called in the order added. `notify` copies the list first, so a callback may add or remove
 * callbacks (its own included) while being called; that copy is the only allocation, once per event.
 */
export class CallbackList<T> {
  private readonly callbacks: ((value: T) => void)[] = [];

  /** Adds `callback` and returns it, to remove later. */
  add(callback: (value: T) => void): (value: T) => void {
    if (typeof callback !== 'function') throw new TypeError(`CallbackList.add: expected a function, got ${typeof callback}.`);
    this.callbacks.push(callback);
    return callback;
  }

  /** Removes the first registration of `callback`; false when it was not there. */
  remove(callback: (value: T) => void): boolean {
    const index = this.callbacks.indexOf(callback);
    if (index < 0) return false;
    this.callbacks.splice(index, 1);
    return true;
  }

  /** Removes every callback. */
  clear(): void {
    this.callbacks.length = 0;
  }

  /** Number of callbacks registered. */
  get size(): number {
    return this.callbacks.length;
  }

  /** Calls every callback with `value`. */
  notify(value: T): void {
    if (this.callbacks.length === 0) return;
    for (const callback of this.callbacks.slice()) callback(value);
  }
}
