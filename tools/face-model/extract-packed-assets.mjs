// Reads the Emscripten file-packager archive of @mediapipe/face_mesh. The offsets of the
// packed files come from the package's own loader script, not from constants here; the
// sizes expected of this package version are checked so a different archive is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FACE_MESH_PACKAGE = '@mediapipe/face_mesh';
export const FACE_MESH_VERSION = '0.4.1657299874';
export const PACKED_DATA_FILE = 'face_mesh_solution_packed_assets.data';
export const PACKED_LOADER_FILE = 'face_mesh_solution_packed_assets_loader.js';

/** The files this tool takes from the archive, with the size each has in FACE_MESH_VERSION. */
export const EXPECTED_ASSET_SIZES = Object.freeze({
  'face_landmark_with_attention.tflite': 2495952,
  'geometry_pipeline_metadata_landmarks.binarypb': 19376,
  'face_detection_short_range.tflite': 229032,
});

/**
 * The `loadPackage({"files": [...], ...})` call at the end of the loader script, parsed.
 * @param {string} loaderSource
 * @returns {{ files: { filename: string, start: number, end: number }[], remote_package_size: number }}
 */
export function parsePackedAssetsLoader(loaderSource) {
  const call = loaderSource.lastIndexOf('loadPackage({');
  if (call < 0) throw new Error(`${PACKED_LOADER_FILE}: no loadPackage({...}) call found`);
  const open = loaderSource.indexOf('{', call);
  // The argument is a JSON object literal; find its end by matching braces outside strings.
  let depth = 0;
  let inString = false;
  for (let i = open; i < loaderSource.length; i += 1) {
    const ch = loaderSource[i];
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth += 1;
    else if (ch === '}') {
      depth -= 1;
      if (depth === 0) {
        const manifest = JSON.parse(loaderSource.slice(open, i + 1));
        if (!Array.isArray(manifest.files)) throw new Error(`${PACKED_LOADER_FILE}: manifest has no files list`);
        return manifest;
      }
    }
  }
  throw new Error(`${PACKED_LOADER_FILE}: unterminated loadPackage({...}) argument`);
}

/**
 * Extracts the wanted files (by base name) from the face_mesh package folder.
 * @param {string} packageDir path of node_modules/@mediapipe/face_mesh
 * @returns {{ version: string, assets: Map<string, { data: Buffer, start: number, end: number, packedPath: string }> }}
 */
export function extractFaceMeshAssets(packageDir) {
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  } catch {
    throw new Error(
      `${FACE_MESH_PACKAGE} not found at ${packageDir}. Run \`npm ci\` (it is a devDependency) ` +
        'or pass --face-mesh-package DIR.',
    );
  }
  if (pkg.name !== FACE_MESH_PACKAGE || pkg.version !== FACE_MESH_VERSION) {
    throw new Error(
      `${packageDir} holds ${pkg.name}@${pkg.version}; this tool is written for ` +
        `${FACE_MESH_PACKAGE}@${FACE_MESH_VERSION} (its offsets and sizes are checked).`,
    );
  }
  const manifest = parsePackedAssetsLoader(readFileSync(join(packageDir, PACKED_LOADER_FILE), 'utf8'));
  const archive = readFileSync(join(packageDir, PACKED_DATA_FILE));
  if (manifest.remote_package_size !== undefined && manifest.remote_package_size !== archive.length) {
    throw new Error(
      `${PACKED_DATA_FILE} is ${archive.length} bytes but the loader says ${manifest.remote_package_size}`,
    );
  }
  const assets = new Map();
  for (const [name, size] of Object.entries(EXPECTED_ASSET_SIZES)) {
    const entry = manifest.files.find((file) => file.filename.split('/').pop() === name);
    if (!entry) throw new Error(`${PACKED_LOADER_FILE} lists no ${name}`);
    const { start, end } = entry;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > archive.length || end < start) {
      throw new Error(`${name}: bad range ${start}..${end} in an archive of ${archive.length} bytes`);
    }
    if (end - start !== size) {
      throw new Error(`${name}: ${end - start} bytes in the archive, expected ${size}`);
    }
    assets.set(name, { data: archive.subarray(start, end), start, end, packedPath: entry.filename });
  }
  return { version: pkg.version, assets };
}
