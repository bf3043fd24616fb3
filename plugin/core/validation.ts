/**
 * The error for a value that is not a finite number: TypeError for a non-number, RangeError for
 * NaN or ±Infinity. Callers test `Number.isFinite(value)` first, so the message is built only on failure.
 */
export function notFiniteError(value: unknown, what: string): TypeError | RangeError {
  if (typeof value !== 'number') {
    return new TypeError(`${what} must be a number, got ${typeof value} (${String(value)}).`);
  }
  return new RangeError(`${what} must be a finite number, got ${value}; check the source that computed it.`);
}
