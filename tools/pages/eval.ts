// The page behind `npm run eval`: both engines, the tracker and the contact sheet live here
// for the whole run; the command line hands it one portrait at a time.
import { Scene } from '@babylonjs/core/scene.js';
import { FaceTracker } from '../../plugin/capture/FaceTracker';
import { createEngine } from '../../tests/support/engines';
import { ContactSheet } from '../eval/contactSheet';
import { evaluatePortrait, type EvalEnvironment, type PortraitReport } from '../eval/evaluatePortrait';
import { EYE_POINTS } from '../eval/faceMeasures';
import { shotContentFromName, type EvalShot } from '../eval/fewShot';
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

/** A shot's pixels, decoded on the page. */
async function loadShot(url: string, name: string): Promise<EvalShot> {
  const image = await loadImage(url);
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, canvas.width, canvas.height);
  return { name, image: { width: data.width, height: data.height, data: data.data }, content: shotContentFromName(name) };
}

async function evaluate(url: string, name: string, shots: { url: string; name: string }[] = [], residuals = false): Promise<PortraitReport> {
  env.residuals = residuals;
  const image = await loadImage(url);
  const shotImages = await Promise.all(shots.map((s) => loadShot(s.url, s.name)));
  sheet.startRow(name);
  const report = await evaluatePortrait(name, image, env, (probe, frame) => sheet.add(probe, frame), shotImages);
  for (const probe of report.probes) sheet.mark(probe.probe, probe.held);
  reports.push(report);
  return report;
}

function finish() {
  return { summary: summarize(reports), contactSheetPng: sheet.toPngBase64(), eyePoints: [...EYE_POINTS] };
}

Object.assign(window, { evaluate, finish, toolReady: true });
