// The committed MediaPipe Tasks bundle models/face_landmarker.task: its checksum matches
// models/README.md, it is a stored zip with the expected entries, and a rebuild with
// tools/face-model/build-face-model.mjs gives the same bytes (where flatc and the schemas exist).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODEL_PATH = join(REPO_ROOT, 'models', 'face_landmarker.task');
const README_PATH = join(REPO_ROOT, 'models', 'README.md');
const TOOL_PATH = join(REPO_ROOT, 'tools', 'face-model', 'build-face-model.mjs');
const FACE_MESH_PACKAGE = join(REPO_ROOT, 'node_modules', '@mediapipe', 'face_mesh');
const SCHEMAS_DIR = process.env.FACE_MODEL_SCHEMAS || resolve(REPO_ROOT, '..', 'shared', 'face-landmarker', 'schema');
const FLATC = process.env.FLATC || 'flatc';

const EXPECTED_ENTRIES = [
  'face_detector.tflite',
  'face_landmarks_detector.tflite',
  'geometry_pipeline_metadata_landmarks.binarypb',
];

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  crc: number;
  data: Uint8Array;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Reads a zip's central directory and each entry's local header (no zip64, no comment needed). */
function readZip(zip: Buffer): ZipEntry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i -= 1) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('no end-of-central-directory record');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory header at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const compressedSize = zip.readUInt32LE(at + 20);
    const localOffset = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(localOffset) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const localName = zip.toString('utf8', localOffset + 30, localOffset + 30 + zip.readUInt16LE(localOffset + 26));
    if (localName !== name) throw new Error(`local header names ${localName}, central directory ${name}`);
    if (zip.readUInt16LE(localOffset + 8) !== zip.readUInt16LE(at + 10)) throw new Error(`${name}: methods differ`);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    entries.push({
      name,
      method: zip.readUInt16LE(at + 10),
      flags: zip.readUInt16LE(at + 8),
      compressedSize,
      size: zip.readUInt32LE(at + 24),
      crc: zip.readUInt32LE(at + 16),
      data: zip.subarray(dataStart, dataStart + compressedSize),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** The `sha256:` line (and the size) in the README section headed by face_landmarker.task. */
function readmeFacts(): { sha256: string | undefined; size: number | undefined } {
  const readme = readFileSync(README_PATH, 'utf8');
  const heading = /^(#+) .*face_landmarker\.task.*$/m.exec(readme);
  if (!heading) throw new Error('models/README.md has no heading for face_landmarker.task');
  const rest = readme.slice(heading.index + heading[0].length);
  const next = new RegExp(`^#{1,${heading[1].length}} `, 'm').exec(rest);
  const section = next ? rest.slice(0, next.index) : rest;
  return {
    sha256: /^sha256: ([0-9a-f]{64})$/m.exec(section)?.[1],
    size: Number(/^Size: (\d+) bytes\.?$/m.exec(section)?.[1]) || undefined,
  };
}

const contains = (haystack: Uint8Array, text: string): boolean => Buffer.from(haystack).includes(Buffer.from(text, 'latin1'));

describe('models/face_landmarker.task', () => {
  const bundle = readFileSync(MODEL_PATH);

  it('matches the sha256 and size recorded in models/README.md', () => {
    const facts = readmeFacts();
    expect(facts.sha256, 'a `sha256: <64 hex>` line under the face_landmarker.task heading').toBeDefined();
    expect(sha256(bundle)).toBe(facts.sha256);
    expect(bundle.length).toBe(facts.size);
  });

  it('is a stored (uncompressed) zip with exactly the expected entries', () => {
    const entries = readZip(bundle);
    expect(entries.map((entry) => entry.name)).toEqual(EXPECTED_ENTRIES);
    for (const entry of entries) {
      expect(entry.method, `${entry.name} is stored`).toBe(0);
      expect(entry.flags & 0x9, `${entry.name}: no encryption, no data descriptor`).toBe(0);
      expect(entry.compressedSize).toBe(entry.size);
      expect(crc32(entry.data), `${entry.name} CRC-32`).toBe(entry.crc);
    }
  });

  it('holds TFLite models with TFLITE_METADATA, the landmark model with the 478-point outputs', () => {
    const byName = new Map(readZip(bundle).map((entry) => [entry.name, entry.data]));
    for (const name of ['face_detector.tflite', 'face_landmarks_detector.tflite']) {
      const model = byName.get(name)!;
      expect(Buffer.from(model.subarray(4, 8)).toString('latin1'), `${name} file identifier`).toBe('TFL3');
      expect(contains(model, 'TFLITE_METADATA'), `${name} has TFLITE_METADATA`).toBe(true);
      expect(contains(model, 'M001'), `${name} holds a ModelMetadata flatbuffer (M001)`).toBe(true);
    }
    const landmarks = byName.get('face_landmarks_detector.tflite')!;
    expect(contains(landmarks, 'landmarks_refinement/landmark_sources')).toBe(true);
    expect(byName.get('geometry_pipeline_metadata_landmarks.binarypb')!.length).toBe(19376);
  });

  const missing: string[] = [];
  const flatc = spawnSync(FLATC, ['--version'], { encoding: 'utf8' });
  if (flatc.error || flatc.status !== 0) {
    missing.push(`flatc (${FLATC}) is not available: apt-get install flatbuffers-compiler, or set FLATC`);
  }
  for (const schema of ['schema.fbs', 'metadata_schema.fbs']) {
    if (!existsSync(join(SCHEMAS_DIR, schema))) {
      missing.push(`${join(SCHEMAS_DIR, schema)} is missing: set FACE_MODEL_SCHEMAS to the schemas folder`);
    }
  }
  if (!existsSync(join(FACE_MESH_PACKAGE, 'package.json'))) {
    missing.push(`${FACE_MESH_PACKAGE} is missing: run npm ci`);
  }

  if (missing.length > 0 && process.env.CI !== 'true') {
    console.warn(`face model rebuild test not registered: ${missing.join('; ')}`);
  } else {
    it(
      'rebuilds byte-identical with tools/face-model/build-face-model.mjs',
      () => {
        if (missing.length > 0) throw new Error(`cannot rebuild the face model: ${missing.join('; ')}`);
        const workDir = mkdtempSync(join(tmpdir(), 'face-model-test-'));
        try {
          const out = join(workDir, 'face_landmarker.task');
          const run = spawnSync(
            process.execPath,
            [TOOL_PATH, '--schemas', SCHEMAS_DIR, '--out', out, '--face-mesh-package', FACE_MESH_PACKAGE],
            { cwd: REPO_ROOT, encoding: 'utf8', timeout: 110_000 },
          );
          expect(run.status, `build-face-model failed:\n${run.stderr}${run.stdout}`).toBe(0);
          const rebuilt = readFileSync(out);
          const flatcVersion = `${flatc.stdout ?? ''}`.trim();
          expect(
            sha256(rebuilt),
            `rebuilt bundle differs from models/face_landmarker.task (${flatcVersion}; the committed file was built with flatc 2.0.8)`,
          ).toBe(sha256(bundle));
          expect(Buffer.compare(rebuilt, bundle)).toBe(0);
        } finally {
          rmSync(workDir, { recursive: true, force: true });
        }
      },
      120_000,
    );
  }
});
