// Decodes and validates one 64-byte motion frame (layout: motionFrameLayout.ts); malformed bytes throw MotionCodecError.
import { FaceControls, HEAD_ROTATION_LIMITS, HEAD_TRANSLATION_LIMIT } from '../core/FaceControls';
import { BLENDSHAPE_COUNT } from '../core/arkitBlendshapes';
import { MotionCodecError } from '../core/errors';
import { describeValue } from './describeValue';
import { readInt16BE, readUint32BE } from './byteFields';
import { HEAD_CODE_MAX, MOTION_FRAME_BYTES, MOTION_FRAME_TAG, MotionFrameOffset, WEIGHT_BITS, WEIGHT_CODE_MAX } from './motionFrameLayout';

/** The header fields of a decoded frame; pass one preallocated object to decodeMotionFrameInto. */
export interface MotionFrameHeader {
  /** uint32 sequence number, wrapping (compare with sequenceMath.ts). */
  sequence: number;
  /** Whole ms since the sender's stream start, modulo 2^32. */
  timeMs: number;
}

/** A decoded frame in new objects. */
export interface DecodedMotionFrame extends MotionFrameHeader {
  controls: FaceControls;
}

/** The high nibble shared by every version of the tag byte. */
const TAG_FAMILY_MASK = 0xf0;
/** The int16 code one below −HEAD_CODE_MAX: never written, so it marks a corrupt frame. */
const INVALID_HEAD_CODE = -HEAD_CODE_MAX - 1;

/**
 * Decodes one frame into new objects. For the per-frame path use decodeMotionFrameInto.
 * Throws MotionCodecError for anything malformed (see decodeMotionFrameInto).
 */
export function decodeMotionFrame(bytes: Uint8Array): DecodedMotionFrame {
  const controls = new FaceControls();
  const header: MotionFrameHeader = { sequence: 0, timeMs: 0 };
  decodeMotionFrameInto(bytes, controls, header);
  return { controls, sequence: header.sequence, timeMs: header.timeMs };
}

/**
 * Decodes one frame into `outControls` (every channel written) and `outHeader`, and returns `outHeader`.
 * Allocates nothing unless it throws. Refuses, with MotionCodecError and both outputs untouched, a length
 * other than 64 bytes, another tag or version, non-zero reserved flag bits and the int16 code −32768 in a
 * head channel; every other bit pattern decodes to finite, in-range controls. A `bytes` that is not a
 * Uint8Array, or outputs of the wrong kind, are misuse: TypeError.
 */
export function decodeMotionFrameInto(bytes: Uint8Array, outControls: FaceControls, outHeader: MotionFrameHeader): MotionFrameHeader {
  checkArguments(bytes, outControls, outHeader);
  checkFrame(bytes);
  outHeader.sequence = readUint32BE(bytes, MotionFrameOffset.sequence);
  outHeader.timeMs = readUint32BE(bytes, MotionFrameOffset.time);
  outControls.setHead(
    headValue(bytes, MotionFrameOffset.yaw, HEAD_ROTATION_LIMITS.yaw),
    headValue(bytes, MotionFrameOffset.pitch, HEAD_ROTATION_LIMITS.pitch),
    headValue(bytes, MotionFrameOffset.roll, HEAD_ROTATION_LIMITS.roll),
  );
  outControls.setHeadPosition(
    headValue(bytes, MotionFrameOffset.x, HEAD_TRANSLATION_LIMIT),
    headValue(bytes, MotionFrameOffset.y, HEAD_TRANSLATION_LIMIT),
    headValue(bytes, MotionFrameOffset.z, HEAD_TRANSLATION_LIMIT),
  );
  readWeightBits(bytes, outControls.weights);
  return outHeader;
}

/** Unpacks the weights most significant bit first; every code maps into [0, 1]. */
function readWeightBits(bytes: Uint8Array, weights: Float32Array): void {
  let position = MotionFrameOffset.weights;
  let pending = 0;
  let pendingBits = 0;
  for (let i = 0; i < BLENDSHAPE_COUNT; i++) {
    const bits = WEIGHT_BITS[i];
    while (pendingBits < bits) {
      pending = (pending << 8) | bytes[position++];
      pendingBits += 8;
    }
    pendingBits -= bits;
    weights[i] = ((pending >>> pendingBits) & WEIGHT_CODE_MAX[i]) / WEIGHT_CODE_MAX[i];
    pending &= (1 << pendingBits) - 1;
  }
}

function headValue(bytes: Uint8Array, offset: number, limit: number): number {
  return (readInt16BE(bytes, offset) / HEAD_CODE_MAX) * limit;
}

/** Throws MotionCodecError for the first thing wrong with the frame's bytes. */
function checkFrame(bytes: Uint8Array): void {
  if (bytes.length !== MOTION_FRAME_BYTES) {
    throw new MotionCodecError(`it is ${bytes.length} bytes long, a version-1 frame is exactly ${MOTION_FRAME_BYTES}`);
  }
  const tag = bytes[MotionFrameOffset.tag];
  if (tag !== MOTION_FRAME_TAG) {
    throw new MotionCodecError((tag & TAG_FAMILY_MASK) === (MOTION_FRAME_TAG & TAG_FAMILY_MASK)
      ? `it is frame version ${tag & ~TAG_FAMILY_MASK}, this plugin reads version ${MOTION_FRAME_TAG & ~TAG_FAMILY_MASK}`
      : `its first byte is 0x${tag.toString(16).padStart(2, '0')}, not the motion frame tag 0x${MOTION_FRAME_TAG.toString(16)}`);
  }
  const flags = bytes[MotionFrameOffset.flags];
  if (flags !== 0) throw new MotionCodecError(`reserved flag bits are set (0x${flags.toString(16).padStart(2, '0')}), version 1 sends 0`);
  for (let offset = MotionFrameOffset.yaw; offset < MotionFrameOffset.weights; offset += 2) {
    if (readInt16BE(bytes, offset) === INVALID_HEAD_CODE) {
      throw new MotionCodecError(`head channel at byte ${offset} holds ${INVALID_HEAD_CODE}, outside ±${HEAD_CODE_MAX}`);
    }
  }
}

function checkArguments(bytes: Uint8Array, outControls: FaceControls, outHeader: MotionFrameHeader): void {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`decodeMotionFrameInto: bytes must be a Uint8Array, got ${describeValue(bytes)}; wrap an ArrayBuffer as new Uint8Array(buffer) once it arrives.`);
  }
  if (!(outControls instanceof FaceControls)) {
    throw new TypeError(`decodeMotionFrameInto: outControls must be a FaceControls, got ${describeValue(outControls)}; preallocate one and reuse it.`);
  }
  if (outHeader === null || typeof outHeader !== 'object') {
    throw new TypeError(`decodeMotionFrameInto: outHeader must be an object { sequence, timeMs }, got ${describeValue(outHeader)}; preallocate one and reuse it.`);
  }
}
