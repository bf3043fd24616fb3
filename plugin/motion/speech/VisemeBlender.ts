// Coarticulation: the mouth at any moment of a line, each viseme a smooth bump overlapping its neighbours, weighted by dominance.
import { smoothstep } from '../../core/mathUtils';
import type { VisemeTimeline } from './visemeTimeline';
import { Viseme, VISEME_NAMES } from './visemes';
import { SPEECH_BLENDSHAPES, SPEECH_CHANNEL_COUNT, VISEME_JAW_DOMINANCE, VISEME_LIP_DOMINANCE, VISEME_SHAPE_TABLE } from './visemeShapes';

/**
 * Each viseme fades in across its start and out across its end over this share of its own length
 * on either side of the edge, so neighbours overlap and a segment reaches full weight at its middle.
 * Scaled with the segment (within MIN_OVERLAP_MS..MAX_OVERLAP_MS).
 */
export const COARTICULATION_OVERLAP = 0.5;
/** Longest fade at a segment edge, ms: long vowels and pauses hold their shape in the middle. */
export const MAX_OVERLAP_MS = 60;
/**
 * Shortest fade at a segment edge, ms. Lips and jaw cannot move arbitrarily fast: in fast speech
 * short segments blend more with their neighbours and the jaw undershoots, as real speakers' jaws
 * do, instead of snapping (dominance still takes lip closures nearly to their shape).
 */
export const MIN_OVERLAP_MS = 30;
/** Fade between the line and the silence before and after it, ms. */
export const EDGE_OVERLAP_MS = 40;

const JAW = SPEECH_BLENDSHAPES.indexOf('jawOpen');
const CLOSE = SPEECH_BLENDSHAPES.indexOf('mouthClose');
const LIP_DOMINANCE = Float32Array.from(VISEME_NAMES, (name) => VISEME_LIP_DOMINANCE[name]);
const JAW_DOMINANCE = Float32Array.from(VISEME_NAMES, (name) => VISEME_JAW_DOMINANCE[name]);

/**
 * A timeline compiled for playback. `evaluate` gives the speech blendshapes at any time of the line:
 * every segment contributes its viseme's shape with a weight that rises smoothly across its start
 * and falls across its end (smoothstep ramps, so weights and their slopes are continuous), times
 * its dominance; the weighted shapes are averaged, lips and jaw separately (Cohen–Massaro). Lip
 * closures therefore reach their shape even when fast, and the mouth never snaps. Where lips close
 * (PP) over a jaw left open by the neighbours, mouthClose rises with the jaw to seal them.
 * Built once per line (allocates); evaluate and visemeAt allocate nothing.
 */
export class VisemeBlender {
  /** Length of the line in ms. */
  readonly durationMs: number;
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly overlaps: Float64Array;
  private readonly visemes: Uint8Array;
  private readonly count: number;
  private readonly maxOverlap: number;
  private cursor = 0;
  // Sums of the evaluation in progress (fields, so evaluate allocates nothing).
  private lipSum = 0;
  private jawSum = 0;
  private closure = 0;

  constructor(timeline: VisemeTimeline) {
    const segments = timeline.segments;
    this.count = segments.length;
    this.durationMs = timeline.durationMs;
    this.starts = new Float64Array(this.count);
    this.ends = new Float64Array(this.count);
    this.overlaps = new Float64Array(this.count);
    this.visemes = new Uint8Array(this.count);
    let maxOverlap = 0;
    segments.forEach((segment, i) => {
      if (!(segment.endMs >= segment.startMs) || (i > 0 && segment.startMs < segments[i - 1].endMs - 1e-6)) {
        throw new RangeError(`VisemeBlender: segment ${i} (${segment.startMs}..${segment.endMs} ms) is reversed or overlaps the one before; segments must be in order.`);
      }
      this.starts[i] = segment.startMs;
      this.ends[i] = segment.endMs;
      const length = segment.endMs - segment.startMs;
      this.overlaps[i] = length > 0 ? Math.min(Math.max(COARTICULATION_OVERLAP * length, MIN_OVERLAP_MS), MAX_OVERLAP_MS) : 0;
      this.visemes[i] = Viseme[segment.viseme];
      maxOverlap = Math.max(maxOverlap, this.overlaps[i]);
    });
    this.maxOverlap = maxOverlap;
  }

  /** Writes the SPEECH_BLENDSHAPES weights at `lineTimeMs` into `out` (SPEECH_CHANNEL_COUNT long). */
  evaluate(lineTimeMs: number, out: Float32Array): void {
    out.fill(0);
    const t = lineTimeMs;
    // The silence before and after the line, as two more bumps.
    const outside = 1 - smoothstep(-EDGE_OVERLAP_MS, EDGE_OVERLAP_MS, t) + smoothstep(this.durationMs - EDGE_OVERLAP_MS, this.durationMs + EDGE_OVERLAP_MS, t);
    this.lipSum = outside * LIP_DOMINANCE[Viseme.sil];
    this.jawSum = outside * JAW_DOMINANCE[Viseme.sil];
    this.closure = 0;
    if (this.count > 0) {
      const here = this.locate(t);
      for (let k = here; k >= 0 && this.ends[k] + this.maxOverlap >= t; k--) this.accumulate(k, t, out);
      for (let k = here + 1; k < this.count && this.starts[k] - this.maxOverlap <= t; k++) this.accumulate(k, t, out);
    }
    const { lipSum, jawSum } = this;
    if (!(lipSum > 0 && jawSum > 0)) {
      out.fill(0);
      return;
    }
    for (let c = 0; c < SPEECH_CHANNEL_COUNT; c++) out[c] = c === JAW ? out[c] / jawSum : out[c] / lipSum;
    // Lip seal: mouthClose cancels jawOpen on the lips, so closed lips over an open jaw need mouthClose = jawOpen.
    const seal = out[JAW] * (this.closure / lipSum);
    if (seal > out[CLOSE]) out[CLOSE] = seal;
  }

  /** Index into VISEME_NAMES of the segment holding `lineTimeMs`; Viseme.sil before and after the line. */
  visemeAt(lineTimeMs: number): number {
    if (this.count === 0 || !(lineTimeMs >= 0 && lineTimeMs < this.durationMs)) return Viseme.sil;
    return this.visemes[this.locate(lineTimeMs)];
  }

  /** Adds segment k's shape at t, weighted by its bump and dominance, and its weights to the sums. */
  private accumulate(k: number, t: number, out: Float32Array): void {
    const weight = this.kernel(k, t);
    if (weight <= 0) return;
    const viseme = this.visemes[k];
    const lip = weight * LIP_DOMINANCE[viseme];
    const jaw = weight * JAW_DOMINANCE[viseme];
    this.lipSum += lip;
    this.jawSum += jaw;
    if (viseme === Viseme.PP) this.closure += lip;
    const row = viseme * SPEECH_CHANNEL_COUNT;
    for (let c = 0; c < SPEECH_CHANNEL_COUNT; c++) out[c] += (c === JAW ? jaw : lip) * VISEME_SHAPE_TABLE[row + c];
  }

  /** A segment's weight at t: smooth rise across its start times smooth fall across its end. */
  private kernel(k: number, t: number): number {
    const overlap = this.overlaps[k];
    const rise = smoothstep(this.starts[k] - overlap, this.starts[k] + overlap, t);
    return rise * (1 - smoothstep(this.ends[k] - overlap, this.ends[k] + overlap, t));
  }

  /** Index of the segment holding t (clamped to the first or last), walking from the last answer. */
  private locate(t: number): number {
    let i = this.cursor;
    while (i < this.count - 1 && t >= this.ends[i]) i++;
    while (i > 0 && t < this.starts[i]) i--;
    this.cursor = i;
    return i;
  }
}
