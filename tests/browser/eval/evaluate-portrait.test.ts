// The evaluator behind `npm run eval`, on a few fixtures: its figures are what the issue's
// "Done when" is judged by, so the whole-frame checks it makes are asserted here on both
// engines, and a portrait without a face is reported, not thrown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scene } from '@babylonjs/core/scene';
import { FaceTracker } from '../../../plugin/capture/FaceTracker';
import { evaluatePortrait, type EvalEnvironment, type PortraitReport } from '../../../tools/eval/evaluatePortrait';
import { LIMITS, PROBES } from '../../../tools/eval/probes';
import { summarize } from '../../../tools/eval/summarize';
import { loadImage } from '../../../tools/pages/loadImage';
import { createEngine } from '../../support/engines';

const PORTRAITS = ['flare-female01.png', 'flare-male03.png', 'astronaut.png'];
const NO_FACE = 'chelsea-cat.png';
/**
 * Fixtures whose winking eye the detector reads as shut by QUALITY.md's ratio: a shut eye's lash
 * line must be drawn thick enough to read as one (render/lashLineStyle LASH_BAND; flare-female01
 * read 0.53 with a hairline).
 */
const WINK_SHUTS = new Set(['flare-female01.png', 'astronaut.png']);
/** Probes whose frames must leave the world outside the head as it was. */
const TURNS = new Set(PROBES.filter((p) => p.turn).map((p) => p.name));

describe('evaluatePortrait', () => {
  let env: EvalEnvironment;
  const reports: PortraitReport[] = [];
  beforeAll(async () => {
    env = { primary: new Scene(await createEngine('webgpu')), secondary: new Scene(await createEngine('webgl2')), tracker: await FaceTracker.CreateAsync() };
  });
  afterAll(() => {
    for (const scene of [env?.primary, env?.secondary]) {
      const engine = scene?.getEngine();
      scene?.dispose();
      engine?.dispose();
    }
    env?.tracker.dispose();
  });

  it.each(PORTRAITS)('%s: every probe re-detected, no holes, the engines agree, the world outside the head stays put', async (name) => {
    const report = await evaluatePortrait(name, await loadImage(`/tests/fixtures/portraits/${name}`), env);
    reports.push(report);
    expect(report.rigged).toBe(true);
    expect(report.probes.map((p) => p.probe)).toEqual(PROBES.map((p) => p.name));
    const figure = (probe: string, name: string) => report.probes.find((p) => p.probe === probe)!.checks.find((c) => c.figure === name)?.value;
    for (const probe of report.probes) {
      expect(figure(probe.probe, 'detected'), probe.probe).toBe(1);
      expect(figure(probe.probe, 'holes'), probe.probe).toBe(0);
      expect(figure(probe.probe, 'enginesPsnrDb'), probe.probe).toBeGreaterThanOrEqual(LIMITS.enginesAgreeMinPsnrDb);
      if (!TURNS.has(probe.probe)) expect(figure(probe.probe, 'worldPsnrDb'), probe.probe).toBeGreaterThanOrEqual(LIMITS.worldStaysMinPsnrDb);
    }
    expect(figure('neutral', 'psnrDb')).toBeGreaterThanOrEqual(LIMITS.neutralMinPsnrDb);
    // Expressions open what they should: the mouth, and a closed eye reads more closed than open.
    expect(figure('jaw', 'mouthOpening')).toBeGreaterThanOrEqual(LIMITS.jawMinOpening);
    expect(figure('jaw', 'lipsOverOpeningLuma')).toBeGreaterThan(0);
    expect(figure('wink', 'eyeRatioLeft')!).toBeLessThan(figure('wink', 'eyeRatioRight')!);
    if (WINK_SHUTS.has(name)) expect(figure('wink', 'eyeRatioLeft')).toBeLessThanOrEqual(LIMITS.closedEyeMaxRatio);
    // A calibrated turn reads within the probe's tolerance about its own axis.
    for (const [probe, axis, tolerance] of [['yaw+20', 'yaw', LIMITS.yawTolDeg], ['yaw-20', 'yaw', LIMITS.yawTolDeg], ['roll+20', 'roll', LIMITS.rollTolDeg], ['roll-20', 'roll', LIMITS.rollTolDeg]] as const) {
      expect(figure(probe, `${axis}ErrorDeg`), probe).toBeLessThanOrEqual(tolerance);
    }
  });

  it('reports a portrait without a face as such, and counts it in the summary', async () => {
    const report = await evaluatePortrait(NO_FACE, await loadImage(`/tests/fixtures/portraits/${NO_FACE}`), env);
    expect(report.rigged).toBe(false);
    expect(report.reason).toMatch(/face/i);
    const summary = summarize([...reports, report]);
    expect(summary.portraits).toBe(reports.length + 1);
    expect(summary.rigged).toBe(reports.length);
    expect(summary.probesTotal).toBe(reports.length * PROBES.length);
    expect(summary.medians.neutral.psnrDb).toBeGreaterThanOrEqual(LIMITS.neutralMinPsnrDb);
  });
});
