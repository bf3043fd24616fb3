import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../../plugin/motion/clips/crc32';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('crc32', () => {
  it('matches the standard check values', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(ascii('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('covers only the range asked for', () => {
    const bytes = ascii('xx123456789yy');
    expect(crc32(bytes, 2, 11)).toBe(0xcbf43926);
    expect(crc32(bytes, 2, 12)).not.toBe(0xcbf43926);
  });

  it('changes for every single-bit flip of a message', () => {
    const bytes = ascii('a motion clip');
    const reference = crc32(bytes);
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      bytes[bit >> 3] ^= 1 << (bit & 7);
      expect(crc32(bytes)).not.toBe(reference);
      bytes[bit >> 3] ^= 1 << (bit & 7);
    }
  });
});
