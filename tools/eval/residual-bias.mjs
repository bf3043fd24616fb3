#!/usr/bin/env node
// The bias every portrait shares in one probe's landmark residuals (see residualBias.mjs).
// Usage: npm run eval:residuals -- REPORT.json PROBE...   (the report from `npm run eval -- --residuals`)
import { readFile } from 'node:fs/promises';
import { printResidualBias, residualBias } from './residualBias.mjs';

const USAGE = 'usage: npm run eval:residuals -- REPORT.json PROBE... (a report from npm run eval -- --residuals)';
const [file, ...probes] = process.argv.slice(2);
if (!file || probes.length === 0) {
  console.error(USAGE);
  process.exit(2);
}
let report;
try {
  report = JSON.parse(await readFile(file, 'utf8'));
} catch (error) {
  console.error(`cannot read the eval report ${file}: ${error.message}\n${USAGE}`);
  process.exit(2);
}
if (!Array.isArray(report?.portraits)) {
  console.error(`${file} is not an eval report (no "portraits" list)\n${USAGE}`);
  process.exit(2);
}
for (const probe of probes) {
  try {
    printResidualBias(residualBias(report, probe));
  } catch (error) {
    console.error(`${probe}: ${error.message}`);
    process.exit(2);
  }
}
