// CRC-32 (IEEE 802.3, the zip/PNG polynomial) over a byte range, to detect corrupted clip files.

/** The reflected polynomial 0x04C11DB7, as zip and PNG use it. */
const POLYNOMIAL = 0xedb88320;

/** One remainder per byte value, built once at first use. */
let table: Uint32Array | undefined;

function buildTable(): Uint32Array {
  const result = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? POLYNOMIAL ^ (c >>> 1) : c >>> 1;
    result[n] = c >>> 0;
  }
  return result;
}

/** CRC-32 of `bytes[start..end)` as an unsigned 32-bit number; crc32 of "123456789" is 0xCBF43926. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const lookup = (table ??= buildTable());
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = lookup[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
