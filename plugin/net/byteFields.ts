// Big-endian integer fields read from and written to a Uint8Array without a DataView (no allocation).

/** Writes `value` (0 ≤ value < 2^32, an integer) as 4 big-endian bytes at `offset`. */
export function writeUint32BE(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value >>> 24;
  bytes[offset + 1] = (value >>> 16) & 0xff;
  bytes[offset + 2] = (value >>> 8) & 0xff;
  bytes[offset + 3] = value & 0xff;
}

/** Reads 4 big-endian bytes at `offset` as an unsigned integer. The caller has checked the length. */
export function readUint32BE(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3]) >>> 0;
}

/** Writes `value` (−32768 ≤ value ≤ 32767, an integer) as 2 big-endian bytes, two's complement. */
export function writeInt16BE(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = (value >> 8) & 0xff;
  bytes[offset + 1] = value & 0xff;
}

/** Reads 2 big-endian bytes at `offset` as a two's complement integer in [−32768, 32767]. */
export function readInt16BE(bytes: Uint8Array, offset: number): number {
  return (((bytes[offset] << 8) | bytes[offset + 1]) << 16) >> 16;
}
