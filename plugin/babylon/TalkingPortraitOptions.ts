// What TalkingPortrait.CreateAsync takes: sizes, budget hints, a baked rig, the generator and more shots.
import type { Color3 } from '@babylonjs/core/Maths/math.color.js';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh.js';
import type { PriorityHint } from '../budget/priority';
import type { FaceTracker } from '../capture/FaceTracker';
import type { PortraitRigData } from '../rig/PortraitRigData';
import type { ShotContent } from '../rig/shots/PortraitShot';
import type { PortraitGeneratorKind } from '../render/PortraitGenerator';
import type { PortraitImageSource } from './portraitImage';

export interface TalkingPortraitOptions {
  /** Name of the texture, for the inspector. Default 'talkingPortrait'. */
  name?: string;
  /** Width and height of the output texture in pixels at the best level, 128..1024; the budget may draw it smaller (1024, 512, 256, 128). Default 512. */
  size?: number;
  /** Best update rate, like ProceduralTexture.refreshRate: every Nth frame, a power of two up to 64. Default 1. */
  refreshRate?: number;
  /** The game's word on its importance: 'high' | 'normal' | 'low' or a positive weight. Default 'normal'. */
  priority?: PriorityHint;
  /** A mesh showing the portrait: its on-screen size and visibility set the portrait's priority and freeze it off screen. Default none. */
  mesh?: AbstractMesh | null;
  /** A rig baked ahead of time (`npm run bake`), which skips face detection (for its baked shots too). Default: detect and rig now. */
  rig?: PortraitRigData;
  /** The tracker to detect the face with. Default: the scene's shared tracker with the embedded model. */
  tracker?: FaceTracker;
  /** Colour to lay a transparent portrait on; null keeps the portrait's own transparency. Default null. */
  matte?: Color3 | null;
  /**
   * Calibrate head turns with the detector in the loop, once: gains so a commanded angle
   * reads as that angle, and correctives that move each turned feature where the detector
   * sees a turned face's features (rig/turnCorrectives; about 25 renders and detections).
   * Default true when the face is detected now; a baked rig already carries its calibration.
   */
  calibrateHeadTurns?: boolean;
  /**
   * Finds the chin drop at which jawOpen = 1 reads to the face detector as the same wide-open
   * mouth on every portrait (babylon/calibrateJaw; two to four renders and detections), then how
   * much of the teeth that open mouth shows so its opening reads darker than the lips
   * (babylon/calibrateTeeth; one to four more).
   * Default true when the face is detected now; a baked rig already carries its calibration.
   */
  calibrateJaw?: boolean;
  /**
   * Finds, per side, the smile at which mouthSmile = 1 reads to the face detector as the same
   * corner rise on every portrait, never past where the cheek would tear (babylon/calibrateSmile;
   * two to four renders and detections). Default true when the face is detected now; a baked rig
   * already carries its calibration.
   */
  calibrateSmile?: boolean;
  /**
   * Finds, per eye and direction, how far a full sideways look moves the iris so that it reads to
   * the face detector as the same look on every portrait, never past the eye's corner
   * (babylon/calibrateGaze; three to seven renders and detections). Default true when the face is
   * detected now; a baked rig already carries its calibration.
   */
  calibrateGaze?: boolean;
  /**
   * 'warp' (the mesh warp, on WebGPU and WebGL2) or 'onnx' (a learned generator on
   * onnxruntime-web's WebGPU EP, sharing Babylon's device). On an engine without WebGPU an
   * 'onnx' portrait keeps the warp generator and says so in the log; `generatorKind` tells
   * which one draws. Default 'warp'.
   */
  generator?: PortraitGeneratorKind;
  /** The ONNX generator's model, a URL or its bytes. Default: the shipped dense-motion model. */
  onnxModel?: string | Uint8Array | ArrayBuffer;
  /** Folder URL of onnxruntime-web's wasm files. Default: where the build puts them. */
  onnxWasmPaths?: string;
  /**
   * More images of the same character (few-shot), added as `addShotAsync` adds them: eyes
   * closed lends blinks real shut lids, mouth open lends an open jaw real lips and teeth. With a
   * baked rig that carries shots (`npm run bake -- PORTRAIT SHOT…`), give their images in the
   * order they were baked: they are mapped without a face detector. Default none.
   */
  shots?: readonly (PortraitImageSource | PortraitShotSource)[];
}

/** A shot and what it shows, for `TalkingPortraitOptions.shots`. */
export interface PortraitShotSource extends ShotContent {
  image: PortraitImageSource;
}

const DEFAULT_SIZE = 512;
const MIN_SIZE = 128;
const MAX_SIZE = 1024;

/** The options' size and generator, defaulted and checked: a RangeError names the one that is wrong. */
export function checkedOptions(options: TalkingPortraitOptions): { size: number; generator: PortraitGeneratorKind } {
  const size = options.size ?? DEFAULT_SIZE;
  if (!Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE) {
    throw new RangeError(`TalkingPortrait: size must be a whole number from ${MIN_SIZE} to ${MAX_SIZE}, got ${size}.`);
  }
  const generator = options.generator ?? 'warp';
  if (generator !== 'warp' && generator !== 'onnx') {
    throw new RangeError(`TalkingPortrait: generator must be 'warp' or 'onnx', got ${String(generator)}.`);
  }
  return { size, generator };
}
