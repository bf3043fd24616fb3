// The portrait studio (studio.html, beside the game): one picked portrait, alive in a Babylon scene, with a slider for every
// control the rig drives. It uses only the package's public door (plugin/index), the way a
// game would, and Babylon's own deep ES imports.
import { NoFaceError, TalkingPortrait, type FaceControls } from '../../../plugin/index';
import { bakedRigFor } from '../bakedRigs';
import { createControlSliders, riggedBlendshapes } from './controlSliders';
import { createClipPanel } from './clipPanel';
import { createLifePanel } from './lifePanel';
import { followPointer } from './pointerGaze';
import { createWebcamButton } from '../webcamButton';
import { renderCredits } from '../credits';
import { chooseEngine, type ChosenEngine } from '../engineChoice';
import { createPortraitPicker } from './portraitPicker';
import { PORTRAITS, initialPortrait, loadPortraitImage, type Portrait } from '../portraits';
import { PortraitStage, STAGE_BACKGROUND } from './portraitStage';
import { setStatus } from './status';
import { createGeneratorToggle, type GeneratorToggle } from './generatorToggle';

/** Texture size of the living portrait, and the stage canvas's size in CSS pixels. */
const PORTRAIT_SIZE = 512;

const stageHost = document.querySelector<HTMLElement>('#stage')!;
let stage: PortraitStage | null = null;
let engineLabel = '';
let current: TalkingPortrait | null = null;
let latest = 0;
let generator: GeneratorToggle | null = null;

const sliders = createControlSliders(document.querySelector('#controls')!, (values: FaceControls) => {
  life.stop();
  current?.controls.copyFrom(values); // the scene's PortraitSystem redraws before the next render
});
const life = createLifePanel(document.querySelector('#controls')!, () => {
  if (current) current.controls.copyFrom(sliders.values);
});
const clips = createClipPanel(document.querySelector('#controls')!);
const webcam = createWebcamButton(document.querySelector('#webcam')!, () => undefined);
followPointer(stageHost, (angles) => life.lookAt(angles));

/** The webcam's face into `out` while it sees one; false otherwise (idle life or the sliders carry on). */
function driveWebcam(timeMs: number, out: FaceControls): boolean {
  return webcam.driver?.drive(timeMs, out) ?? false;
}

function mountCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-label', 'The living portrait');
  stageHost.replaceChildren(canvas);
  return canvas;
}

function describeEngine(chosen: ChosenEngine): string {
  return chosen.fallbackReason ? `${chosen.kind}; ${chosen.fallbackReason}` : chosen.kind;
}

async function show(portrait: Portrait): Promise<void> {
  const request = ++latest;
  setStatus('loading', `Finding the face in ${portrait.name} and rigging it…`);
  try {
    if (!stage) throw new Error('demo: the stage is not ready');
    const image = await loadPortraitImage(portrait);
    if (request !== latest) return;
    const rig = await bakedRigFor(portrait.name, { width: image.naturalWidth, height: image.naturalHeight });
    if (request !== latest) return;
    const next = await TalkingPortrait.CreateAsync(stage.scene, image, {
      size: PORTRAIT_SIZE, matte: STAGE_BACKGROUND, generator: generator?.kind ?? 'warp', ...(rig ? { rig } : {}),
      // Few-shot: its other images lend blinks real shut lids and an open jaw real teeth.
      shots: portrait.shots?.map((shot) => ({ image: shot.url, eyesClosed: shot.eyesClosed, mouthOpen: shot.mouthOpen })),
    });
    if (request !== latest) {
      next.dispose();
      return;
    }
    current?.dispose();
    current = next;
    sliders.setBlendshapes(riggedBlendshapes(next.rig));
    next.controls.copyFrom(sliders.values); // the sliders keep their values across portraits
    stage.show(next.texture);
    stageHost.dataset.generator = next.generatorKind;
    const shots = portrait.shots?.length ? ` with ${portrait.shots.length} more shots of the character` : '';
    setStatus('ready', `${portrait.name}${shots} on ${engineLabel}, drawn by the ${next.generatorKind} generator. Move the sliders.`);
  } catch (error) {
    if (request !== latest) return;
    if (error instanceof NoFaceError && stage) {
      current?.dispose();
      current = null;
      stage.showStill(portrait.url);
      setStatus('no-face', `No face found in ${portrait.name} (${error.name}). A portrait needs one face seen roughly from the front.`);
      return;
    }
    setStatus('error', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    throw error;
  }
}

async function start(): Promise<void> {
  setStatus('loading', 'Starting the 3D engine…');
  const preferWebGpu = new URLSearchParams(location.search).get('engine') !== 'webgl2';
  try {
    const chosen = await chooseEngine(mountCanvas, preferWebGpu);
    engineLabel = describeEngine(chosen);
    stageHost.dataset.engine = chosen.kind;
    stage = new PortraitStage(chosen.engine);
    generator = createGeneratorToggle(chosen.kind === 'WebGPU', () => void show(picker.selected));
    document.querySelector('#webcam')!.after(generator.element);
    // A playing clip, else idle life and speech, write the controls just before the portraits update; a take records what is shown.
    stage.scene.onBeforeRenderObservable.add(() => {
      if (!current) return;
      const now = performance.now();
      if (!clips.drive(now, current.controls) && !driveWebcam(now, current.controls)) life.drive(now, current.controls);
      clips.capture(now, current.controls);
    });
  } catch (error) {
    setStatus('error', error instanceof Error ? error.message : String(error));
    throw error;
  }
  await show(picker.selected);
}

const picker = createPortraitPicker(PORTRAITS, initialPortrait(), (portrait) => void show(portrait));
document.querySelector('#picker')!.append(picker.element);
renderCredits(document.querySelector('#credits')!, PORTRAITS);
window.addEventListener('pagehide', () => {
  current?.dispose();
  stage?.dispose();
});
void start();
