// The page behind `npm run eval`: both engines, the tracker and the contact sheet live here
// for the whole run; the command line hands it one portrait at a time.
import { Scene } from '@babylonjs/core/scene.js';
import { FaceTracker } from '../../plugin/capture/FaceTracker';
import { createEngine } from '../../tests/support/engines';
import { ContactSheet } from '../eval/contactSheet';
import { evaluatePortrait, type EvalEnvironment, type PortraitReport } from '../eval/evaluatePortrait';
import { summarize } from '../eval/summarize';
import { loadImage } from './loadImage';

const primaryEngine = await createEngine('webgpu');
const secondaryEngine = await createEngine('webgl2');
const env: EvalEnvironment = {
  primary: new Scene(primaryEngine),
  secondary: new Scene(secondaryEngine),
  tracker: await FaceTracker.CreateAsync(),
};
const sheet = new ContactSheet();
const reports: PortraitReport[] = [];

async function evaluate(url: string, name: string): Promise<PortraitReport> {
  const image = await loadImage(url);
  sheet.startRow(name);
  const report = await evaluatePortrait(name, image, env, (probe, frame) => sheet.add(probe, frame));
  for (const probe of report.probes) sheet.mark(probe.probe, probe.held);
  reports.push(report);
  return report;
}

function finish() {
  return { summary: summarize(reports), contactSheetPng: sheet.toPngBase64() };
}

Object.assign(window, { evaluate, finish, toolReady: true });
