import { describe, expect, it } from 'vitest';
import { Blendshape } from '../../../plugin/core/arkitBlendshapes';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { SeededRandom } from '../../../plugin/core/SeededRandom';
import { BlinkSource } from '../../../plugin/motion/BlinkSource';
import { EPOCH_MS } from '../../../plugin/motion/motionCurves';
import { measureBlinks, meanAndCv } from './blinkMeasure';

const TEN_MINUTES_MS = 600_000;
/** Blinks whose onsets lie closer than this belong to one double blink (single episodes are ≥ 800 ms apart). */
const DOUBLE_BLINK_WINDOW_MS = 700;
/** Sampling is 1 ms and each blink's times vary ±15 %: means over ~170 blinks land within these. */
const CLOSING_RANGE_MS = [90, 112] as const;
const OPENING_RANGE_MS = [135, 165] as const;
const SEEDS = [1, 2, 3, 42];

function episodesOf(onsets: number[]): { starts: number[]; doubles: number } {
  const starts: number[] = [];
  let doubles = 0;
  for (let i = 0; i < onsets.length; i++) {
    if (i > 0 && onsets[i] - onsets[i - 1] < DOUBLE_BLINK_WINDOW_MS) doubles++;
    else starts.push(onsets[i]);
  }
  return { starts, doubles };
}

function lids(source: BlinkSource, times: readonly number[]): number[] {
  const out = new FaceControls();
  return times.flatMap((t) => {
    source.sample(t, out);
    return [out.weights[Blendshape.eyeBlinkLeft], out.weights[Blendshape.eyeBlinkRight]];
  });
}

describe('BlinkSource statistics over ten simulated minutes', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: natural intervals, double blinks and an asymmetric lid curve`, () => {
      const blinks = measureBlinks(new BlinkSource({ seed }), 0, TEN_MINUTES_MS);
      const { starts, doubles } = episodesOf(blinks.map((b) => b.onsetMs));
      const intervals = starts.slice(1).map((t, i) => t - starts[i]);
      const { mean, cv } = meanAndCv(intervals);
      expect(mean).toBeGreaterThan(3500);
      expect(mean).toBeLessThan(4500);
      // Irregular, as spontaneous blinking is (CV about 0.4-0.7), not a metronome.
      expect(cv).toBeGreaterThan(0.3);
      expect(cv).toBeLessThan(0.9);
      expect(Math.min(...intervals)).toBeGreaterThanOrEqual(800);
      const doubleShare = doubles / starts.length;
      expect(doubleShare).toBeGreaterThan(0.05);
      expect(doubleShare).toBeLessThan(0.2);
      const closing = meanAndCv(blinks.map((b) => b.closingMs)).mean;
      const opening = meanAndCv(blinks.map((b) => b.openingMs)).mean;
      expect(closing).toBeGreaterThan(CLOSING_RANGE_MS[0]);
      expect(closing).toBeLessThan(CLOSING_RANGE_MS[1]);
      expect(opening).toBeGreaterThan(OPENING_RANGE_MS[0]);
      expect(opening).toBeLessThan(OPENING_RANGE_MS[1]);
      expect(opening / closing).toBeGreaterThan(1.3);
      // Every blink closes the lid completely and holds it for the configured 30 ms (± one sample).
      for (const b of blinks) expect(Math.abs(b.shutMs - 30)).toBeLessThanOrEqual(1);
    });
  }

  it('both eyes blink together, within the configured lag', () => {
    const source = new BlinkSource({ seed: 5 });
    const left = measureBlinks(source, 0, 120_000, 1, Blendshape.eyeBlinkLeft);
    const right = measureBlinks(new BlinkSource({ seed: 5 }), 0, 120_000, 1, Blendshape.eyeBlinkRight);
    expect(right.length).toBe(left.length);
    expect(left.length).toBeGreaterThan(20);
    const lags = left.map((b, i) => right[i].onsetMs - b.onsetMs);
    for (const lag of lags) expect(Math.abs(lag)).toBeLessThanOrEqual(5);
    expect(lags.some((lag) => lag !== 0)).toBe(true);
    const leftTogether = measureBlinks(new BlinkSource({ seed: 5, eyeOffsetMs: 0 }), 0, 120_000, 1, Blendshape.eyeBlinkLeft);
    const rightTogether = measureBlinks(new BlinkSource({ seed: 5, eyeOffsetMs: 0 }), 0, 120_000, 1, Blendshape.eyeBlinkRight);
    expect(rightTogether).toEqual(leftTogether);
  });

  it('follows its options: a slower blinker, no doubles', () => {
    const blinks = measureBlinks(new BlinkSource({ seed: 9, meanIntervalMs: 8000, doubleBlinkChance: 0, intervalSpread: 0 }), 0, TEN_MINUTES_MS, 2);
    const { starts, doubles } = episodesOf(blinks.map((b) => b.onsetMs));
    expect(doubles).toBe(0);
    const intervals = starts.slice(1).map((t, i) => t - starts[i]);
    const { mean, cv } = meanAndCv(intervals);
    expect(mean).toBeGreaterThan(7000);
    expect(mean).toBeLessThan(8300);
    expect(cv).toBeLessThan(0.1);
  });
});

describe('BlinkSource is a pure function of time', () => {
  const fixedTimes = Array.from({ length: 20_000 }, (_, i) => i * 7);

  it('same seed, same lids; another seed, other lids', () => {
    expect(lids(new BlinkSource({ seed: 11 }), fixedTimes)).toEqual(lids(new BlinkSource({ seed: 11 }), fixedTimes));
    expect(lids(new BlinkSource({ seed: 12 }), fixedTimes)).not.toEqual(lids(new BlinkSource({ seed: 11 }), fixedTimes));
  });

  it('irregular steps, 1 ms steps, huge jumps and going back all give the same lids at the same times', () => {
    const reference = new BlinkSource({ seed: 21 });
    const random = new SeededRandom(3);
    // Irregular but increasing steps from 0.1 ms to 400 ms.
    const irregular: number[] = [];
    for (let t = 0; t < 140_000; t += random.range(0.1, 400)) irregular.push(t);
    const expected = lids(reference, irregular);
    const stepped = new BlinkSource({ seed: 21 });
    const out = new FaceControls();
    // The same source sampled every 1 ms as well in between still answers the probe times identically.
    const probe: number[] = [];
    let next = 0;
    for (let t = 0; t < 140_000 && next < irregular.length; t += 1) {
      while (next < irregular.length && irregular[next] <= t) {
        stepped.sample(irregular[next], out);
        probe.push(out.weights[Blendshape.eyeBlinkLeft], out.weights[Blendshape.eyeBlinkRight]);
        next++;
      }
      stepped.sample(t, out);
    }
    expect(probe).toEqual(expected);
    // Shuffled times (forward and back, across epochs) as well.
    const shuffled = [...irregular].sort(() => random.next() - 0.5);
    const shuffledLids = lids(new BlinkSource({ seed: 21 }), shuffled);
    const byTime = new Map(irregular.map((t, i) => [t, [expected[2 * i], expected[2 * i + 1]]]));
    shuffled.forEach((t, i) => expect([shuffledLids[2 * i], shuffledLids[2 * i + 1]]).toEqual(byTime.get(t)));
  });

  it('a jump of years (a host passing Date.now()) costs at most one epoch of replay', () => {
    const source = new BlinkSource({ seed: 4 });
    const out = new FaceControls();
    const start = performance.now();
    for (const t of [1.7e12, 1.7e12 + 16, 3.4e12, 10, 1.7e12]) source.sample(t, out);
    expect(performance.now() - start).toBeLessThan(200);
    const far = 1.7e12;
    const times = Array.from({ length: 3000 }, (_, i) => far + i * 20);
    const blinking = lids(new BlinkSource({ seed: 4 }), times);
    expect(blinking.some((v) => v === 1)).toBe(true);
    expect(lids(new BlinkSource({ seed: 4 }), times)).toEqual(blinking);
    expect(EPOCH_MS).toBeGreaterThan(60_000);
  });
});

describe('BlinkSource output and options', () => {
  it('writes only the blink weights, in [0, 1]', () => {
    const source = new BlinkSource({ seed: 8 });
    const out = new FaceControls();
    out.set('jawOpen', 0.4).yaw = 0.1;
    const random = new SeededRandom(8);
    let lowest = Infinity, highest = -Infinity;
    for (let t = 0; t < 60_000; t += random.range(1, 50)) {
      source.sample(t, out);
      for (const v of [out.weights[Blendshape.eyeBlinkLeft], out.weights[Blendshape.eyeBlinkRight]]) {
        lowest = Math.min(lowest, v);
        highest = Math.max(highest, v);
      }
    }
    expect(lowest).toBe(0);
    expect(highest).toBeGreaterThan(0.9);
    expect(highest).toBeLessThanOrEqual(1);
    expect(out.get('jawOpen')).toBeCloseTo(0.4, 6);
    expect(out.yaw).toBe(0.1);
    expect(Array.from(source.channels).filter((c) => c > 0)).toHaveLength(2);
  });

  it('refuses bad options and times with messages that name them', () => {
    expect(() => new BlinkSource({ meanIntervalMs: Number.NaN })).toThrow(/BlinkSource: options\.meanIntervalMs/);
    expect(() => new BlinkSource({ doubleBlinkChance: 1.5 })).toThrow(RangeError);
    expect(() => new BlinkSource({ meanIntervalMs: 700 })).toThrow(/meanIntervalMs must be at least/);
    expect(() => new BlinkSource().sample(Number.NaN, new FaceControls())).toThrow(/BlinkSource\.sample: timeMs/);
  });
});
