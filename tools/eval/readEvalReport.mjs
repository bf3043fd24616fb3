// Reads an `npm run eval` report for the commands that read reports; a file that cannot be read
// or is not a report ends the command with status 2 and says which, after `usage`.
import { readFile } from 'node:fs/promises';

/** @param {string} file @param {string} usage */
export async function readEvalReport(file, usage) {
  let report;
  try {
    report = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    console.error(`cannot read the eval report ${file}: ${error.message}\n${usage}`);
    process.exit(2);
  }
  if (!Array.isArray(report?.portraits)) {
    console.error(`${file} is not an eval report (no "portraits" list)\n${usage}`);
    process.exit(2);
  }
  return report;
}
