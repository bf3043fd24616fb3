// The relay server's pure parts: token buckets, a client's allowance, and the room settings.
import { describe, expect, it } from 'vitest';
import { ClientAllowance } from '../../../server/ClientAllowance';
import { resolveRelayRoomSettings } from '../../../server/relayRoomSettings';
import { TokenBucket } from '../../../server/TokenBucket';
import { DEFAULT_PORTRAIT_IMAGE_LIMITS } from '../../../plugin/net/portraitImageLimits';

describe('TokenBucket', () => {
  it('allows the burst at once, then the rate', () => {
    const bucket = new TokenBucket(60, 90, 0);
    let taken = 0;
    while (bucket.take(1, 0)) taken++;
    expect(taken).toBe(90);
    expect(bucket.take(1, 10)).toBe(false); // 10 ms refills 0.6 of a token
    expect(bucket.take(1, 1000 / 60)).toBe(true);
    expect(bucket.take(1, 1000 / 60)).toBe(false);
    // One second later: 60 more, never more than the capacity.
    let later = 0;
    while (bucket.take(1, 1000 + 1000 / 60)) later++;
    expect(later).toBe(60);
    expect(bucket.take(1, 1e9)).toBe(true);
    expect(bucket.available).toBe(89);
  });

  it('keeps a steady 30/s stream within a 60/s rate forever, and refuses amounts over the capacity', () => {
    const bucket = new TokenBucket(60, 90, 0);
    let refused = 0;
    for (let k = 0; k < 30 * 600; k++) if (!bucket.take(1, (k * 1000) / 30)) refused++;
    expect(refused).toBe(0);
    expect(bucket.take(91, 1e9)).toBe(false);
    expect(bucket.take(90, 1e9)).toBe(true);
  });

  it('refills nothing when the clock goes back', () => {
    const bucket = new TokenBucket(1000, 2, 100);
    expect(bucket.take(2, 100)).toBe(true);
    expect(bucket.take(1, 50)).toBe(false);
  });

  it('refuses a negative rate, a zero capacity or a non-finite time (RangeError)', () => {
    expect(() => new TokenBucket(-1, 1, 0)).toThrow(RangeError);
    expect(() => new TokenBucket(1, 0, 0)).toThrow(RangeError);
    expect(() => new TokenBucket(1, 1, NaN)).toThrow(RangeError);
  });
});

describe('ClientAllowance', () => {
  const limits = resolveRelayRoomSettings({ log: () => {} }).limits;

  it('admits a 30 frames/s stream with one portrait and refuses a flood', () => {
    const allowance = new ClientAllowance(limits, 0);
    expect(allowance.admit(DEFAULT_PORTRAIT_IMAGE_LIMITS.maxBytes, 0)).toBe(true);
    let refused = 0;
    for (let k = 1; k <= 30 * 60; k++) if (!allowance.admit(66, (k * 1000) / 30)) refused++;
    expect(refused).toBe(0);
    let admitted = 0;
    for (let i = 0; i < 1000; i++) if (allowance.admit(66, 60_001)) admitted++;
    expect(admitted).toBeGreaterThanOrEqual(88);
    expect(admitted).toBeLessThanOrEqual(90);
  });

  it('refuses bytes over the byte rate even when the message count is low', () => {
    const allowance = new ClientAllowance(limits, 0);
    expect(allowance.admit(limits.byteBurst, 0)).toBe(true);
    expect(allowance.admit(limits.bytesPerSecond, 500)).toBe(false);
    expect(allowance.admit(limits.bytesPerSecond, 1500)).toBe(true);
  });

  it('tolerates offenceBurst offences, forgiving one a second', () => {
    const allowance = new ClientAllowance(limits, 0);
    for (let i = 0; i < limits.offenceBurst; i++) expect(allowance.offend(0)).toBe(true);
    expect(allowance.offend(0)).toBe(false);
    expect(allowance.offend(1000)).toBe(true);
  });
});

describe('resolveRelayRoomSettings', () => {
  it('documents its defaults', () => {
    const settings = resolveRelayRoomSettings({ log: () => {} });
    expect(settings.maxPlayers).toBe(16);
    expect([...settings.portraitIds]).toEqual([]);
    expect(settings.portraitLimits).toEqual(DEFAULT_PORTRAIT_IMAGE_LIMITS);
    expect(settings.limits).toEqual({
      messagesPerSecond: 60, messageBurst: 90, bytesPerSecond: 8192,
      byteBurst: DEFAULT_PORTRAIT_IMAGE_LIMITS.maxBytes + 16 * 1024, offenceBurst: 20, offencesForgivenPerSecond: 1,
    });
  });

  it('takes overrides and refuses values out of range (RangeError naming the option)', () => {
    const settings = resolveRelayRoomSettings({ maxPlayers: 8, portraitIds: ['knight'], limits: { messageBurst: 30 }, log: () => {} });
    expect(settings.maxPlayers).toBe(8);
    expect(settings.portraitIds.has('knight')).toBe(true);
    expect(settings.limits.messageBurst).toBe(30);
    expect(() => resolveRelayRoomSettings({ maxPlayers: 257 })).toThrow(/maxPlayers must be an integer from 1 to 256/);
    expect(() => resolveRelayRoomSettings({ portraitIds: ['Knight Two'] })).toThrow(/portrait id "Knight Two"/);
    expect(() => resolveRelayRoomSettings({ limits: { bytesPerSecond: 0 } })).toThrow(/limits.bytesPerSecond/);
    expect(() => resolveRelayRoomSettings({ log: 'stdout' as never })).toThrow(TypeError);
  });
});
