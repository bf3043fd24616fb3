#!/usr/bin/env node
// After `tsc -p tsconfig.build.json`: gives every relative import in dist/**/*.d.ts the
// explicit `.js` (or `/index.js`) that Node's ESM resolution needs, so games type-checking
// with "moduleResolution": "node16"/"nodenext" see the types too, not only "bundler" ones.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = resolve(process.argv[2] ?? join(fileURLToPath(new URL('../../', import.meta.url)), 'dist'));

/** `from '…'`, `import '…'`, `import('…')` with a relative specifier. */
const RELATIVE_SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

function* declarationFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* declarationFiles(path);
    else if (name.endsWith('.d.ts')) yield path;
  }
}

function fixSpecifier(file, specifier) {
  const base = specifier.replace(/\.(ts|js)$/, '');
  const from = dirname(file);
  if (existsSync(resolve(from, `${base}.d.ts`))) return `${base}.js`;
  if (existsSync(resolve(from, base, 'index.d.ts'))) return `${base}/index.js`;
  throw new Error(`${relative(DIST, file)}: cannot resolve '${specifier}' to a declaration file.`);
}

if (!existsSync(join(DIST, 'index.d.ts'))) {
  process.stderr.write(`fix-declaration-specifiers: ${DIST}/index.d.ts is missing; run tsc -p tsconfig.build.json first.\n`);
  process.exit(1);
}
let changed = 0;
for (const file of declarationFiles(DIST)) {
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(RELATIVE_SPECIFIER, (_match, lead, quote, specifier) => `${lead}${quote}${fixSpecifier(file, specifier)}${quote}`);
  if (fixed !== text) {
    writeFileSync(file, fixed);
    changed++;
  }
}
process.stdout.write(`fix-declaration-specifiers: ${changed} declaration files given explicit .js specifiers\n`);
