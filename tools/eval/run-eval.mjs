#!/usr/bin/env node
// QUALITY.md, measured: renders every probe of every portrait in a folder on WebGPU and WebGL2
// in headless Chromium, re-detects each frame with the embedded model, and writes one JSON
// report, a contact sheet PNG beside it, and a short table.
// More shots of a portrait NAME.png (few-shot) go in a folder NAME.shots/ beside it; a shot whose
// file name has "eyes-closed" or "mouth-open" in it is taken to show that.
// Usage: npm run eval -- --portraits DIR --out FILE [--sheet FILE.png] [--residuals]
// --residuals adds each probe's per-landmark residuals to the report, for `npm run eval:residuals`.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, openToolPage } from '../browser/harness.mjs';
import { printTable } from './printTable.mjs';

const USAGE = 'usage: npm run eval -- --portraits DIR --out FILE.json [--sheet FILE.png] [--residuals]';
let values;
try {
  ({ values } = parseArgs({ options: { portraits: { type: 'string' }, out: { type: 'string' }, sheet: { type: 'string' }, residuals: { type: 'boolean' } } }));
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
const portraitsDir = resolve(values.portraits ?? join(REPO_ROOT, 'tests/fixtures/portraits'));
const outFile = resolve(values.out ?? join(REPO_ROOT, 'eval-results/eval.json'));
const sheetFile = resolve(values.sheet ?? outFile.replace(/\.json$/i, '') + '.png');

let files;
try {
  files = (await readdir(portraitsDir)).filter((f) => /\.(png|jpe?g|webp)$/i.test(f)).sort();
} catch (error) {
  console.error(`cannot read the portraits folder ${portraitsDir}: ${error.message}\n${USAGE}`);
  process.exit(2);
}
if (files.length === 0) {
  console.error(`no .png, .jpg or .webp images in ${portraitsDir}`);
  process.exit(2);
}

/** The images in NAME.shots/ beside portrait NAME.png, as page URLs; none when there is no such folder. */
async function shotsOf(file) {
  const folder = `${file.replace(/\.[^.]+$/, '')}.shots`;
  let names;
  try {
    names = (await readdir(join(portraitsDir, folder))).filter((f) => /\.(png|jpe?g|webp)$/i.test(f)).sort();
  } catch (error) {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
    throw error;
  }
  return names.map((name) => ({ url: `/@portraits/${encodeURIComponent(folder)}/${encodeURIComponent(name)}`, name }));
}

const started = Date.now();
const tool = await openToolPage('tools/pages/eval.html', { mounts: { '/@portraits/': portraitsDir } });
const portraits = [];
let finished;
try {
  for (const file of files) {
    const shots = await shotsOf(file);
    const report = await tool.page.evaluate(([url, name, s, r]) => /** @type {any} */ (window).evaluate(url, name, s, r), [`/@portraits/${encodeURIComponent(file)}`, file, shots, values.residuals === true]);
    portraits.push(report);
    const state = report.rigged ? `${report.probesHeld}/${report.probesTotal} probes held` : 'no face found';
    const fewShot = report.fewShot ? ` · few-shot ${report.fewShot.probes.filter((p) => p.held).length}/${report.fewShot.probes.length} held` : '';
    console.error(`${file}: ${state}${fewShot} (${report.seconds} s)`);
  }
  finished = await tool.page.evaluate(() => /** @type {any} */ (window).finish());
} finally {
  await tool.close();
}

const document = {
  tool: 'tools/eval/run-eval.mjs',
  portraitsDir,
  date: new Date().toISOString(),
  seconds: Math.round((Date.now() - started) / 1000),
  summary: finished.summary,
  ...(values.residuals ? { eyePoints: finished.eyePoints } : {}),
  portraits,
};
await mkdir(dirname(outFile), { recursive: true });
await writeFile(outFile, `${JSON.stringify(document, null, 1)}\n`);
await mkdir(dirname(sheetFile), { recursive: true });
await writeFile(sheetFile, Buffer.from(finished.contactSheetPng, 'base64'));
printTable(document);
console.log(`report: ${outFile}\ncontact sheet: ${sheetFile} (${basename(sheetFile)})`);
