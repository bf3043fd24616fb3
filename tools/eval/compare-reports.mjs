#!/usr/bin/env node
// Compares two `npm run eval` reports: probes held per probe, the probes that flipped and on what,
// and the closed loop per control. Usage: npm run eval:compare -- BEFORE.json AFTER.json
import { readFile } from 'node:fs/promises';
import { compareReports, printComparison } from './compareReports.mjs';

const USAGE = 'usage: npm run eval:compare -- BEFORE.json AFTER.json';
const files = process.argv.slice(2);
if (files.length !== 2) {
  console.error(USAGE);
  process.exit(2);
}
const [before, after] = await Promise.all(files.map(async (file) => {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    console.error(`cannot read the eval report ${file}: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
}));
for (const [file, report] of [[files[0], before], [files[1], after]]) {
  if (!Array.isArray(report?.portraits)) {
    console.error(`${file} is not an eval report (no "portraits" list)\n${USAGE}`);
    process.exit(2);
  }
}
printComparison(compareReports(before, after));
