#!/usr/bin/env node
// Bakes a portrait's rig ahead of time, so a game skips face detection at run time:
//
//   npm run bake -- IMAGE --out FILE [--engine auto|webgpu|webgl2] [--verbose]
//   node tools/rig/bake.mjs hero.png --out public/hero.rig.json
//
// IMAGE is a PNG, JPEG or WebP anywhere on disk. The rig is made in headless system Chromium
// (tools/browser/harness.mjs, nothing but 127.0.0.1 reachable) by TalkingPortrait.CreateAsync,
// exactly as at run time, and written as the JSON of serializeRig (plugin/rig/rigSerialization.ts;
// floats as the shortest decimals that read back as the same float32). The folder of FILE is
// created if needed. In the game:
//
//   const rig = parseRigJson(await (await fetch('hero.rig.json')).text());
//   const portrait = await TalkingPortrait.CreateAsync(scene, 'hero.png', { rig });
//
// Prints one line: the image, the rig's vertices and triangles, the file's size, and the
// image's sha256 (a rig fits only the exact image it was baked from).
// More IMAGEs after the first are shots of the same character (few-shot): their faces are found
// now and their landmarks written into the rig, so the game maps them without a face detector
// (give their images as TalkingPortrait's `shots` option, in the same order). A shot whose file
// name says "eyes-closed" or "mouth-open" is taken to show that.
// --engine picks the page's Babylon engine: auto (default) tries WebGPU, then WebGL2.
// Exit codes: 0 baked; 1 the image could not be baked (no face, missing or unreadable file);
// 2 bad command line.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = `Usage: npm run bake -- IMAGE --out FILE [--engine auto|webgpu|webgl2] [--verbose]
  IMAGE   the portrait, then any shots of the same character (few-shot): PNG, JPEG or WebP files
  --out   where to write the baked rig (JSON), e.g. public/hero.rig.json
  --engine  Babylon engine of the baking page: auto (WebGPU, else WebGL2), webgpu or webgl2
  --verbose show the page's console (MediaPipe, GPU) on stderr`;

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.webp']);
const ENGINES = new Set(['auto', 'webgpu', 'webgl2']);

/** An error the user can act on: printed as one message, no stack. */
class BakeError extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

function usageError(detail) {
  return new BakeError(`bake: ${detail}\n${USAGE}`, 2);
}

/** `npm run` starts scripts in the package root; paths the user typed are relative to where they typed them. */
const userCwd = process.env.npm_lifecycle_event === 'bake' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();

function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        engine: { type: 'string', default: 'auto' },
        verbose: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  if (positionals.length === 0) throw usageError('no IMAGE given.');
  if (!values.out) throw usageError('no --out FILE given.');
  if (!ENGINES.has(values.engine)) throw usageError(`--engine must be auto, webgpu or webgl2, not ${JSON.stringify(values.engine)}.`);
  return { images: positionals, out: values.out, engine: values.engine, verbose: values.verbose === true };
}

/** Checks an input image on disk and reads it (for its sha256). */
async function readImage(given) {
  const path = resolve(userCwd, given);
  if (!IMAGE_EXTENSIONS.has(extname(path).toLowerCase())) {
    throw new BakeError(`bake: ${given} is not a PNG, JPEG or WebP file (by its extension).`);
  }
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    if (error?.code === 'ENOENT' || error?.code === 'ENOTDIR') throw new BakeError(`bake: ${given}: no such file (looked at ${path}).`);
    throw new BakeError(`bake: ${given} cannot be read: ${error?.message ?? error}`);
  }
  if (!info.isFile()) throw new BakeError(`bake: ${given} is not a file.`);
  const bytes = await readFile(path);
  return { given, path, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Runs the baking page on the portrait and its shots; returns the page's result. */
async function bakeInBrowser(portrait, shots, engine, log) {
  const { openToolPage } = await import('../browser/harness.mjs');
  const all = [portrait, ...shots];
  const mounts = {};
  const request = all.map((image, i) => {
    mounts[`/@bake/${i}/`] = dirname(image.path);
    return { url: `/@bake/${i}/${encodeURIComponent(basename(image.path))}`, name: image.given };
  });
  const tool = await openToolPage('tools/pages/bake.html', { mounts, log });
  let result;
  try {
    result = await tool.page.evaluate((r) => /** @type {any} */ (window).bake(r), {
      portrait: request[0],
      shots: request.slice(1),
      engine,
    });
  } finally {
    await tool.close();
  }
  return result;
}

/** Writes the file whole or not at all. */
async function writeAtomically(path, text) {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new BakeError(`bake: cannot write ${path}: ${error?.message ?? error}`);
  }
}

async function main(argv) {
  const command = parseCommandLine(argv);
  if (!command) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [portrait, ...shots] = await Promise.all(command.images.map(readImage));
  const out = resolve(userCwd, command.out);
  if ((await stat(out).catch(() => null))?.isDirectory()) throw usageError(`--out ${command.out} is a folder; give a file path.`);

  // The page's console (MediaPipe's and the GPU's chatter) is shown with --verbose, or when the bake fails unexpectedly.
  const pageLog = [];
  const log = command.verbose ? (line) => process.stderr.write(`${line}\n`) : (line) => pageLog.push(line);
  let result;
  try {
    result = await bakeInBrowser(portrait, shots, command.engine, log);
  } catch (error) {
    if (pageLog.length > 0) process.stderr.write(`${pageLog.join('\n')}\n`);
    throw error;
  }
  if (!result.ok) throw new BakeError(`bake: ${result.name}: ${result.message}`);
  await writeAtomically(out, result.json);
  const bytes = Buffer.byteLength(result.json);
  process.stdout.write(
    `${portrait.given}: ${result.vertexCount} vertices, ${result.triangleCount} triangles -> ${command.out} ` +
      `(${bytes} bytes, ${result.engine}); image ${result.imageWidth}×${result.imageHeight} sha256 ${portrait.sha256}\n`,
  );
  result.shots.forEach((shot, i) => {
    const shows = [shot.eyesClosed ? 'eyes closed' : null, shot.mouthOpen ? 'mouth open' : null].filter(Boolean).join(', ') || 'nothing the portrait lacks';
    process.stdout.write(`  shot ${i + 1}: ${shot.name} shows ${shows}; sha256 ${shots[i].sha256}\n`);
  });
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof BakeError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = error.exitCode;
  } else if (error instanceof Error && /No Chromium found/.test(error.message)) {
    process.stderr.write(`bake: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`bake: failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
