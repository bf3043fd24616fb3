#!/usr/bin/env node
// Compares two `npm run eval` reports: probes held per probe, the probes that flipped and on what,
// and the closed loop per control. Usage: npm run eval:compare -- BEFORE.json AFTER.json
import { compareReports, printComparison } from './compareReports.mjs';
import { readEvalReport } from './readEvalReport.mjs';

const USAGE = 'usage: npm run eval:compare -- BEFORE.json AFTER.json';
const files = process.argv.slice(2);
if (files.length !== 2) {
  console.error(USAGE);
  process.exit(2);
}
const before = await readEvalReport(files[0], USAGE);
const after = await readEvalReport(files[1], USAGE);
printComparison(compareReports(before, after));
