// Two `npm run eval` reports side by side: which probes flipped and why, and how the closed
// loop's commanded controls held. What a change did to the figures, in one read.
import { COMMANDED_ANGLE_TOLERANCE_DEG, COMMANDED_WEIGHT_TOLERANCE } from './closedLoopTolerances.mjs';

/** The controls each probe commands, grouped as issue 4's closed loop names them. */
const CLOSED_LOOP = {
  blink: { blink: ['eyeBlinkLeft', 'eyeBlinkRight'], wink: ['eyeBlinkLeft'] },
  jaw: { jaw: ['jawOpen'] },
  smile: { smile: ['mouthSmileLeft', 'mouthSmileRight'] },
  yaw: { 'yaw+20': ['yaw'], 'yaw-20': ['yaw'] },
  pitch: { 'pitch+15': ['pitch'], 'pitch-15': ['pitch'] },
  roll: { 'roll+20': ['roll'], 'roll-20': ['roll'] },
};
const ANGLES = new Set(['yaw', 'pitch', 'roll']);

/**
 * @typedef {{ figure: string, value: number, held: boolean }} Check
 * @typedef {{ probe: string, held: boolean, checks: Check[], solver?: { error: Record<string, number>, recovered: Record<string, number> }, folded?: number[] }} ProbeReport
 * @typedef {{ portrait: string, rigged: boolean, probes: ProbeReport[] }} PortraitReport
 * @typedef {{ portraits: PortraitReport[] }} EvalReport
 */

/** @param {EvalReport} report */
function heldPerProbe(report) {
  /** @type {Record<string, number>} */
  const held = {};
  let total = 0;
  for (const portrait of report.portraits) {
    for (const probe of portrait.probes ?? []) {
      held[probe.probe] = (held[probe.probe] ?? 0) + (probe.held ? 1 : 0);
      if (probe.held) total++;
    }
  }
  return { held, total };
}

/** @param {EvalReport} report */
function closedLoop(report) {
  /** @type {Record<string, { held: number, total: number, misses: string[] }>} */
  const out = {};
  for (const [group, probes] of Object.entries(CLOSED_LOOP)) {
    const row = (out[group] = { held: 0, total: 0, misses: [] });
    for (const portrait of report.portraits) {
      for (const probe of portrait.probes ?? []) {
        for (const control of probes[probe.probe] ?? []) {
          const error = probe.solver?.error[control];
          // A frame the detector found no face in is not a reading; it is listed, not counted.
          if (error === undefined) {
            row.misses.push(`${portrait.portrait} ${probe.probe} ${control}: no face`);
            continue;
          }
          row.total++;
          const tolerance = ANGLES.has(control) ? COMMANDED_ANGLE_TOLERANCE_DEG : COMMANDED_WEIGHT_TOLERANCE;
          if (error <= tolerance) row.held++;
          else row.misses.push(`${portrait.portrait} ${probe.probe} ${control}: read ${probe.solver?.recovered[control]}`);
        }
      }
    }
  }
  return out;
}

/** @param {ProbeReport} probe */
const failing = (probe) => probe.checks.filter((c) => !c.held).map((c) => `${c.figure} ${c.value}${c.figure === 'foldOvers' && probe.folded ? ` (${foldedTriangles(probe.folded)})` : ''}`);

/** Folded triangles as their corner vertices, `a-b-c` each: the rig's vertex indices, landmarks below 478. */
const foldedTriangles = (/** @type {number[]} */ corners) => {
  const names = [];
  for (let k = 0; k + 2 < corners.length; k += 3) names.push(`${corners[k]}-${corners[k + 1]}-${corners[k + 2]}`);
  return names.join(' ');
};

/**
 * @param {EvalReport} before
 * @param {EvalReport} after
 */
export function compareReports(before, after) {
  /** @type {Map<string, ProbeReport>} */
  const earlier = new Map();
  for (const portrait of before.portraits) for (const probe of portrait.probes ?? []) earlier.set(`${portrait.portrait} ${probe.probe}`, probe);
  /** @type {{ portrait: string, probe: string, held: boolean, before: string[], after: string[] }[]} */
  const flipped = [];
  for (const portrait of after.portraits) {
    for (const probe of portrait.probes ?? []) {
      const was = earlier.get(`${portrait.portrait} ${probe.probe}`);
      if (was && was.held !== probe.held) flipped.push({ portrait: portrait.portrait, probe: probe.probe, held: probe.held, before: failing(was), after: failing(probe) });
    }
  }
  return {
    probes: { before: heldPerProbe(before), after: heldPerProbe(after) },
    flipped,
    closedLoop: { before: closedLoop(before), after: closedLoop(after) },
  };
}

/** @param {ReturnType<typeof compareReports>} c */
export function printComparison(c, log = console.log) {
  log(`probes held: ${c.probes.before.total} -> ${c.probes.after.total}`);
  const names = Object.keys(c.probes.after.held);
  log(names.map((n) => `${n} ${c.probes.before.held[n] ?? 0}->${c.probes.after.held[n]}`).join(' · '));
  for (const f of c.flipped) {
    log(`${f.held ? 'now holds' : 'now fails'}: ${f.portrait} ${f.probe} (failing before: ${f.before.join(', ') || 'none'}; after: ${f.after.join(', ') || 'none'})`);
  }
  log(`closed loop (weights within ${COMMANDED_WEIGHT_TOLERANCE}, angles within ${COMMANDED_ANGLE_TOLERANCE_DEG}°):`);
  for (const [group, row] of Object.entries(c.closedLoop.after)) {
    const was = c.closedLoop.before[group];
    log(`  ${group} ${was.held}/${was.total} -> ${row.held}/${row.total}${row.misses.length ? `; misses: ${row.misses.join('; ')}` : ''}`);
  }
}
