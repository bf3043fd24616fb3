import { describe, expect, it } from 'vitest';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { MotionCodecError } from '../../../plugin/core/errors';
import { SeededRandom } from '../../../plugin/core/SeededRandom';
import { decodeMotionFrame, decodeMotionFrameInto, type MotionFrameHeader } from '../../../plugin/net/decodeMotionFrame';
import { encodeMotionFrameInto } from '../../../plugin/net/encodeMotionFrame';
import { MOTION_FRAME_BYTES, MOTION_FRAME_TAG, MotionFrameOffset } from '../../../plugin/net/motionFrameLayout';
import { controlsAreValid, randomControls } from './motionCodecFixtures';

/** Inputs per fuzz family: the issue asks for at least 100,000. */
const FUZZ_CASES = 100_000;
/** Longest random input: twice a frame, so both short and long inputs are common. */
const MAX_RANDOM_LENGTH = 2 * MOTION_FRAME_BYTES;
/** Distinct valid frames the mutations start from; not a multiple of 4, so each meets every mutation kind. */
const VALID_FRAME_POOL = 1023;

type Outcome = 'decoded' | 'refused';

/** Decodes, and fails the test unless the result is valid controls or a MotionCodecError. */
function decodeOutcome(bytes: Uint8Array, controls: FaceControls, header: MotionFrameHeader): Outcome {
  try {
    decodeMotionFrameInto(bytes, controls, header);
  } catch (error) {
    if (error instanceof MotionCodecError) return 'refused';
    throw new Error(`decoding ${Array.from(bytes).join(',')} threw ${String(error)}, not a MotionCodecError`);
  }
  if (!controlsAreValid(controls)) throw new Error(`decoding ${Array.from(bytes).join(',')} gave invalid controls ${JSON.stringify(controls.toJSON())}`);
  if (!(Number.isInteger(header.sequence) && header.sequence >= 0 && header.sequence <= 0xffff_ffff)) throw new Error(`bad sequence ${header.sequence}`);
  if (!(Number.isInteger(header.timeMs) && header.timeMs >= 0 && header.timeMs <= 0xffff_ffff)) throw new Error(`bad time ${header.timeMs}`);
  return 'decoded';
}

function randomBytes(random: SeededRandom, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = random.nextUint32() & 0xff;
  return bytes;
}

describe('decodeMotionFrame under fuzzing', () => {
  it(`gives valid controls or MotionCodecError for ${FUZZ_CASES} random byte arrays`, () => {
    const random = new SeededRandom(2024);
    const controls = new FaceControls();
    const header: MotionFrameHeader = { sequence: 0, timeMs: 0 };
    const counts = { decoded: 0, refused: 0 };
    for (let n = 0; n < FUZZ_CASES; n++) {
      // Half the inputs are frame-sized with a right tag and clear flags, so they reach the deep checks.
      const framed = n % 2 === 0;
      const bytes = randomBytes(random, framed ? MOTION_FRAME_BYTES : random.nextUint32() % (MAX_RANDOM_LENGTH + 1));
      if (framed) {
        bytes[MotionFrameOffset.tag] = MOTION_FRAME_TAG;
        if (random.next() < 0.9) bytes[MotionFrameOffset.flags] = 0;
      }
      counts[decodeOutcome(bytes, controls, header)]++;
    }
    // Both paths are exercised heavily: about 0.9 × 0.9991 of the framed half decodes.
    expect(counts.decoded).toBeGreaterThan(FUZZ_CASES * 0.4);
    expect(counts.refused).toBeGreaterThan(FUZZ_CASES * 0.5);
  });

  it(`gives valid controls or MotionCodecError for ${FUZZ_CASES} mutated valid frames`, () => {
    const random = new SeededRandom(77);
    const source = new FaceControls();
    const decoded = new FaceControls();
    const header: MotionFrameHeader = { sequence: 0, timeMs: 0 };
    // A pool of valid frames to mutate: cheaper than encoding one per case, and as varied for the decoder.
    const pool = Array.from({ length: VALID_FRAME_POOL }, () => {
      const frame = new Uint8Array(MOTION_FRAME_BYTES);
      encodeMotionFrameInto(randomControls(random, source), random.nextUint32(), random.nextUint32(), frame);
      return frame;
    });
    const counts = { decoded: 0, refused: 0 };
    let wrongLengthsDecoded = 0;
    let weightChangesRefused = 0;
    for (let n = 0; n < FUZZ_CASES; n++) {
      const valid = pool[n % VALID_FRAME_POOL];
      let bytes: Uint8Array;
      const kind = n % 4;
      if (kind === 0) {
        // Bit flips: 1 to 4 random bits anywhere.
        bytes = valid.slice();
        const flips = 1 + (random.nextUint32() % 4);
        for (let f = 0; f < flips; f++) bytes[random.nextUint32() % bytes.length] ^= 1 << (random.nextUint32() % 8);
      } else if (kind === 1) {
        bytes = valid.slice(0, random.nextUint32() % MOTION_FRAME_BYTES);
      } else if (kind === 2) {
        bytes = new Uint8Array(MOTION_FRAME_BYTES + 1 + (random.nextUint32() % 16));
        bytes.set(valid);
        bytes.set(randomBytes(random, bytes.length - MOTION_FRAME_BYTES), MOTION_FRAME_BYTES);
      } else {
        // Byte replacement: 1 to 3 bytes set to random values.
        bytes = valid.slice();
        const replaced = 1 + (random.nextUint32() % 3);
        for (let r = 0; r < replaced; r++) bytes[random.nextUint32() % bytes.length] = random.nextUint32() & 0xff;
      }
      const outcome = decodeOutcome(bytes, decoded, header);
      counts[outcome]++;
      if ((kind === 1 || kind === 2) && outcome === 'decoded') wrongLengthsDecoded++;
      // A change inside the weight bits can only change weights, never make the frame invalid.
      if (outcome === 'refused' && (kind === 0 || kind === 3) && onlyWeightBytesDiffer(bytes, valid)) weightChangesRefused++;
    }
    expect(wrongLengthsDecoded).toBe(0);
    expect(weightChangesRefused).toBe(0);
    expect(counts.decoded).toBeGreaterThan(FUZZ_CASES * 0.3);
    expect(counts.refused).toBeGreaterThan(FUZZ_CASES * 0.5);
  });

  it('the allocating decoder throws nothing but MotionCodecError either', () => {
    const random = new SeededRandom(5);
    let refused = 0;
    for (let n = 0; n < 10_000; n++) {
      const bytes = randomBytes(random, MOTION_FRAME_BYTES - 1 + (random.nextUint32() % 3));
      bytes[0] = MOTION_FRAME_TAG;
      try {
        expect(controlsAreValid(decodeMotionFrame(bytes).controls)).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(MotionCodecError);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
  });
});

function onlyWeightBytesDiffer(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < MotionFrameOffset.weights; i++) if (a[i] !== b[i]) return false;
  return true;
}
