// Test helper: a mono 16-bit PCM WAV file (the espeak-ng fixtures) → sample rate and float samples in [-1, 1).
import { readFileSync } from 'node:fs';

/** A decoded WAV: its sample rate and mono samples. */
export interface DecodedWav {
  sampleRate: number;
  samples: Float32Array;
}

/** Full scale of 16-bit PCM. */
const PCM16_SCALE = 32768;

/** Reads a mono 16-bit PCM WAV; throws for anything else (the fixtures are all of this kind). */
export function readWav(path: string): DecodedWav {
  const bytes = readFileSync(path);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WAVE') throw new Error(`${path} is not a WAV file`);
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= bytes.byteLength) {
    const id = bytes.toString('latin1', offset, offset + 4);
    const size = view.getUint32(offset + 4, true);
    if (id === 'fmt ') {
      const format = view.getUint16(offset + 8, true);
      const channels = view.getUint16(offset + 10, true);
      const bits = view.getUint16(offset + 22, true);
      if (format !== 1 || channels !== 1 || bits !== 16) throw new Error(`${path}: expected mono 16-bit PCM, got format ${format}, ${channels} channels, ${bits} bits`);
      sampleRate = view.getUint32(offset + 12, true);
    } else if (id === 'data') {
      const samples = new Float32Array(size >> 1);
      for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(offset + 8 + 2 * i, true) / PCM16_SCALE;
      return { sampleRate, samples };
    }
    offset += 8 + size + (size & 1);
  }
  throw new Error(`${path} has no data chunk`);
}
