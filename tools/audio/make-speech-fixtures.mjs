// Rebuilds tests/fixtures/audio: words spoken one by one by espeak-ng, trimmed and joined with known gaps (ground truth for audio lip sync).
// Usage: node tools/audio/make-speech-fixtures.mjs   (needs espeak-ng on PATH; writes the WAVs and their .json word boundaries)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT_DIR = fileURLToPath(new URL('../../tests/fixtures/audio/', import.meta.url));
/** Silence before the first word, between words and after the last, ms: long enough that a closed mouth is unambiguous. */
const GAP_MS = 350;
/** A sample louder than this (of full scale) counts as speech when trimming: about -46 dBFS, far under espeak's level and far over its silence (exact zeros). */
const TRIM_THRESHOLD = 0.005;

/** The fixtures: name → words. Words chosen for clear, different vowels and a sibilant. */
const FIXTURES = {
  'words-father-see-moon': ['father', 'see', 'moon'],
  'words-hello-yes-sister': ['hello', 'yes', 'sister'],
};

/** @returns {{ sampleRate: number, samples: Int16Array }} */
function readPcm16Wav(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= bytes.byteLength) {
    const id = String.fromCharCode(...bytes.subarray(offset, offset + 4));
    const size = view.getUint32(offset + 4, true);
    if (id === 'fmt ') {
      if (view.getUint16(offset + 8, true) !== 1 || view.getUint16(offset + 10, true) !== 1 || view.getUint16(offset + 22, true) !== 16) {
        throw new Error('espeak-ng wrote something other than mono 16-bit PCM');
      }
      sampleRate = view.getUint32(offset + 12, true);
    } else if (id === 'data') {
      const length = Math.min(size, bytes.byteLength - offset - 8) >> 1;
      const samples = new Int16Array(length);
      for (let i = 0; i < length; i++) samples[i] = view.getInt16(offset + 8 + 2 * i, true);
      return { sampleRate, samples };
    }
    offset += 8 + size + (size & 1);
  }
  throw new Error('no data chunk in the WAV espeak-ng wrote');
}

function writePcm16Wav(path, sampleRate, samples) {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (offset, value) => [...value].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, 'RIFF'); view.setUint32(4, 36 + samples.length * 2, true); text(8, 'WAVE');
  text(12, 'fmt '); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true); view.setUint32(28, sampleRate * 2, true); view.setUint16(32, 2, true); view.setUint16(34, 16, true);
  text(36, 'data'); view.setUint32(40, samples.length * 2, true);
  samples.forEach((s, i) => view.setInt16(44 + 2 * i, s, true));
  writeFileSync(path, bytes);
}

function speakTrimmed(word, dir) {
  const path = join(dir, `${word}.wav`);
  execFileSync('espeak-ng', ['-w', path, word]);
  const { sampleRate, samples } = readPcm16Wav(readFileSync(path));
  const loud = (s) => Math.abs(s) / 32768 > TRIM_THRESHOLD;
  const first = samples.findIndex(loud);
  const last = samples.findLastIndex(loud);
  if (first < 0) throw new Error(`espeak-ng said nothing for "${word}"`);
  return { sampleRate, samples: samples.subarray(first, last + 1) };
}

const dir = mkdtempSync(join(tmpdir(), 'speech-fixtures-'));
try {
  for (const [name, words] of Object.entries(FIXTURES)) {
    const spoken = words.map((word) => speakTrimmed(word, dir));
    const sampleRate = spoken[0].sampleRate;
    const gap = Math.round((GAP_MS / 1000) * sampleRate);
    const total = gap + spoken.reduce((sum, s) => sum + s.samples.length + gap, 0);
    const out = new Int16Array(total);
    const boundaries = [];
    let at = gap;
    spoken.forEach((s, i) => {
      out.set(s.samples, at);
      boundaries.push({ word: words[i], startSample: at, endSample: at + s.samples.length });
      at += s.samples.length + gap;
    });
    writePcm16Wav(join(OUT_DIR, `${name}.wav`), sampleRate, out);
    const meta = { sampleRate, lengthSamples: total, gapMs: GAP_MS, trimThreshold: TRIM_THRESHOLD, words: boundaries };
    writeFileSync(join(OUT_DIR, `${name}.json`), `${JSON.stringify(meta, null, 2)}\n`);
    console.log(`${name}.wav: ${(total / sampleRate).toFixed(2)} s, ${boundaries.map((b) => b.word).join(' ')}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
