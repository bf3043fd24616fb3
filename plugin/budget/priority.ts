// How much a portrait deserves the budget: the game's hint, its share of the screen, and focus.

/** The game's word on a portrait's importance: a named tier or a positive weight (1 is normal). */
export type PriorityHint = 'high' | 'normal' | 'low' | number;

/** Weights of the named hints: 'high' is worth two ladder steps above 'normal', 'low' two below. */
export const PRIORITY_WEIGHTS = { high: 4, normal: 1, low: 0.25 } as const;

/** Screen share counted for a portrait smaller than this, so a speck still has a finite priority. */
const MIN_SCREEN_SHARE = 1e-4;
/**
 * Added to a focused portrait's claim (in ladder steps), larger than any spread of weights and
 * screen shares, so the focused portrait is served before every unfocused one.
 */
export const FOCUS_CLAIM = 1000;

/** The weight of a hint; a RangeError names the bad value. */
export function priorityWeight(hint: PriorityHint): number {
  if (typeof hint === 'number') {
    if (hint > 0 && Number.isFinite(hint)) return hint;
    throw new RangeError(`PortraitScheduler: priority must be 'high', 'normal', 'low' or a positive finite weight, got ${hint}.`);
  }
  const weight = PRIORITY_WEIGHTS[hint];
  if (weight === undefined) {
    throw new RangeError(`PortraitScheduler: priority must be 'high', 'normal', 'low' or a positive finite weight, got '${String(hint)}'.`);
  }
  return weight;
}

/**
 * A portrait's claim on the budget in ladder steps: log2(weight × screen share), plus FOCUS_CLAIM when
 * focused. Doubling the weight or the screen share is worth one step (a quarter of the area is one
 * size halving, i.e. two steps of the ladder, which alternates size and rate).
 */
export function priorityClaim(weight: number, screenShare: number, focused: boolean): number {
  const share = screenShare > MIN_SCREEN_SHARE ? screenShare : MIN_SCREEN_SHARE;
  return Math.log2(weight * share) + (focused ? FOCUS_CLAIM : 0);
}
