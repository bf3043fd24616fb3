#!/usr/bin/env node
// The bias every portrait shares in one probe's landmark residuals (see residualBias.mjs).
// Usage: npm run eval:residuals -- REPORT.json PROBE...   (the report from `npm run eval -- --residuals`)
import { readEvalReport } from './readEvalReport.mjs';
import { printResidualBias, residualBias } from './residualBias.mjs';

const USAGE = 'usage: npm run eval:residuals -- REPORT.json PROBE... (a report from npm run eval -- --residuals)';
const [file, ...probes] = process.argv.slice(2);
if (!file || probes.length === 0) {
  console.error(USAGE);
  process.exit(2);
}
const report = await readEvalReport(file, USAGE);
for (const probe of probes) {
  try {
    printResidualBias(residualBias(report, probe));
  } catch (error) {
    console.error(`${probe}: ${error.message}`);
    process.exit(2);
  }
}
