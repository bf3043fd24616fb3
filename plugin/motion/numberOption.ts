// Resolves one numeric option: its default when undefined, else a finite number inside its documented range.
import { notFiniteError } from '../core/validation';

/**
 * `value ?? fallback`, checked: TypeError for a non-number, RangeError for NaN, ±Infinity or a value
 * outside [min, max]. `what` names the option in the message, e.g. 'BlinkSource: options.meanIntervalMs'.
 */
export function numberOption(value: number | undefined, fallback: number, what: string, min = -Infinity, max = Infinity): number {
  const resolved = value ?? fallback;
  if (!Number.isFinite(resolved)) throw notFiniteError(resolved, what);
  if (resolved < min || resolved > max) throw new RangeError(`${what} must lie in [${min}, ${max}], got ${resolved}.`);
  return resolved;
}
