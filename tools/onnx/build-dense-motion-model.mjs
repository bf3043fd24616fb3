#!/usr/bin/env node
// Builds models/dense-motion-256.onnx, the ONNX generator's shipped model, and prints its
// size and sha256. Deterministic: the same tool gives the same bytes on any machine.
//   node tools/onnx/build-dense-motion-model.mjs [--out FILE]
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { denseMotionModel } from './denseMotionGraph.mjs';
import { encodeModel } from './onnxProto.mjs';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_OUT = join(REPO_ROOT, 'models', 'dense-motion-256.onnx');

/** The shipped model's bytes. */
export function buildDenseMotionModel() {
  return encodeModel(denseMotionModel());
}

function main(argv) {
  const at = argv.indexOf('--out');
  const out = at >= 0 ? argv[at + 1] : DEFAULT_OUT;
  if (!out) throw new TypeError('build-dense-motion-model: --out needs a file name.');
  const bytes = buildDenseMotionModel();
  writeFileSync(out, bytes);
  const sha = createHash('sha256').update(bytes).digest('hex');
  process.stdout.write(`${out}\n${bytes.length} bytes\nsha256 ${sha}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
