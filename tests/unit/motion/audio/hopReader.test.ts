// SampleRing + HopReader: the same windows as analysing the whole signal, whatever the block sizes, across the count's wrap, skipping a long stall.
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../../plugin/core/SeededRandom';
import { AudioMouthAnalyser } from '../../../../plugin/motion/audio/AudioMouthAnalyser';
import { HopReader, MAX_WINDOWS_PER_PUMP } from '../../../../plugin/motion/audio/HopReader';
import { SampleRing } from '../../../../plugin/motion/audio/SampleRing';
import { analyseSignal } from './analyseSignal';
import { loadSpeechFixture } from './speechFixtures';

const fixture = loadSpeechFixture('words-hello-yes-sister');
const RING_SIZE = 1 << 15;

/** An analyser that records jawOpen after every window it analyses. */
class RecordingAnalyser extends AudioMouthAnalyser {
  readonly jaws: number[] = [];

  override analyse(frame: Float32Array, elapsedMs: number): void {
    super.analyse(frame, elapsedMs);
    this.jaws.push(this.mouth[0]);
  }
}

/** Writes `samples` into `ring` in random blocks of 1..300 samples, pumping after each; returns jawOpen after every window. */
function stream(samples: Float32Array, ring: SampleRing, seed: number): { reader: HopReader; jaws: number[] } {
  const analyser = new RecordingAnalyser(fixture.sampleRate);
  const reader = new HopReader(ring, analyser);
  const random = new SeededRandom(seed);
  for (let at = 0; at < samples.length; ) {
    const n = Math.min(samples.length - at, 1 + Math.floor(random.next() * 300));
    ring.write(samples.subarray(at, at + n));
    at += n;
    reader.pump();
  }
  return { reader, jaws: analyser.jaws };
}

describe('HopReader', () => {
  it('analyses the same windows as the whole signal, block sizes notwithstanding', () => {
    const expected = analyseSignal(new AudioMouthAnalyser(fixture.sampleRate), fixture.samples).map((w) => w.jawOpen);
    const { reader, jaws } = stream(fixture.samples, new SampleRing(RING_SIZE), 11);
    expect(reader.samplesSeen).toBe(fixture.samples.length);
    expect(jaws.length).toBe(expected.length);
    expect(Math.max(...expected)).toBeGreaterThan(0.3);
    for (let i = 0; i < expected.length; i++) expect(jaws[i]).toBeCloseTo(expected[i], 6);
  });

  it('keeps counting across the 2^31 wrap of the shared count', () => {
    const ring = new SampleRing(RING_SIZE);
    ring.counter[0] = 0x7fffffff - 5000;
    const { reader, jaws } = stream(fixture.samples, ring, 5);
    expect(ring.written).toBeLessThan(fixture.samples.length);
    expect(reader.samplesSeen).toBe(fixture.samples.length);
    const expected = analyseSignal(new AudioMouthAnalyser(fixture.sampleRate), fixture.samples).map((w) => w.jawOpen);
    expect(jaws.length).toBe(expected.length);
    // Windows near the wrap read the same samples as elsewhere: the whole trace matches.
    for (let i = 0; i < expected.length; i++) expect(jaws[i]).toBeCloseTo(expected[i], 6);
  });

  it('after a stall analyses only the newest MAX_WINDOWS_PER_PUMP windows', () => {
    const ring = new SampleRing(RING_SIZE);
    const analyser = new AudioMouthAnalyser(fixture.sampleRate);
    const reader = new HopReader(ring, analyser);
    ring.write(fixture.samples.subarray(0, 100 * analyser.hopSamples));
    expect(reader.pump()).toBe(MAX_WINDOWS_PER_PUMP);
    expect(reader.pump()).toBe(0);
    ring.write(fixture.samples.subarray(0, analyser.hopSamples));
    expect(reader.pump()).toBe(1);
  });

  it('refuses a ring too small for its windows', () => {
    expect(() => new HopReader(new SampleRing(256), new AudioMouthAnalyser(48_000))).toThrow(/HopReader: the ring holds 256 samples but needs/);
  });
});

describe('SampleRing', () => {
  it('wraps, and refuses blocks larger than itself', () => {
    const ring = new SampleRing(5);
    expect(ring.capacity).toBe(8);
    ring.write(Float32Array.from([1, 2, 3, 4, 5, 6]));
    ring.write(Float32Array.from([7, 8, 9]));
    expect(Array.from(ring.samples)).toEqual([9, 2, 3, 4, 5, 6, 7, 8]);
    expect(ring.written).toBe(9);
    expect(ring.shared).toBe(false);
    expect(() => ring.write(new Float32Array(9))).toThrow(/exceeds the capacity 8/);
  });

  it('lives in shared memory when asked', () => {
    const ring = new SampleRing(64, true);
    expect(ring.shared).toBe(true);
    expect(ring.samples.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
