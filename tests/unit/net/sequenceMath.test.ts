import { describe, expect, it } from 'vitest';
import { isSequenceNewer, nextSequence, sequenceDelta, wrappedTimeDeltaMs } from '../../../plugin/net/sequenceMath';

const MAX_UINT32 = 0xffff_ffff;

describe('sequenceMath', () => {
  it('counts on through the uint32 wrap', () => {
    expect(nextSequence(0)).toBe(1);
    expect(nextSequence(MAX_UINT32)).toBe(0);
  });

  it('compares across the wrap', () => {
    expect(sequenceDelta(MAX_UINT32, 0)).toBe(1);
    expect(sequenceDelta(0, MAX_UINT32)).toBe(-1);
    expect(sequenceDelta(10, 3)).toBe(-7);
    expect(sequenceDelta(5, 5)).toBe(0);
    expect(isSequenceNewer(MAX_UINT32 - 2, 3)).toBe(true);
    expect(isSequenceNewer(3, MAX_UINT32 - 2)).toBe(false);
    expect(isSequenceNewer(7, 7)).toBe(false);
    // Half the range apart is the limit: exactly 2^31 reads as "older".
    expect(sequenceDelta(0, 0x7fff_ffff)).toBe(0x7fff_ffff);
    expect(sequenceDelta(0, 0x8000_0000)).toBe(-0x8000_0000);
  });

  it('measures time differences across the 2^32 ms wrap, fractions included', () => {
    expect(wrappedTimeDeltaMs(MAX_UINT32, 4)).toBe(5);
    expect(wrappedTimeDeltaMs(4, MAX_UINT32)).toBe(-5);
    expect(wrappedTimeDeltaMs(1000, 1033.5)).toBe(33.5);
    expect(wrappedTimeDeltaMs(1033.5, 1000)).toBe(-33.5);
  });
});
