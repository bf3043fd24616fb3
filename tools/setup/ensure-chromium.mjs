#!/usr/bin/env node
// Makes sure a system Chromium exists for the browser tests and tools (and, with --with-ffmpeg,
// ffmpeg for the webcam test). Installs Debian's packages with apt-get where that is possible;
// elsewhere says what to do. It never downloads a browser build of its own.
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

const withFfmpeg = process.argv.includes('--with-ffmpeg');

/** ffmpeg makes the fake camera's video for the webcam test; found on PATH. */
function hasFfmpeg() {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return false;
    throw error;
  }
}

/** Installs Debian packages with apt-get; false (with advice logged) where that cannot be done. */
function aptInstall(packages, advice) {
  if (!canUseApt()) {
    log(`apt-get is not available. ${advice}`);
    return false;
  }
  log(`installing Debian/Ubuntu package${packages.length > 1 ? 's' : ''} ${packages.map((p) => `\`${p}\``).join(', ')} with apt-get (one time)…`);
  try {
    asRoot(['apt-get', 'update', '-qq']);
    asRoot(['apt-get', 'install', '-y', '-qq', ...packages]);
    return true;
  } catch (error) {
    log(`apt-get failed: ${error instanceof Error ? error.message : String(error)}`);
    log(advice);
    return false;
  }
}

let failed = false;
const present = findChromium();
if (present) {
  if (!quiet) log(`using ${present}`);
} else if (aptInstall(['chromium'], 'Install Chromium (or Chrome) yourself and set CHROMIUM_PATH to its executable, e.g. CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium')) {
  const installed = findChromium();
  if (installed) log(`installed ${installed}`);
  else {
    log('apt-get finished but no Chromium executable was found; set CHROMIUM_PATH');
    failed = true;
  }
} else {
  failed = true;
}
if (withFfmpeg && !hasFfmpeg()) {
  if (!aptInstall(['ffmpeg'], 'Install ffmpeg yourself (the webcam test makes its fake camera video with it).') || !hasFfmpeg()) failed = true;
  else log('installed ffmpeg');
}
process.exit(failed && !optional ? 1 : 0);
