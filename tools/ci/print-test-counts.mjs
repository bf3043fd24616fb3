#!/usr/bin/env node
// Prints the plain "N passed, N failed" line CI reads, from Vitest's JSON report.
import { readFileSync, existsSync } from 'node:fs';

const path = process.argv[2] ?? 'test-results/vitest.json';
if (!existsSync(path)) {
  console.log('0 passed, 1 failed');
  console.error(`no test report at ${path}: the test run did not finish`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(path, 'utf8'));
const passed = report.numPassedTests ?? 0;
// A file that fails to load has no failed test in it; count it so the line never reads green.
const failedTests = report.numFailedTests ?? 0;
const failed = failedTests > 0 ? failedTests : (report.numFailedTestSuites ?? 0);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(skipped > 0 ? `${passed} passed, ${failed} failed, ${skipped} skipped` : `${passed} passed, ${failed} failed`);
