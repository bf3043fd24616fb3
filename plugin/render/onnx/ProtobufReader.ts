// A bounds-checked protobuf decoder: walks one message's fields; nested messages are read by
// a new reader over the field's bytes. Throws RangeError on truncated or malformed input.

/** Wire types a field can have. */
export const enum WireType {
  Varint = 0,
  Fixed64 = 1,
  LengthDelimited = 2,
  Fixed32 = 5,
}

/** One field as read: its number, wire type, and its value (a number for varints, bytes otherwise). */
export interface ProtoField {
  field: number;
  wire: WireType;
  varint: number;
  bytes: Uint8Array;
}

const EMPTY = new Uint8Array(0);
/** 2^53: varints beyond this lose precision; ONNX sizes and enums never get near it. */
const MAX_SAFE_VARINT = 2 ** 53;

/** Reads the fields of one protobuf message in order. */
export class ProtobufReader {
  private readonly _bytes: Uint8Array;
  private _at = 0;

  constructor(bytes: Uint8Array) {
    this._bytes = bytes;
  }

  /** The next field, or null at the end of the message. */
  next(): ProtoField | null {
    if (this._at >= this._bytes.length) return null;
    const key = this._varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (field === 0) throw new RangeError(`protobuf: field number 0 at byte ${this._at}.`);
    switch (wire) {
      case WireType.Varint:
        return { field, wire, varint: this._varint(), bytes: EMPTY };
      case WireType.LengthDelimited: {
        const length = this._varint();
        return { field, wire, varint: 0, bytes: this._take(length) };
      }
      case WireType.Fixed32:
        return { field, wire, varint: 0, bytes: this._take(4) };
      case WireType.Fixed64:
        return { field, wire, varint: 0, bytes: this._take(8) };
      default:
        throw new RangeError(`protobuf: unsupported wire type ${wire} at byte ${this._at}.`);
    }
  }

  private _take(length: number): Uint8Array {
    const end = this._at + length;
    if (end > this._bytes.length) throw new RangeError(`protobuf: a field of ${length} bytes runs past the end (byte ${this._at} of ${this._bytes.length}).`);
    const out = this._bytes.subarray(this._at, end);
    this._at = end;
    return out;
  }

  private _varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this._at >= this._bytes.length) throw new RangeError('protobuf: a varint runs past the end.');
      const b = this._bytes[this._at++];
      value += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 128;
      if (scale > 2 ** 70) throw new RangeError(`protobuf: a varint longer than 10 bytes at byte ${this._at}.`);
    }
    // Negative int64 values are ten-byte two's complement: they read as huge numbers here.
    return value >= MAX_SAFE_VARINT ? -1 : value;
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: false });

/** A length-delimited field as UTF-8 text. */
export function fieldText(f: ProtoField): string {
  return UTF8.decode(f.bytes);
}
