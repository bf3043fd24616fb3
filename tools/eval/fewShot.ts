// QUALITY.md's few-shot check: with more shots of the character, the blink and jaw probes must
// read closer to them than with the portrait alone, both to the detector and in pixels.
import type { TalkingPortrait } from '../../plugin/babylon/TalkingPortrait';
import type { PortraitShotInfo } from '../../plugin/babylon/portraitShots';
import type { FaceTracker } from '../../plugin/capture/FaceTracker';
import { FACE_LANDMARK_WITH_IRIS_COUNT, SUBJECT_LEFT_EYE, SUBJECT_RIGHT_EYE } from '../../plugin/core/landmarkIndices';
import type { ShotContent } from '../../plugin/rig/shots/PortraitShot';
import { faceWidth, interOcular, landmarkAgreement, type Points } from './faceMeasures';
import type { Rgba } from './pixels';
import { movedBy, readFrame, see, toPixels } from './probeFrames';
import { PROBES } from './probes';
import { eyeRegion, mouthRegion, regionDistance, type Region } from './regionPatch';

/** A shot to add: its pixels, its name (its file) and what its name says it shows. */
export interface EvalShot {
  name: string;
  image: Rgba;
  content: ShotContent;
}

/** One probe's figures with the portrait alone and with the shots. */
export interface FewShotFigures {
  /** Mean landmark distance to the rig's targets, share of face width (lower is better); null when no face was found in the frame. */
  agreementFace: number | null;
  /** The same over the eye landmarks, share of the inter-ocular distance (QUALITY.md's second agreement figure). */
  agreementEyes: number | null;
  /** The region's look against the shot's (mean absolute RGB difference 0..1, lower is better). */
  regionDistance: number;
}

export interface FewShotProbeReport {
  probe: 'blink' | 'jaw';
  /** The shot this probe draws from, and whose region it is compared with. */
  shot: string;
  oneShot: FewShotFigures;
  fewShot: FewShotFigures;
  /** Every figure better with the shots than without: both agreements no worse (a face found beats none), the region closer. */
  held: boolean;
}

export interface FewShotReport {
  /** Each shot: whether a face was found in it, and what the portrait took from it. */
  shots: { shot: string; found: boolean; info: PortraitShotInfo | null }[];
  probes: FewShotProbeReport[];
}

interface Context {
  portrait: TalkingPortrait;
  tracker: FaceTracker;
  /** Neutral frame's re-detected landmarks and the rig's rest in frame pixels: the agreement's reference. */
  neutral: Points;
  restPx: Float32Array;
}

/** What the file name says a shot shows: "eyes-closed…", "mouth-open…", both, or neither (then it is measured). */
export function shotContentFromName(name: string): ShotContent {
  // The file's own name: a folder on the way to it says nothing about the shot.
  const lower = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).toLowerCase();
  return { eyesClosed: lower.includes('eyes-closed') || undefined, mouthOpen: lower.includes('mouth-open') || undefined };
}

async function measure(ctx: Context, probe: 'blink' | 'jaw', shot: { image: Rgba; points: Points }): Promise<FewShotFigures> {
  const p = ctx.portrait;
  p.controls.reset();
  PROBES.find((x) => x.name === probe)!.apply(p.controls);
  p.renderNow();
  const posed = new Float32Array(p.rig.positionsLength);
  p.rig.deform(p.controls, posed);
  const frame = await readFrame(p);
  const seen = await see(ctx.tracker, frame);
  const target = movedBy(ctx.neutral, ctx.restPx, toPixels(posed));
  const agreement = seen.points ? landmarkAgreement(seen.points, target, FACE_LANDMARK_WITH_IRIS_COUNT, faceWidth(ctx.neutral), interOcular(ctx.neutral)) : null;
  // Regions where the rig put the features, so a detector's misreading does not move the patch.
  const regions = (points: Points): Region[] => (probe === 'blink' ? [eyeRegion(points, SUBJECT_LEFT_EYE), eyeRegion(points, SUBJECT_RIGHT_EYE)] : [mouthRegion(points)]);
  const mine = regions(target), theirs = regions(shot.points);
  const distance = mine.reduce((sum, r, i) => sum + regionDistance(frame, r, shot.image, theirs[i]), 0) / mine.length;
  return { agreementFace: agreement?.face ?? null, agreementEyes: agreement?.eyes ?? null, regionDistance: distance };
}

/**
 * Measures the blink and jaw probes with the portrait alone, adds `shots`, and measures again.
 * Leaves the shots on the portrait.
 */
export async function evaluateFewShot(ctx: Context, shots: readonly EvalShot[]): Promise<FewShotReport> {
  const seenShots = [];
  for (const shot of shots) {
    const seen = await see(ctx.tracker, shot.image);
    seenShots.push({ ...shot, points: seen.points });
  }
  const usable = seenShots.filter((s): s is typeof s & { points: Float32Array } => s.points !== null);
  const before = new Map<string, FewShotFigures>();
  const infos: FewShotReport['shots'] = [];
  const served = new Map<'blink' | 'jaw', (typeof usable)[number]>();
  for (const shot of usable) {
    for (const probe of ['blink', 'jaw'] as const) before.set(`${probe}/${shot.name}`, await measure(ctx, probe, shot));
  }
  for (const shot of usable) {
    const canvas = document.createElement('canvas');
    canvas.width = shot.image.width;
    canvas.height = shot.image.height;
    canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(shot.image.data), shot.image.width, shot.image.height), 0, 0);
    const info = await ctx.portrait.addShotAsync(canvas, shot.content);
    infos.push({ shot: shot.name, found: true, info });
    if (info.usedFor.includes('eyes')) served.set('blink', shot);
    if (info.usedFor.includes('mouth')) served.set('jaw', shot);
  }
  const probes: FewShotProbeReport[] = [];
  for (const [probe, shot] of served) {
    const oneShot = before.get(`${probe}/${shot.name}`)!;
    const fewShot = await measure(ctx, probe, shot);
    // A face found beats none; otherwise both agreement figures (face, eyes) must be no worse.
    const notWorse = (few: number | null, one: number | null) => few !== null && (one === null || few <= one);
    const seenBetter = notWorse(fewShot.agreementFace, oneShot.agreementFace) && notWorse(fewShot.agreementEyes, oneShot.agreementEyes);
    const held = seenBetter && fewShot.regionDistance < oneShot.regionDistance;
    probes.push({ probe, shot: shot.name, oneShot, fewShot, held });
  }
  for (const shot of seenShots) if (!shot.points) infos.push({ shot: shot.name, found: false, info: null });
  return { shots: infos, probes };
}
