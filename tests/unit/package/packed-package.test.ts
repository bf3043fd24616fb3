// What a game installs: `npm run build`, `npm pack`, then the tarball's contents used the way
// a game would use them: imported by plain Node (no browser globals) and type-checked by a
// consumer with Node's ESM resolution. Works on a clean clone (builds dist/ itself).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
/** Build (Vite + tsc), pack (gzip of ~25 MB) and a consumer type-check, on a slow 2-core machine. */
const PACKAGE_TEST_TIMEOUT_MS = 180_000;
/** The wasm, the model and the code compress to about 9 MB; more means something unintended ships. */
const MAX_TARBALL_BYTES = 15 * 1024 * 1024;

const REQUIRED_FILES = [
  'package/dist/index.js',
  'package/dist/index.d.ts',
  'package/dist/assets/face_landmarker.task',
  'package/dist/assets/dense-motion-256.onnx',
  'package/dist/assets/mediapipe-wasm/vision_wasm_internal.js',
  'package/dist/assets/mediapipe-wasm/vision_wasm_internal.wasm',
  'package/dist/assets/mediapipe-wasm/vision_wasm_nosimd_internal.js',
  'package/dist/assets/mediapipe-wasm/vision_wasm_nosimd_internal.wasm',
  'package/models/NOTICE',
  'package/package.json',
];

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    shell: process.platform === 'win32',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function* filesUnder(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** Prints the export names of the built entry as JSON, in a Node with no DOM whatsoever. */
const CHILD_SCRIPT = `
const browserGlobals = ['window', 'document', 'HTMLImageElement', 'HTMLCanvasElement', 'WebGL2RenderingContext'];
const present = browserGlobals.filter((name) => typeof globalThis[name] !== 'undefined');
if (present.length > 0) throw new Error('this Node has browser globals: ' + present.join(', '));
delete globalThis.navigator; // Node 21+ defines one; a browser-free import must not need it
const m = await import(process.env.ENTRY_URL);
process.stdout.write(JSON.stringify({ names: Object.keys(m).sort(), landmarkCount: m.FACE_LANDMARK_COUNT, tracker: typeof m.FaceTracker?.CreateAsync }));
`;

/** A game's source, type-checked as Node's ESM resolution sees the package. */
const CONSUMER_SOURCE = `
import { FaceControls, FaceTracker, NoFaceError, type FaceDetection, type FaceTrackerOptions } from 'babylon-talking-portraits';
const options: FaceTrackerOptions = { maxFaces: 1 };
export async function landmarksOf(image: HTMLImageElement): Promise<Float32Array | null> {
  const tracker = await FaceTracker.CreateAsync(options);
  try {
    const detection: FaceDetection = await tracker.detectImage(image);
    return detection.landmarks;
  } catch (error) {
    if (error instanceof NoFaceError) return null;
    throw error;
  } finally {
    tracker.dispose();
  }
}
export const jaw: number = new FaceControls().set('jawOpen', 0.5).get('jawOpen');
// These must be errors: if the package's types failed to resolve they would be 'any' and pass.
// @ts-expect-error not an ARKit blendshape name
new FaceControls().set('notABlendshape', 1);
// @ts-expect-error maxFaces is a number
void FaceTracker.CreateAsync({ maxFaces: 'two' });
`;

describe('the packed npm package', { timeout: PACKAGE_TEST_TIMEOUT_MS }, () => {
  let work: string;
  let packageDir: string;
  let packedFiles: string[];
  let tarballBytes: number;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'talking-portraits-pack-'));
    run(NPM, ['run', 'build'], REPO_ROOT);
    const packed = run(NPM, ['pack', '--json', '--pack-destination', work], REPO_ROOT);
    const report = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    packedFiles = report[0].files.map((file) => `package/${file.path}`);
    const tarball = join(work, report[0].filename);
    tarballBytes = statSync(tarball).size;
    run('tar', ['-xzf', tarball, '-C', work], REPO_ROOT);
    packageDir = join(work, 'package');
    // The game's node_modules: the package's dependencies and peers, as the repository has them.
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(packageDir, 'node_modules'), 'junction');
  }, PACKAGE_TEST_TIMEOUT_MS);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('holds the code, the declarations, the embedded model and MediaPipe wasm, and is not bloated', () => {
    for (const file of REQUIRED_FILES) {
      expect(packedFiles, file).toContain(file);
      expect(existsSync(join(dirname(packageDir), file)), `${file} extracted`).toBe(true);
    }
    expect(packedFiles.some((file) => file.startsWith('package/plugin/') || file.startsWith('package/tests/'))).toBe(false);
    expect(tarballBytes).toBeLessThan(MAX_TARBALL_BYTES);
    expect(sha256(join(packageDir, 'dist', 'assets', 'face_landmarker.task'))).toBe(sha256(join(REPO_ROOT, 'models', 'face_landmarker.task')));
  });

  it('points the default asset URLs at its own dist/assets, not at the repository layout', () => {
    const code = readFileSync(join(packageDir, 'dist', 'index.js'), 'utf8');
    expect(code).toContain('"./assets/face_landmarker.task"');
    expect(code).toContain('"./assets/mediapipe-wasm"');
    expect(code).not.toContain('../../models/');
    expect(code).not.toContain('node_modules/@mediapipe');
    expect(code).toContain('"./assets/dense-motion-256.onnx"');
    expect(code).not.toContain('../../../models/');
    expect(code).not.toContain('node_modules/onnxruntime-web');
  });

  it('imports in a plain Node process with no browser globals and exports what the source exports', async () => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD_SCRIPT], {
      cwd: packageDir,
      encoding: 'utf8',
      env: { ...process.env, ENTRY_URL: pathToFileURL(join(packageDir, 'dist', 'index.js')).href },
    });
    expect(child.status, child.stderr).toBe(0);
    const built = JSON.parse(child.stdout) as { names: string[]; landmarkCount: number; tracker: string };
    expect(built.tracker).toBe('function');
    expect(built.landmarkCount).toBe(478);
    const source = await import('../../../plugin/index');
    expect(built.names).toEqual(Object.keys(source).sort());
  });

  it('gives every relative import in its declarations an explicit .js that resolves', () => {
    const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]*)['"]/g;
    for (const file of filesUnder(join(packageDir, 'dist'))) {
      if (!file.endsWith('.d.ts')) continue;
      for (const match of readFileSync(file, 'utf8').matchAll(specifier)) {
        const target = match[1];
        expect(target, `${file}: ${target}`).toMatch(/\.js$/);
        expect(existsSync(resolve(dirname(file), target.replace(/\.js$/, '.d.ts'))), `${file}: ${target}`).toBe(true);
      }
    }
  });

  it('type-checks in a game that resolves packages the way Node does (nodenext)', () => {
    const consumer = join(work, 'consumer');
    mkdirSync(join(consumer, 'node_modules'), { recursive: true });
    symlinkSync(packageDir, join(consumer, 'node_modules', 'babylon-talking-portraits'), 'junction');
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'a-game', private: true, type: 'module' }));
    writeFileSync(join(consumer, 'game.ts'), CONSUMER_SOURCE);
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM'],
          types: [],
          strict: true,
          noEmit: true,
          // Third-party declarations (Babylon's) are not ours to check; the expected errors
          // in CONSUMER_SOURCE prove that the package's own types resolved.
          skipLibCheck: true,
        },
        files: ['game.ts'],
      }),
    );
    run(process.execPath, [TSC, '-p', 'tsconfig.json'], consumer);
  });
});
