#!/usr/bin/env node
// Re-bakes the demo's portrait rigs and rewrites images.json (each baked image's sha256):
//   node demo-game/rigs/bake-rigs.mjs              bake every portrait below, one Chromium at a time
//   node demo-game/rigs/bake-rigs.mjs --index-only rewrite images.json from the images alone
// A rig fits only the exact image it was baked from: re-run this whenever a portrait file changes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const HERE = fileURLToPath(new URL('./', import.meta.url));
/** The eight NPCs (demo-game/src/game/npc/npcCast.ts) and the guests given to players without a portrait (net/portraitToSend.ts). */
const PORTRAITS = [
  'flare-female01', 'flare-male01', 'flare-female03', 'flare-male03', 'flare-female05', 'flare-male05', 'flare-female07', 'flare-male07',
  'flare-female02', 'flare-male02',
];
/** The demo's e2e tests run on WebGL2; a rig is the same data whichever engine baked it, bar float noise in the calibration. */
const ENGINE = 'webgl2';

const indexOnly = process.argv.includes('--index-only');
const hashes = {};
for (const name of PORTRAITS) {
  const image = `tests/fixtures/portraits/${name}.png`;
  if (!indexOnly) {
    execFileSync('flock', ['/tmp/chromium.lock', 'node', 'tools/rig/bake.mjs', image, '--out', `demo-game/rigs/${name}.rig.json`, '--engine', ENGINE], { cwd: REPO, stdio: 'inherit' });
  }
  hashes[`${name}.png`] = createHash('sha256').update(await readFile(`${REPO}${image}`)).digest('hex');
}
await writeFile(`${HERE}images.json`, `${JSON.stringify(hashes, null, 2)}\n`);
console.log(`wrote ${HERE}images.json (${PORTRAITS.length} images)`);
