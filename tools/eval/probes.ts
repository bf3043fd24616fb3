// QUALITY.md's probes: the controls each one sets, and the limits its figures must hold.
import type { FaceControls } from '../../plugin/core/FaceControls';
import { degToRad } from '../../plugin/core/mathUtils';

/** The size every probe frame is rendered and re-detected at. */
export const PROBE_SIZE = 512;

export const LIMITS = {
  neutralMinPsnrDb: 35,
  /** Eye aspect ratio of a closed eye over its neutral value (QUALITY.md aims at 0.35). */
  closedEyeMaxRatio: 0.5,
  openEyeMinRatio: 0.8,
  jawMinOpening: 0.3,
  smileMinRiseFaceHeights: 0.03,
  gazeMinShiftEyeWidths: 0.2,
  yawTolDeg: 5,
  pitchTolDeg: 5,
  rollTolDeg: 2,
  /** A turn about one axis may drag the other two this far at most. */
  crossTalkTolDeg: 3,
  agreementMax: 0.015,
  worldStaysMinPsnrDb: 40,
  /** The head region is the face hull grown by this share. */
  headRegionGrowth: 0.4,
  enginesAgreeMinPsnrDb: 40,
} as const;

export type ProbeName = 'neutral' | 'blink' | 'wink' | 'jaw' | 'smile' | 'gaze' | 'yaw+20' | 'yaw-20' | 'pitch+15' | 'pitch-15' | 'roll+20' | 'roll-20';

export interface Probe {
  readonly name: ProbeName;
  readonly apply: (controls: FaceControls) => void;
  /** Head turns: the commanded angles in degrees; the world outside the head may move. */
  readonly turn?: { readonly yaw: number; readonly pitch: number; readonly roll: number };
}

const turn = (name: ProbeName, yaw: number, pitch: number, roll: number): Probe => ({
  name,
  turn: { yaw, pitch, roll },
  apply: (c) => c.setHead(degToRad(yaw), degToRad(pitch), degToRad(roll)),
});

export const PROBES: readonly Probe[] = [
  { name: 'neutral', apply: () => undefined },
  { name: 'blink', apply: (c) => c.set('eyeBlinkLeft', 1).set('eyeBlinkRight', 1) },
  { name: 'wink', apply: (c) => c.set('eyeBlinkLeft', 1) },
  { name: 'jaw', apply: (c) => c.set('jawOpen', 1) },
  { name: 'smile', apply: (c) => c.set('mouthSmileLeft', 1).set('mouthSmileRight', 1) },
  // A gaze to the subject's left: the left eye looks out, the right eye looks in.
  { name: 'gaze', apply: (c) => c.set('eyeLookOutLeft', 1).set('eyeLookInRight', 1) },
  turn('yaw+20', 20, 0, 0),
  turn('yaw-20', -20, 0, 0),
  turn('pitch+15', 0, 15, 0),
  turn('pitch-15', 0, -15, 0),
  turn('roll+20', 0, 0, 20),
  turn('roll-20', 0, 0, -20),
];
