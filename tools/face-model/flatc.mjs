// Thin wrapper around the FlatBuffers compiler: binary → JSON and JSON → binary with a
// schema. Each conversion writes into its own fresh folder and reads back the one file there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The flatc version the committed model was built with; others may lay out bytes differently. */
export const PINNED_FLATC_VERSION = '2.0.8';

const INSTALL_HINT =
  'Install the FlatBuffers compiler: `apt-get install flatbuffers-compiler` (Debian/Ubuntu, ' +
  `gives flatc ${PINNED_FLATC_VERSION} on Debian 12), or set FLATC to a flatc executable.`;

/**
 * Finds flatc (the FLATC env var, else `flatc` on PATH) and returns its command and version.
 * @returns {{ command: string, version: string }}
 */
export function findFlatc() {
  const command = process.env.FLATC || 'flatc';
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : (result.stderr || '').trim();
    throw new Error(`flatc is not available (${command}: ${why}). ${INSTALL_HINT}`);
  }
  const match = /(\d+\.\d+\.\d+)/.exec(result.stdout);
  return { command, version: match ? match[1] : result.stdout.trim() };
}

let counter = 0;

function runFlatc(flatc, args, outDir) {
  mkdirSync(outDir, { recursive: true });
  const result = spawnSync(flatc.command, ['-o', outDir, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `${result.stdout}${result.stderr}`.trim();
    throw new Error(`flatc ${args.join(' ')} failed: ${why}`);
  }
  const produced = readdirSync(outDir);
  if (produced.length !== 1) throw new Error(`flatc ${args.join(' ')} wrote ${produced.length} files, expected 1`);
  return readFileSync(join(outDir, produced[0]));
}

/**
 * Decodes a flatbuffer into a JS object using its schema.
 * @param {{ command: string }} flatc
 * @param {string} schemaPath
 * @param {Uint8Array} binary
 * @param {string} workDir a scratch folder
 */
export function flatbufferToObject(flatc, schemaPath, binary, workDir) {
  const step = `step-${(counter += 1)}`;
  const input = join(workDir, `${step}.bin`);
  writeFileSync(input, binary);
  const json = runFlatc(
    flatc,
    ['--json', '--strict-json', '--raw-binary', schemaPath, '--', input],
    join(workDir, `${step}-json`),
  );
  return JSON.parse(json.toString('utf8'));
}

/**
 * Encodes a JS object as a flatbuffer using its schema (file identifier included).
 * @param {{ command: string }} flatc
 * @param {string} schemaPath
 * @param {unknown} object
 * @param {string} workDir a scratch folder
 * @returns {Buffer}
 */
export function objectToFlatbuffer(flatc, schemaPath, object, workDir) {
  const step = `step-${(counter += 1)}`;
  const input = join(workDir, `${step}.json`);
  writeFileSync(input, JSON.stringify(object));
  return runFlatc(flatc, ['--binary', schemaPath, input], join(workDir, `${step}-bin`));
}

/**
 * Checks the schemas folder and returns the two schema paths, or throws saying what is missing.
 * @param {string} dir
 */
export function resolveSchemas(dir) {
  const tflite = join(dir, 'schema.fbs');
  const metadata = join(dir, 'metadata_schema.fbs');
  const missing = [tflite, metadata].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `FlatBuffers schemas missing: ${missing.join(', ')}. Pass --schemas DIR (or set FACE_MODEL_SCHEMAS) ` +
        'to a folder holding schema.fbs (TensorFlow Lite, tensorflow/lite/schema/schema.fbs) and ' +
        'metadata_schema.fbs (TFLite metadata, mediapipe/tasks/metadata/metadata_schema.fbs in MediaPipe). ' +
        'For flatc 2.0.8, remove the `(deprecated)` attributes from schema.fbs. ' +
        'In this project they are kept outside the repository, at ../shared/face-landmarker/schema.',
    );
  }
  return { tflite, metadata };
}
