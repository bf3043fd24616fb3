#!/usr/bin/env node
// Makes sure a system Chromium exists for the browser tests and tools. Installs Debian's
// `chromium` with apt-get where that is possible; elsewhere says what to do. It never
// downloads a browser build of its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from '../browser/chromium.mjs';

const optional = process.argv.includes('--optional');
const quiet = process.argv.includes('--quiet-if-present');

function log(message) {
  process.stderr.write(`[ensure-chromium] ${message}\n`);
}

function canUseApt() {
  return process.platform === 'linux' && existsSync('/usr/bin/apt-get');
}

function asRoot(args) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const command = isRoot ? args[0] : 'sudo';
  const rest = isRoot ? args.slice(1) : args;
  execFileSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

const present = findChromium();
if (present) {
  if (!quiet) log(`using ${present}`);
  process.exit(0);
}
if (!canUseApt()) {
  const message =
    'No Chromium found and apt-get is not available. Install Chromium (or Chrome) yourself and set ' +
    'CHROMIUM_PATH to its executable, e.g. CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium';
  log(message);
  process.exit(optional ? 0 : 1);
}
log('installing Debian/Ubuntu package `chromium` with apt-get (one time)…');
try {
  asRoot(['apt-get', 'update', '-qq']);
  asRoot(['apt-get', 'install', '-y', '-qq', 'chromium']);
} catch (error) {
  log(`apt-get failed: ${error instanceof Error ? error.message : String(error)}`);
  log('install Chromium yourself and set CHROMIUM_PATH to its executable');
  process.exit(optional ? 0 : 1);
}
const installed = findChromium();
if (!installed) {
  log('apt-get finished but no Chromium executable was found; set CHROMIUM_PATH');
  process.exit(optional ? 0 : 1);
}
log(`installed ${installed}`);
