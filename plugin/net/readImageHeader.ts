// Reads the type and pixel size of a PNG, JPEG or WebP from its first bytes, without decoding the image.
import { PortraitImageError } from '../core/errors/PortraitImageError';

/** An image's type and size as its header declares them. */
export interface ImageHeader {
  /** The MIME type its magic bytes name. */
  mimeType: 'image/png' | 'image/jpeg' | 'image/webp';
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
}

/** PNG signature (8 bytes), then the IHDR chunk: length, "IHDR", width and height as big-endian uint32. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IHDR_TYPE_OFFSET = 12;
const PNG_WIDTH_OFFSET = 16;
const PNG_HEADER_BYTES = 24;
/** JPEG files start with the SOI marker FF D8; every marker is FF then a code. */
const JPEG_MARKER = 0xff;
const JPEG_SOI = 0xd8;
/** Markers without a length field: TEM and RST0-7 (SOI was consumed, EOI and SOS end the search). */
const JPEG_EOI = 0xd9;
const JPEG_SOS = 0xda;
/** WebP: "RIFF", a little-endian size, "WEBP", then the first chunk's fourCC and size; its data starts at 20. */
const WEBP_CHUNK_OFFSET = 12;
const WEBP_DATA_OFFSET = 20;
/** A 14-bit dimension field of the VP8 and VP8L bitstreams. */
const MASK_14_BITS = 0x3fff;
/** First byte of a lossless (VP8L) bitstream. */
const VP8L_SIGNATURE = 0x2f;
/** Start code of a lossy (VP8) key frame, after its 3-byte frame tag. */
const VP8_START_CODE = [0x9d, 0x01, 0x2a];

/**
 * Reads the header of a PNG, JPEG or WebP. Throws PortraitImageError naming what is wrong for any other
 * bytes, a truncated header or a declared size of zero. Reads at most the header; the pixels are not checked.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`readImageHeader: bytes must be a Uint8Array, got ${bytes === null ? 'null' : typeof bytes}; pass the image file's bytes.`);
  const header = startsWith(bytes, PNG_SIGNATURE, 0) ? readPng(bytes)
    : bytes.length >= 2 && bytes[0] === JPEG_MARKER && bytes[1] === JPEG_SOI ? readJpeg(bytes)
      : ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP' ? readWebp(bytes)
        : undefined;
  if (header === undefined) throw new PortraitImageError(`its first bytes are not those of a PNG, JPEG or WebP (${bytes.length} bytes)`);
  if (!(header.width > 0 && header.height > 0)) throw new PortraitImageError(`its ${header.mimeType} header declares ${header.width}×${header.height} pixels`);
  return header;
}

function readPng(bytes: Uint8Array): ImageHeader {
  if (bytes.length < PNG_HEADER_BYTES || ascii(bytes, PNG_IHDR_TYPE_OFFSET, 4) !== 'IHDR') throw new PortraitImageError('the PNG ends before its IHDR header');
  return { mimeType: 'image/png', width: uint32BE(bytes, PNG_WIDTH_OFFSET), height: uint32BE(bytes, PNG_WIDTH_OFFSET + 4) };
}

/** Walks the JPEG markers up to the first start-of-frame, which holds the height and width. */
function readJpeg(bytes: Uint8Array): ImageHeader {
  let position = 2;
  while (position + 1 < bytes.length) {
    if (bytes[position] !== JPEG_MARKER) throw new PortraitImageError(`the JPEG has no marker at byte ${position}`);
    const marker = bytes[position + 1];
    position += 2;
    if (marker === JPEG_MARKER) { position--; continue; } // fill byte before a marker
    if (marker === JPEG_EOI || marker === JPEG_SOS) break;
    if (isStandalone(marker)) continue;
    if (position + 2 > bytes.length) break;
    if (isStartOfFrame(marker)) {
      if (position + 7 > bytes.length) break;
      return { mimeType: 'image/jpeg', width: uint16BE(bytes, position + 5), height: uint16BE(bytes, position + 3) };
    }
    position += uint16BE(bytes, position);
  }
  throw new PortraitImageError('the JPEG has no frame header (SOF) before its image data');
}

function readWebp(bytes: Uint8Array): ImageHeader {
  const chunk = ascii(bytes, WEBP_CHUNK_OFFSET, 4);
  const data = WEBP_DATA_OFFSET;
  if (chunk === 'VP8X' && bytes.length >= data + 10) {
    return { mimeType: 'image/webp', width: uint24LE(bytes, data + 4) + 1, height: uint24LE(bytes, data + 7) + 1 };
  }
  if (chunk === 'VP8L' && bytes.length >= data + 5 && bytes[data] === VP8L_SIGNATURE) {
    const bits = (bytes[data + 1] | (bytes[data + 2] << 8) | (bytes[data + 3] << 16) | (bytes[data + 4] << 24)) >>> 0;
    return { mimeType: 'image/webp', width: (bits & MASK_14_BITS) + 1, height: ((bits >>> 14) & MASK_14_BITS) + 1 };
  }
  if (chunk === 'VP8 ' && bytes.length >= data + 10 && startsWith(bytes, VP8_START_CODE, data + 3)) {
    return { mimeType: 'image/webp', width: uint16LE(bytes, data + 6) & MASK_14_BITS, height: uint16LE(bytes, data + 8) & MASK_14_BITS };
  }
  throw new PortraitImageError(`the WebP's first chunk "${chunk}" is not a complete VP8, VP8L or VP8X header`);
}

/** SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset: number): boolean {
  if (bytes.length < offset + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[offset + i] !== prefix[i]) return false;
  return true;
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  if (bytes.length < offset + length) return '';
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

function uint32BE(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3]) >>> 0;
}

function uint16BE(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] << 8) | bytes[offset + 1];
}

function uint16LE(bytes: Uint8Array, offset: number): number {
  return bytes[offset] | (bytes[offset + 1] << 8);
}

function uint24LE(bytes: Uint8Array, offset: number): number {
  return bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16);
}
