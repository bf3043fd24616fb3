// `npm run bake` (tools/rig/bake.mjs) run as a game developer runs it: a child process that
// bakes a portrait's rig in headless Chromium and writes the file a game loads with parseRigJson.
// The command-line checks need no browser; the two bakes need the system Chromium (skipped with
// a warning where there is none, a failure under CI=true).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../../tools/browser/chromium.mjs';
import { LANDMARK_COUNT } from '../../../plugin/rig/landmarkPixels';
import { parseRig, parseRigJson } from '../../../plugin/rig/rigSerialization';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const TOOL_PATH = join(REPO_ROOT, 'tools', 'rig', 'bake.mjs');
const PORTRAITS = join(REPO_ROOT, 'tests', 'fixtures', 'portraits');
const LANDMARKS = join(REPO_ROOT, 'tests', 'fixtures', 'landmarks');
/** Vite, Chromium, the face model and a first frame on SwiftShader, on a busy 2-core machine. */
const BAKE_TIMEOUT_MS = 110_000;
const BAKE_TEST_TIMEOUT_MS = 120_000;
/** The bake detects on the page's own copy of the image; the recorded landmarks came from the image itself. */
const LANDMARK_TOLERANCE_PX = 1.5;

const workDir = mkdtempSync(join(tmpdir(), 'bake-test-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function bake(args: string[], timeout = BAKE_TIMEOUT_MS): SpawnSyncReturns<string> {
  const run = spawnSync(process.execPath, [TOOL_PATH, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (run.error) throw run.error;
  return run;
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('npm run bake: the command line', () => {
  it('answers bad command lines with usage (exit 2), a missing portrait or shot with a message (exit 1), and no stack', () => {
    const portrait = join(PORTRAITS, 'flare-female01.png');
    const noOut = bake([portrait], 20_000);
    expect(noOut.status, noOut.stderr).toBe(2);
    expect(noOut.stderr).toMatch(/--out/);
    expect(noOut.stderr).toMatch(/Usage: npm run bake -- IMAGE --out FILE/);

    const missingOut = join(workDir, 'missing.rig.json');
    const missing = bake([join(workDir, 'no-such-portrait.png'), '--out', missingOut], 20_000);
    expect(missing.status, missing.stderr).toBe(1);
    expect(missing.stderr).toMatch(/no-such-portrait\.png: no such file/);

    const shots = bake([portrait, join(workDir, 'no-such-shot.png'), '--out', missingOut], 20_000);
    expect(shots.status, shots.stderr).toBe(1);
    expect(shots.stderr).toMatch(/no-such-shot\.png: no such file/);

    for (const run of [noOut, missing, shots]) expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(missingOut)).toBe(false);
  });
});

const chromium = findChromium();
if (!chromium && process.env.CI !== 'true') {
  console.warn('bake tests not registered: no system Chromium (run `node tools/setup/ensure-chromium.mjs`, or set CHROMIUM_PATH)');
} else {
  describe('npm run bake: in headless Chromium', () => {
    it(
      'bakes flare-female01.png into a rig file that parses, fits the image and sits on the recorded landmarks',
      () => {
        const image = join(PORTRAITS, 'flare-female01.png');
        const out = join(workDir, 'nested', 'folder', 'flare-female01.rig.json');
        const run = bake([image, '--out', out]);
        expect(run.status, `bake failed:\n${run.stderr}${run.stdout}`).toBe(0);
        expect(existsSync(out)).toBe(true);

        const text = readFileSync(out, 'utf8');
        const rig = parseRigJson(text);
        expect(parseRig(JSON.parse(text)).vertexCount).toBe(rig.vertexCount);
        expect([rig.imageWidth, rig.imageHeight]).toEqual([320, 320]);
        expect(rig.vertexCount).toBeGreaterThanOrEqual(LANDMARK_COUNT);
        expect(rig.rest.length).toBe(rig.vertexCount * 3);

        // One line: the image, vertices and triangles, the file's size, the image's sha256.
        const lines = run.stdout.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain('flare-female01.png');
        expect(lines[0]).toContain(`${rig.vertexCount} vertices`);
        expect(lines[0]).toContain(`${rig.indices.length / 3} triangles`);
        expect(lines[0]).toContain(`${statSync(out).size} bytes`);
        expect(lines[0]).toContain(sha256(image));

        const recorded = JSON.parse(readFileSync(join(LANDMARKS, 'flare-female01.json'), 'utf8')) as { width: number; height: number; landmarks: number[][] };
        expect(recorded.landmarks).toHaveLength(LANDMARK_COUNT);
        let worst = 0;
        for (let i = 0; i < LANDMARK_COUNT; i++) {
          const [x, y] = recorded.landmarks[i];
          worst = Math.max(worst, Math.hypot(rig.rest[i * 3] - x * recorded.width, rig.rest[i * 3 + 1] - y * recorded.height));
        }
        expect(worst, 'largest distance (px) between a landmark vertex at rest and the recorded landmark').toBeLessThanOrEqual(LANDMARK_TOLERANCE_PX);
      },
      BAKE_TEST_TIMEOUT_MS,
    );

    it(
      'bakes sylvie.png with two shots: their landmarks go into the rig, what each shows is printed, a faceless shot is refused',
      () => {
        const few = join(REPO_ROOT, 'tests', 'fixtures', 'few-shot');
        const shotFiles = ['eyes-closed.png', 'mouth-open.png'].map((f) => join(few, 'sylvie.shots', f));
        const out = join(workDir, 'sylvie.rig.json');
        const run = bake([join(few, 'sylvie.png'), ...shotFiles, '--out', out]);
        expect(run.status, `bake failed:\n${run.stderr}${run.stdout}`).toBe(0);
        const rig = parseRigJson(readFileSync(out, 'utf8'));
        expect(rig.shots).toHaveLength(2);
        // The file names say what the shots show; the shot lines say it back, with each file's sha256.
        expect(rig.shots![0].eyesClosed).toBe(true);
        expect(rig.shots![1].mouthOpen).toBe(true);
        const lines = run.stdout.trim().split('\n');
        expect(lines).toHaveLength(3);
        expect(lines[1]).toMatch(/shot 1: .*eyes-closed\.png shows eyes closed/);
        expect(lines[1]).toContain(sha256(shotFiles[0]));
        expect(lines[2]).toMatch(/shot 2: .*mouth-open\.png shows mouth open/);
        for (const [k, name] of ['eyes-closed', 'mouth-open'].entries()) {
          const recorded = JSON.parse(readFileSync(join(few, 'landmarks', `${name}.json`), 'utf8')) as { width: number; height: number; landmarks: number[][] };
          const shot = rig.shots![k];
          expect([shot.imageWidth, shot.imageHeight]).toEqual([recorded.width, recorded.height]);
          let worst = 0;
          for (let i = 0; i < LANDMARK_COUNT; i++) {
            const [x, y] = recorded.landmarks[i];
            worst = Math.max(worst, Math.hypot((shot.landmarks[i * 3] - x) * shot.imageWidth, (shot.landmarks[i * 3 + 1] - y) * shot.imageHeight));
          }
          expect(worst, `largest distance (px) between a baked and a recorded landmark of ${name}`).toBeLessThanOrEqual(LANDMARK_TOLERANCE_PX);
        }

        const catOut = join(workDir, 'sylvie-cat.rig.json');
        const cat = bake([join(few, 'sylvie.png'), join(PORTRAITS, 'chelsea-cat.png'), '--out', catOut]);
        expect(cat.status, `expected exit 1:\n${cat.stderr}${cat.stdout}`).toBe(1);
        expect(cat.stderr).toMatch(/NoFaceError: .*the shot .*chelsea-cat\.png/);
        expect(existsSync(catOut)).toBe(false);
      },
      BAKE_TEST_TIMEOUT_MS * 2,
    );

    it(
      'refuses chelsea-cat.png with NoFaceError naming the file (exit 1), writes nothing and shows no stack',
      () => {
        const out = join(workDir, 'chelsea-cat.rig.json');
        const run = bake([join(PORTRAITS, 'chelsea-cat.png'), '--out', out]);
        expect(run.status, `expected exit 1:\n${run.stderr}${run.stdout}`).toBe(1);
        expect(run.stderr).toMatch(/NoFaceError/);
        expect(run.stderr).toContain('chelsea-cat.png');
        expect(run.stderr).not.toMatch(/\n\s+at /);
        expect(run.stdout).toBe('');
        expect(existsSync(out)).toBe(false);
      },
      BAKE_TEST_TIMEOUT_MS,
    );
  });
}
