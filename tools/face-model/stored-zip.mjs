// A minimal zip writer for MediaPipe Tasks bundles: stored (uncompressed) entries only, a
// fixed DOS timestamp and the caller's entry order, so the same inputs always give the same
// bytes on any machine and in any time zone. Each entry's data starts on an ALIGN-byte
// boundary of the file (padding in a local extra field), so the .tflite flatbuffers inside
// keep their 16-byte buffer alignment when used in place.

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Zip spec version 1.0: stored entries, no zip64. */
const VERSION = 10;
/** 1980-01-01 00:00:00, the DOS epoch. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Extra-field id for alignment padding (the one Android's zipalign uses). */
const ALIGNMENT_EXTRA_ID = 0xd935;
export const ALIGN = 64;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as zip uses it). */
export function crc32(bytes) {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * @param {{ name: string, data: Uint8Array }[]} entries in the order they are written
 * @returns {Buffer}
 */
export function createStoredZip(entries) {
  const chunks = [];
  const central = [];
  let offset = 0;
  const names = new Set();
  for (const { name, data } of entries) {
    if (!/^[\x21-\x7e]+$/.test(name) || name.includes('\\')) throw new Error(`zip entry name not plain ASCII: ${name}`);
    if (names.has(name)) throw new Error(`duplicate zip entry ${name}`);
    names.add(name);
    if (data.length >= 0xffffffff || offset >= 0xffffffff) throw new Error('zip64 is not supported');
    const nameBytes = Buffer.from(name, 'ascii');
    const crc = crc32(data);

    // Pad the local header so the data begins on an ALIGN boundary; the extra block is at
    // least 6 bytes (id, size, the alignment as a 16-bit value).
    const unpadded = offset + 30 + nameBytes.length + 6;
    const extraLength = 6 + ((ALIGN - (unpadded % ALIGN)) % ALIGN);
    const extra = Buffer.alloc(extraLength);
    extra.writeUInt16LE(ALIGNMENT_EXTRA_ID, 0);
    extra.writeUInt16LE(extraLength - 4, 2);
    extra.writeUInt16LE(ALIGN, 4);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(0, 8); // method: stored
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); // compressed size
    local.writeUInt32LE(data.length, 22); // uncompressed size
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(extraLength, 28);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4); // made by: MS-DOS, spec 1.0
    header.writeUInt16LE(VERSION, 6); // needed to extract
    header.writeUInt16LE(0, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(DOS_TIME, 12);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt16LE(0, 30); // extra length
    header.writeUInt16LE(0, 32); // comment length
    header.writeUInt16LE(0, 34); // disk number
    header.writeUInt16LE(0, 36); // internal attributes
    header.writeUInt32LE(0, 38); // external attributes
    header.writeUInt32LE(offset, 42);
    central.push(header, nameBytes);

    chunks.push(local, nameBytes, extra, data);
    offset += local.length + nameBytes.length + extra.length + data.length;
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20); // comment length
  return Buffer.concat([...chunks, ...central, end]);
}
