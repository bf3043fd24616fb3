// The short table `npm run eval` ends with: one row per portrait, one column per probe.

/** @param {{ summary: any, portraits: any[] }} document */
export function printTable(document) {
  const probes = document.portraits.find((p) => p.rigged)?.probes.map((p) => p.probe) ?? [];
  const nameWidth = Math.max(8, ...document.portraits.map((p) => p.portrait.length));
  const header = ['portrait'.padEnd(nameWidth), ...probes.map((p) => p.padStart(Math.max(4, p.length))), 'held'].join(' ');
  console.log(header);
  for (const portrait of document.portraits) {
    if (!portrait.rigged) {
      console.log(`${portrait.portrait.padEnd(nameWidth)} no face found`);
      continue;
    }
    const cells = probes.map((name) => {
      const probe = portrait.probes.find((p) => p.probe === name);
      const failed = probe.checks.filter((c) => !c.held).map((c) => c.figure);
      return (probe.held ? 'ok' : `x${failed.length}`).padStart(Math.max(4, name.length));
    });
    console.log([portrait.portrait.padEnd(nameWidth), ...cells, `${portrait.probesHeld}/${portrait.probesTotal}`].join(' '));
  }
  const s = document.summary;
  console.log(
    `rigged ${s.rigged}/${s.portraits} · probes held ${s.probesHeld}/${s.probesTotal} (${(s.probesHeldShare * 100).toFixed(1)} %) · ` +
      `portraits holding every probe ${s.portraitsHoldingEvery}/${s.rigged} (${(s.portraitsHoldingEveryShare * 100).toFixed(1)} %)`,
  );
  for (const portrait of document.portraits) {
    for (const p of portrait.fewShot?.probes ?? []) {
      const pct = (v) => (v === null ? 'no face found' : `${(v * 100).toFixed(2)} %`);
      const f = (x) => `agreement ${pct(x.agreementFace)} (eyes ${pct(x.agreementEyes)}), region ${x.regionDistance.toFixed(3)}`;
      console.log(`few-shot ${portrait.portrait} ${p.probe} (${p.shot}): one shot ${f(p.oneShot)} · with shots ${f(p.fewShot)} · ${p.held ? 'held' : 'not held'}`);
    }
  }
  if (s.fewShot?.portraits) console.log(`few-shot: ${s.fewShot.probesHeld}/${s.fewShot.probesTotal} probes read closer to the shots with them (${s.fewShot.portraits} portraits)`);
  if (s.solver) {
    const figures = Object.entries(s.solver.commanded).map(([control, f]) => `${control} ${f.median}/${f.max}`);
    console.log(`solver error, median/max on the probes that command it (weights 0..1, angles in degrees): ${figures.join(' · ')}`);
  }
}
