/** A gain tried at calibration, and what the detector read at it. */
export interface GainRead {
  readonly gain: number;
  readonly read: number;
}

/**
 * The secant step between the nearest reads either side of `target` (the highest gain read
 * below it, the lowest read at or above it), or null when the reads do not bracket it. A step
 * kept inside the bracket cannot leave it, where one through the last two reads can when the
 * detector's read jumps (jawGainSearch, smileGainSearch).
 */
export function bracketSecant(reads: readonly GainRead[], target: number): number | null {
  let below: GainRead | null = null;
  let above: GainRead | null = null;
  for (const r of reads) {
    if (r.read < target && (!below || r.gain > below.gain)) below = r;
    if (r.read >= target && (!above || r.gain < above.gain)) above = r;
  }
  if (!below || !above || above.gain <= below.gain) return null;
  return below.gain + ((target - below.read) * (above.gain - below.gain)) / (above.read - below.read);
}

/**
 * The read to keep: the one nearest `target` among those reading at least `least` (a read short of
 * what the calibration is for fails where one a little past it only moves further), else the
 * largest read. Null for no reads.
 */
export function bestRead<T extends GainRead>(reads: readonly T[], target: number, least = Number.NEGATIVE_INFINITY): T | null {
  let best: T | null = null;
  for (const r of reads) {
    const reaches = r.read >= least;
    if (!best) best = r;
    else if (reaches !== best.read >= least) best = reaches ? r : best;
    else if (reaches ? Math.abs(r.read - target) < Math.abs(best.read - target) : r.read > best.read) best = r;
  }
  return best;
}
