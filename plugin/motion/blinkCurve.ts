// The lid closure of one blink over time: a fast eased close, a short hold, a slower opening that settles.

/**
 * Lid closure 0..1 at `elapsedMs` after a blink's onset. Closing eases in and out over `closeMs`
 * (the lid accelerates, then lands); the lid stays shut `holdMs`; opening starts fast and settles
 * over `openMs` ((1 − u)², zero speed on arrival), so the curve is asymmetric like a real blink.
 * 0 before the onset (and for −∞) and after the blink.
 */
export function blinkClosure(elapsedMs: number, closeMs: number, holdMs: number, openMs: number): number {
  if (!(elapsedMs > 0)) return 0;
  if (elapsedMs < closeMs) {
    const u = elapsedMs / closeMs;
    return u * u * (3 - 2 * u);
  }
  const opening = elapsedMs - closeMs - holdMs;
  if (opening <= 0) return 1;
  if (opening >= openMs) return 0;
  const left = 1 - opening / openMs;
  return left * left;
}
