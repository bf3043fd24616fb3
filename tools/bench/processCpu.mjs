// CPU time consumed by a process and all its descendants, read from Linux's /proc (utime + stime of every thread).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc's times (`getconf CLK_TCK`, 100 on Linux). */
const CLOCK_TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const MS_PER_S = 1000;
/** /proc/<pid>/stat fields after the command name: state is field 3, ppid 4, utime 14, stime 15 (1-based). */
const PPID_AFTER_COMM = 1;
const UTIME_AFTER_COMM = 11;
const STIME_AFTER_COMM = 12;

/** pid → { ppid, ticks, comm } for every process readable now. */
function snapshot() {
  const table = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch (error) {
      if (error.code === 'ENOENT' || error.code === 'ESRCH') continue; // exited while we looked
      throw error;
    }
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    table.set(Number(entry), {
      ppid: Number(fields[PPID_AFTER_COMM]),
      ticks: Number(fields[UTIME_AFTER_COMM]) + Number(fields[STIME_AFTER_COMM]),
      comm,
    });
  }
  return table;
}

/** The pids of `root` and all its descendants in `table`. */
function tree(table, root) {
  const pids = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, info] of table) {
      if (!pids.has(pid) && pids.has(info.ppid)) {
        pids.add(pid);
        grew = true;
      }
    }
  }
  return pids;
}

/** Direct children of this Node process whose name says Chromium: the browser process Playwright started. */
export function findBrowserPid() {
  const table = snapshot();
  const candidates = [...table].filter(([, info]) => info.ppid === process.pid && /chrom/i.test(info.comm)).map(([pid]) => pid);
  if (candidates.length !== 1) throw new Error(`expected one Chromium process started by this tool, found ${candidates.length}: ${candidates.join(', ')}`);
  return candidates[0];
}

/** CPU milliseconds used so far by `root` and its descendants, and how many processes that is. */
export function treeCpuMs(root) {
  const table = snapshot();
  let ticks = 0;
  const pids = tree(table, root);
  for (const pid of pids) ticks += table.get(pid)?.ticks ?? 0;
  return { ms: (ticks * MS_PER_S) / CLOCK_TICKS_PER_S, processes: pids.size };
}
