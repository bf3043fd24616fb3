// readImageHeader and checkPortraitImage on real encoder output (PNG, JPEG, three WebP layouts) and on broken headers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TalkingPortraitError } from '../../../plugin/core/errors';
import { PortraitImageError } from '../../../plugin/core/errors/PortraitImageError';
import { checkPortraitImage, DEFAULT_PORTRAIT_IMAGE_LIMITS, resolvePortraitImageLimits } from '../../../plugin/net/portraitImageLimits';
import { readImageHeader } from '../../../plugin/net/readImageHeader';

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
const fixture = (name: string): Uint8Array => read(`tests/unit/net/fixtures/${name}`);

/** A PNG signature and IHDR declaring width × height, zero-padded to `length`. */
function png(width: number, height: number, length = 33): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

describe('readImageHeader', () => {
  it.each([
    ['../../../fixtures/portraits/flare-female01.png', 'image/png', 320, 320],
    ['../../../fixtures/portraits/astronaut.png', 'image/png', 512, 512],
    ['portrait-96x80.jpg', 'image/jpeg', 96, 80],
    ['portrait-96x80-lossy.webp', 'image/webp', 96, 80],
    ['portrait-72x88-lossless.webp', 'image/webp', 72, 88],
    ['portrait-88x64-vp8.webp', 'image/webp', 88, 64],
  ])('reads %s as %s %i×%i', (name, mimeType, width, height) => {
    expect(readImageHeader(fixture(name))).toEqual({ mimeType, width, height });
  });

  it('skips JPEG fill bytes and segments before the frame header', () => {
    const jpeg = fixture('portrait-96x80.jpg');
    const padded = new Uint8Array(jpeg.length + 3);
    padded.set(jpeg.subarray(0, 2));
    padded.set([0xff, 0xff, 0xff], 2); // fill bytes before the first marker's own 0xFF
    padded.set(jpeg.subarray(2), 5);
    expect(readImageHeader(padded)).toEqual({ mimeType: 'image/jpeg', width: 96, height: 80 });
  });

  it('refuses other formats, truncated headers and zero sizes with PortraitImageError', () => {
    const cases: Uint8Array[] = [
      new Uint8Array(0),
      new TextEncoder().encode('GIF89a\x10\x00\x10\x00'),
      new TextEncoder().encode('{"portrait": "knight"}'),
      png(320, 320).subarray(0, 20),
      png(0, 320),
      fixture('portrait-96x80.jpg').subarray(0, 100), // ends before the SOF
      Uint8Array.of(0xff, 0xd8, 0x00, 0x00),
      fixture('portrait-88x64-vp8.webp').subarray(0, 24),
      new TextEncoder().encode('RIFF\x00\x00\x00\x00WEBPVP8Q\x00\x00\x00\x00'),
    ];
    for (const bytes of cases) {
      expect(() => readImageHeader(bytes)).toThrow(PortraitImageError);
    }
    const error = (() => { try { readImageHeader(png(0, 5)); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(TalkingPortraitError);
    expect((error as Error).message).toMatch(/0×5 pixels.*PNG, JPEG or WebP/);
  });

  it('calls a non-Uint8Array misuse (TypeError)', () => {
    expect(() => readImageHeader('png' as unknown as Uint8Array)).toThrow(TypeError);
  });
});

describe('checkPortraitImage', () => {
  const limits = resolvePortraitImageLimits();

  it('accepts the fixture portraits within the default limits', () => {
    expect(checkPortraitImage(read('tests/fixtures/portraits/flare-male01.png'), limits)).toEqual({ mimeType: 'image/png', width: 320, height: 320 });
    expect(checkPortraitImage(fixture('portrait-96x80.jpg'), limits).mimeType).toBe('image/jpeg');
  });

  it('refuses too many bytes before reading, and sides outside [minSide, maxSide]', () => {
    expect(() => checkPortraitImage(png(256, 256, DEFAULT_PORTRAIT_IMAGE_LIMITS.maxBytes + 1), limits)).toThrow(/more than the limit of 524288/);
    expect(() => checkPortraitImage(png(256, 256, DEFAULT_PORTRAIT_IMAGE_LIMITS.maxBytes), limits)).not.toThrow();
    expect(() => checkPortraitImage(png(63, 256), limits)).toThrow(/63×256 pixels; each side must be from 64 to 2048/);
    expect(() => checkPortraitImage(png(256, 2049), limits)).toThrow(PortraitImageError);
    expect(() => checkPortraitImage(png(2048, 64), limits)).not.toThrow();
    // The astronaut is 791,555 bytes: over the default, under a raised limit.
    const astronaut = read('tests/fixtures/portraits/astronaut.png');
    expect(() => checkPortraitImage(astronaut, limits)).toThrow(PortraitImageError);
    expect(checkPortraitImage(astronaut, resolvePortraitImageLimits({ maxBytes: 1 << 20 })).width).toBe(512);
  });

  it('resolves limits, refusing non-positive or crossed values with RangeError', () => {
    expect(resolvePortraitImageLimits()).toEqual(DEFAULT_PORTRAIT_IMAGE_LIMITS);
    expect(resolvePortraitImageLimits({ maxSide: 512 })).toEqual({ ...DEFAULT_PORTRAIT_IMAGE_LIMITS, maxSide: 512 });
    expect(() => resolvePortraitImageLimits({ maxBytes: 0 })).toThrow(/maxBytes must be a positive integer/);
    expect(() => resolvePortraitImageLimits({ minSide: 1.5 })).toThrow(RangeError);
    expect(() => resolvePortraitImageLimits({ minSide: 600, maxSide: 512 })).toThrow(/minSide 600 is above maxSide 512/);
  });
});
