#!/usr/bin/env node
// Builds models/face_landmarker.task, a MediaPipe Tasks FaceLandmarker bundle, from the
// models inside the npm package @mediapipe/face_mesh (Apache-2.0):
//   1. extract the detector, the attention landmark model and the geometry metadata from
//      face_mesh_solution_packed_assets.data (offsets read from the package's loader script);
//   2. add TFLITE_METADATA (input normalization) to both models;
//   3. give the landmark model the two outputs Tasks expects (landmark-outputs-surgery.mjs);
//   4. write a stored zip with fixed times and order, so rebuilds are byte-identical.
// flatc (apt-get install flatbuffers-compiler) does the flatbuffer <-> JSON round trips with
// the TFLite schemas, which live outside the repository (--schemas DIR).
//
// Usage: node tools/face-model/build-face-model.mjs [--schemas DIR] [--out FILE]
//                                                   [--face-mesh-package DIR]
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFaceMeshAssets, FACE_MESH_PACKAGE, FACE_MESH_VERSION } from './extract-packed-assets.mjs';
import { findFlatc, flatbufferToObject, objectToFlatbuffer, PINNED_FLATC_VERSION, resolveSchemas } from './flatc.mjs';
import { refineLandmarkOutputs } from './landmark-outputs-surgery.mjs';
import { createStoredZip } from './stored-zip.mjs';
import { attachTfliteMetadata, imageModelMetadata } from './tflite-metadata.mjs';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE = `${FACE_MESH_PACKAGE}@${FACE_MESH_VERSION}`;
const AUTHOR = 'The MediaPipe Authors (Google LLC); bundled by babylon-talking-portraits';

const USAGE = `Usage: node tools/face-model/build-face-model.mjs [options]
  --schemas DIR            folder with schema.fbs and metadata_schema.fbs
                           (default: $FACE_MODEL_SCHEMAS, else ../shared/face-landmarker/schema
                           relative to the repository root)
  --out FILE               bundle to write (default: models/face_landmarker.task)
  --face-mesh-package DIR  the ${FACE_MESH_PACKAGE} package folder
                           (default: node_modules/${FACE_MESH_PACKAGE})
Needs flatc (apt-get install flatbuffers-compiler; FLATC overrides the executable).`;

/** Bundle entries, in the order they are written. */
const BUNDLE = [
  { entry: 'face_detector.tflite', source: 'face_detection_short_range.tflite' },
  { entry: 'face_landmarks_detector.tflite', source: 'face_landmark_with_attention.tflite' },
  { entry: 'geometry_pipeline_metadata_landmarks.binarypb', source: 'geometry_pipeline_metadata_landmarks.binarypb' },
];

function parseArgs(argv) {
  const options = {
    schemas: process.env.FACE_MODEL_SCHEMAS || join(REPO_ROOT, '..', 'shared', 'face-landmarker', 'schema'),
    out: join(REPO_ROOT, 'models', 'face_landmarker.task'),
    faceMeshPackage: join(REPO_ROOT, 'node_modules', FACE_MESH_PACKAGE),
  };
  const keys = { '--schemas': 'schemas', '--out': 'out', '--face-mesh-package': 'faceMeshPackage' };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg];
    const key = keys[flag];
    if (!key) throw new Error(`unknown argument ${arg}\n${USAGE}`);
    const value = inline ?? argv[(i += 1)];
    if (!value) throw new Error(`${flag} needs a value\n${USAGE}`);
    options[key] = resolve(value);
  }
  return options;
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const log = (message) => process.stderr.write(`[build-face-model] ${message}\n`);

/** Adds metadata (and for the landmark model the output surgery) to one .tflite. */
function convertModel(flatc, schemas, workDir, data, { metadata, refineOutputs }) {
  const model = flatbufferToObject(flatc, schemas.tflite, data, workDir);
  if (refineOutputs) refineLandmarkOutputs(model);
  attachTfliteMetadata(model, objectToFlatbuffer(flatc, schemas.metadata, metadata, workDir));
  return objectToFlatbuffer(flatc, schemas.tflite, model, workDir);
}

export function buildFaceLandmarkerBundle({ schemas: schemasDir, faceMeshPackage }) {
  const flatc = findFlatc();
  if (flatc.version !== PINNED_FLATC_VERSION) {
    log(`warning: flatc ${flatc.version}; the committed model was built with ${PINNED_FLATC_VERSION}, bytes may differ`);
  }
  const schemas = resolveSchemas(schemasDir);
  const { assets } = extractFaceMeshAssets(faceMeshPackage);
  for (const [name, asset] of assets) {
    log(`${name}: bytes ${asset.start}..${asset.end} of the archive, sha256 ${sha256(asset.data)}`);
  }

  const workDir = mkdtempSync(join(tmpdir(), 'face-model-'));
  try {
    const detector = convertModel(flatc, schemas, workDir, assets.get('face_detection_short_range.tflite').data, {
      metadata: imageModelMetadata({
        name: 'face_detection_short_range',
        description:
          `BlazeFace short-range face detector (128x128 input) from ${SOURCE}, ` +
          'with TFLite metadata added for MediaPipe Tasks.',
        author: AUTHOR,
        inputName: 'image',
        inputDescription: 'RGB image, 128x128, normalized to [-1, 1].',
        mean: 127.5,
        std: 127.5,
      }),
      refineOutputs: false,
    });
    const landmarks = convertModel(flatc, schemas, workDir, assets.get('face_landmark_with_attention.tflite').data, {
      metadata: imageModelMetadata({
        name: 'face_landmark_with_attention',
        description:
          `Face mesh with attention (468 points refined with lips, eyes and irises) from ${SOURCE}; ` +
          'outputs rewritten to [478 landmarks x (x, y, z), face flag] and TFLite metadata added for MediaPipe Tasks.',
        author: AUTHOR,
        inputName: 'image',
        inputDescription: 'RGB image, 192x192, normalized to [0, 1].',
        mean: 0,
        std: 255,
      }),
      refineOutputs: true,
    });
    const contents = {
      'face_detection_short_range.tflite': detector,
      'face_landmark_with_attention.tflite': landmarks,
      'geometry_pipeline_metadata_landmarks.binarypb': assets.get('geometry_pipeline_metadata_landmarks.binarypb').data,
    };
    return createStoredZip(BUNDLE.map(({ entry, source }) => ({ name: entry, data: contents[source] })));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(options.schemas)) {
    throw new Error(
      `schemas folder ${options.schemas} does not exist. Pass --schemas DIR or set FACE_MODEL_SCHEMAS ` +
        '(a folder with schema.fbs and metadata_schema.fbs).',
    );
  }
  const bundle = buildFaceLandmarkerBundle(options);
  mkdirSync(dirname(options.out), { recursive: true });
  const partial = `${options.out}.partial-${process.pid}`;
  writeFileSync(partial, bundle);
  renameSync(partial, options.out);
  const shown = relative(process.cwd(), options.out) || options.out;
  console.log(`${shown}\nsize: ${bundle.length} bytes\nsha256: ${sha256(bundle)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    log(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
