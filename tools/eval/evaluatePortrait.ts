// One portrait through every QUALITY.md probe: render on both engines, re-detect the WebGPU
// frame with the embedded model, and measure it against the neutral frame and the rig's targets.
import { Color3 } from '@babylonjs/core/Maths/math.color.js';
import type { Scene } from '@babylonjs/core/scene.js';
import { TalkingPortrait } from '../../plugin/babylon/TalkingPortrait';
import type { FaceTracker } from '../../plugin/capture/FaceTracker';
import { NoFaceError } from '../../plugin/core/errors';
import { FACE_LANDMARK_WITH_IRIS_COUNT, LIPS, SUBJECT_LEFT_EYE, SUBJECT_LEFT_IRIS, SUBJECT_RIGHT_EYE, SUBJECT_RIGHT_IRIS } from '../../plugin/core/landmarkIndices';
import { radToDeg } from '../../plugin/core/mathUtils';
import { CheckList, type Check } from './checks';
import {
  eyeAspectRatio, faceHeight, faceWidth, interOcular, irisShift, landmarkAgreement, mouthOpening, upAxis, type Points,
} from './faceMeasures';
import { headTurnBetween } from '../../plugin/capture/headTurn';
import { lipsOverOpeningLuma } from '../../plugin/capture/mouthContrast';
import { MeshTearingCheck } from './meshTearing';
import {
  convexHull, countHoles, grow, imageOnMatte, landmarkPolygon, polygonMask, psnr, type PixelMask, type Rgba,
} from './pixels';
import { LIMITS, PROBE_SIZE, PROBES, type Probe, type ProbeName } from './probes';
import { solveProbe, type SolverReport } from './solverProbe';
import { landmarkResiduals } from './landmarkResiduals';
import { movedBy, readFrame, see, toPixels, type Seen } from './probeFrames';
import { evaluateFewShot, type EvalShot, type FewShotReport } from './fewShot';

export interface EvalEnvironment {
  /** The primary engine's scene (WebGPU): its frames are re-detected. */
  primary: Scene;
  /** The fallback engine's scene (WebGL2): its frames must agree with the primary's. */
  secondary: Scene;
  tracker: FaceTracker;
  /** Also report each probe's per-landmark residuals (`ProbeReport.residuals`). */
  residuals?: boolean;
}

export interface ProbeReport {
  probe: ProbeName;
  held: boolean;
  checks: Check[];
  /** The closed loop: controls the landmark solver recovered from this frame against the neutral frame, and their errors. */
  solver?: SolverReport;
  /** With the residuals option: each landmark's re-detected place minus its agreement target, x then y, in face widths (landmarkResiduals). */
  residuals?: number[];
  /** When skin folds over: the folded triangles' corner vertices, three per triangle (MeshTearingCheck). */
  folded?: number[];
}

export interface PortraitReport {
  portrait: string;
  /** False when no face was found: reported, not a crash. */
  rigged: boolean;
  reason?: string;
  held: boolean;
  probesHeld: number;
  probesTotal: number;
  probes: ProbeReport[];
  /** With more shots of the character (a `NAME.shots/` folder beside it): the blink and jaw probes with and without them. */
  fewShot?: FewShotReport;
  seconds: number;
}


const MATTE = Color3.White();

export async function evaluatePortrait(
  name: string,
  image: HTMLImageElement,
  env: EvalEnvironment,
  onFrame?: (probe: ProbeName, frame: Rgba) => void,
  shots: readonly EvalShot[] = [],
): Promise<PortraitReport> {
  const started = performance.now();
  let primary: TalkingPortrait;
  try {
    primary = await TalkingPortrait.CreateAsync(env.primary, image, { size: PROBE_SIZE, matte: MATTE, tracker: env.tracker });
  } catch (error) {
    if (!(error instanceof NoFaceError)) throw error;
    return { portrait: name, rigged: false, reason: error.message, held: false, probesHeld: 0, probesTotal: PROBES.length, probes: [], seconds: elapsed(started) };
  }
  const secondary = await TalkingPortrait.CreateAsync(env.secondary, image, { size: PROBE_SIZE, matte: MATTE, rig: primary.rig.data });
  try {
    const reference = imageOnMatte(image, PROBE_SIZE, MATTE.toHexString());
    const rig = primary.rig;
    const rest = new Float32Array(rig.positionsLength);
    const posed = new Float32Array(rig.positionsLength);
    rig.deform(primary.controls, rest);
    const tearing = new MeshTearingCheck(rig.data);
    const restPx = toPixels(rest);
    const outsideHead = outside(grow(convexHull(landmarkPolygon(restPx, hullLoop())), LIMITS.headRegionGrowth));

    let neutral: { frame: Rgba; seen: Seen } | null = null;
    const probes: ProbeReport[] = [];
    for (const probe of PROBES) {
      for (const p of [primary, secondary]) {
        p.controls.reset();
        probe.apply(p.controls);
        p.renderNow();
      }
      rig.deform(primary.controls, posed);
      const frame = await readFrame(primary);
      const other = await readFrame(secondary);
      onFrame?.(probe.name, frame);
      const seen = await see(env.tracker, frame);
      if (probe.name === 'neutral') neutral = { frame, seen };
      const checks = new CheckList();
      let residuals: number[] | undefined;
      checks.atLeast('detected', seen.points ? 1 : 0, 1);
      if (seen.points && neutral?.seen.points && neutral.seen.transform && seen.transform) {
        probeFigures(probe, checks, { frame, reference, seen: seen.points, transform: seen.transform, neutral: neutral.seen.points, neutralTransform: neutral.seen.transform });
        const n = neutral.seen.points;
        // The rig's motion, applied where the detector saw the neutral face: the detector's own
        // bias on a portrait cancels out, as with head angles (the neutral probe is absolute).
        const target = probe.name === 'neutral' ? restPx : movedBy(n, restPx, toPixels(posed));
        const agreement = landmarkAgreement(seen.points, target, FACE_LANDMARK_WITH_IRIS_COUNT, faceWidth(n), interOcular(n));
        checks.atMost('agreementFace', agreement.face, LIMITS.agreementMax).atMost('agreementEyes', agreement.eyes, LIMITS.agreementMax);
        if (env.residuals) residuals = landmarkResiduals(seen.points, target, FACE_LANDMARK_WITH_IRIS_COUNT, faceWidth(n));
      }
      checks.atMost('holes', countHoles(frame), 0);
      const torn = tearing.measure(rest, posed);
      checks.atMost('foldOvers', torn.foldOvers, 0).atMost('overStretched', torn.overStretched, 0);
      if (!probe.turn) checks.atLeast('worldPsnrDb', psnr(frame, reference, outsideHead), LIMITS.worldStaysMinPsnrDb);
      checks.atLeast('enginesPsnrDb', psnr(frame, other), LIMITS.enginesAgreeMinPsnrDb);
      const solver = seen.detection && neutral?.seen.detection ? solveProbe(probe, neutral.seen.detection, seen.detection) : undefined;
      const folded = torn.folded.length > 0 ? torn.folded : undefined;
      probes.push({ probe: probe.name, held: checks.held, checks: checks.checks, solver, residuals, folded });
    }
    const probesHeld = probes.filter((p) => p.held).length;
    const fewShot = shots.length > 0 && neutral?.seen.points
      ? await evaluateFewShot({ portrait: primary, tracker: env.tracker, neutral: neutral.seen.points, restPx }, shots)
      : undefined;
    return { portrait: name, rigged: true, held: probesHeld === probes.length, probesHeld, probesTotal: probes.length, probes, fewShot, seconds: elapsed(started) };
  } finally {
    primary.dispose();
    secondary.dispose();
  }
}

interface ProbeInput {
  frame: Rgba;
  reference: Rgba;
  seen: Points;
  transform: Float32Array;
  neutral: Points;
  neutralTransform: Float32Array;
}

function probeFigures(probe: Probe, checks: CheckList, x: ProbeInput): void {
  const earRatio = (eye: typeof SUBJECT_LEFT_EYE) => eyeAspectRatio(x.seen, eye) / eyeAspectRatio(x.neutral, eye);
  switch (probe.name) {
    case 'neutral':
      checks.atLeast('psnrDb', psnr(x.frame, x.reference), LIMITS.neutralMinPsnrDb);
      break;
    case 'blink':
      checks.atMost('eyeRatioLeft', earRatio(SUBJECT_LEFT_EYE), LIMITS.closedEyeMaxRatio);
      checks.atMost('eyeRatioRight', earRatio(SUBJECT_RIGHT_EYE), LIMITS.closedEyeMaxRatio);
      break;
    case 'wink':
      checks.atMost('eyeRatioLeft', earRatio(SUBJECT_LEFT_EYE), LIMITS.closedEyeMaxRatio);
      checks.atLeast('eyeRatioRight', earRatio(SUBJECT_RIGHT_EYE), LIMITS.openEyeMinRatio);
      break;
    case 'jaw': {
      checks.atLeast('mouthOpening', mouthOpening(x.seen), LIMITS.jawMinOpening);
      checks.atLeast('lipsOverOpeningLuma', lipsOverOpeningLuma(x.frame, x.seen), Number.EPSILON);
      break;
    }
    case 'smile': {
      const [ux, uy] = upAxis(x.neutral);
      const unit = faceHeight(x.neutral);
      const rise = (i: number) => ((x.seen[i * 3] - x.neutral[i * 3]) * ux + (x.seen[i * 3 + 1] - x.neutral[i * 3 + 1]) * uy) / unit;
      checks.atLeast('cornerRiseLeft', rise(LIPS.outer.subjectLeftCorner), LIMITS.smileMinRiseFaceHeights);
      checks.atLeast('cornerRiseRight', rise(LIPS.outer.subjectRightCorner), LIMITS.smileMinRiseFaceHeights);
      break;
    }
    case 'gaze': {
      // The probe looks to the subject's left, the way irisShift counts positive.
      checks.atLeast('irisShiftLeft', irisShift(x.neutral, x.seen, SUBJECT_LEFT_IRIS, SUBJECT_LEFT_EYE), LIMITS.gazeMinShiftEyeWidths);
      checks.atLeast('irisShiftRight', irisShift(x.neutral, x.seen, SUBJECT_RIGHT_IRIS, SUBJECT_RIGHT_EYE), LIMITS.gazeMinShiftEyeWidths);
      break;
    }
    default: {
      const turn = probe.turn!;
      const change = headTurnBetween(x.neutralTransform, x.transform);
      const axes = [
        { axis: 'yaw', got: radToDeg(change.yaw), want: turn.yaw, tol: LIMITS.yawTolDeg },
        { axis: 'pitch', got: radToDeg(change.pitch), want: turn.pitch, tol: LIMITS.pitchTolDeg },
        { axis: 'roll', got: radToDeg(change.roll), want: turn.roll, tol: LIMITS.rollTolDeg },
      ];
      for (const a of axes) {
        const commanded = a.want !== 0;
        checks.info(`${a.axis}Deg`, a.got);
        checks.atMost(`${a.axis}ErrorDeg`, Math.abs(a.got - a.want), commanded ? a.tol : LIMITS.crossTalkTolDeg);
      }
      // Not a QUALITY.md check: how far the detector reads the still mouth opened by the turn alone
      // (its own read at neutral subtracted), which parallax and the turn correctives can part.
      checks.info('mouthOpenedByTurn', mouthOpening(x.seen) - mouthOpening(x.neutral));
    }
  }
}

/** Every landmark: the hull of all of them is the face's region. */
function hullLoop(): number[] {
  return Array.from({ length: FACE_LANDMARK_WITH_IRIS_COUNT }, (_, i) => i);
}

function outside(polygon: [number, number][]): PixelMask {
  const inside = polygonMask(polygon);
  return (x, y) => !inside(x, y);
}

const elapsed = (started: number) => Math.round((performance.now() - started) / 100) / 10;
