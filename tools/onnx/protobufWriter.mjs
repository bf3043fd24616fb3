// A minimal protobuf encoder: varints, length-delimited fields and 32-bit floats, written in
// the caller's field order, so the same message always gives the same bytes.

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

/** Builds one protobuf message field by field; `bytes()` returns the encoding. */
export class ProtoWriter {
  constructor() {
    /** @type {number[]} */
    this._out = [];
  }

  _varint(value) {
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this._out.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this._out.push(Number(v));
  }

  _tag(field, wire) {
    this._varint((field << 3) | wire);
  }

  /** An int32, int64 or enum field (negative values as ten-byte two's complement, as protobuf does). */
  int(field, value) {
    if (!Number.isInteger(value)) throw new TypeError(`ProtoWriter.int: field ${field} needs a whole number, got ${value}.`);
    this._tag(field, WIRE_VARINT);
    this._varint(value);
    return this;
  }

  /** A float field (IEEE 754 single, little-endian). */
  float(field, value) {
    this._tag(field, WIRE_FIXED32);
    const bytes = new Uint8Array(new Float32Array([value]).buffer);
    for (const b of bytes) this._out.push(b);
    return this;
  }

  /** A bytes field. */
  bytes(field, data) {
    this._tag(field, WIRE_LENGTH_DELIMITED);
    this._varint(data.length);
    for (let i = 0; i < data.length; i++) this._out.push(data[i]);
    return this;
  }

  /** A string field, UTF-8. */
  string(field, text) {
    return this.bytes(field, new TextEncoder().encode(text));
  }

  /** An embedded message field. */
  message(field, writer) {
    return this.bytes(field, writer.finish());
  }

  /** The encoded message. */
  finish() {
    return Uint8Array.from(this._out);
  }
}
