// A page that drives face controls from the webcam with WebcamFace, for the webcam end-to-end
// test (Chromium plays a video file as the camera). It reports what the face source says.
import { FaceControls, WebcamFace, type TalkingPortraitError } from '../../plugin/index';

interface WebcamReport {
  state: string;
  foundEvents: number;
  lostEvents: number;
  yawDeg: number;
  pitchDeg: number;
  rollDeg: number;
  blinkLeft: number;
  blinkRight: number;
  jawOpen: number;
  headWeight: number;
}

const controls = new FaceControls();
const DEG = 180 / Math.PI;
const page = window as unknown as {
  toolReady: boolean;
  openWebcam: () => Promise<string | null>;
  readWebcam: () => WebcamReport;
  closeWebcam: () => void;
};
let face: WebcamFace | null = null;
let found = 0;
let lost = 0;

page.openWebcam = async () => {
  try {
    face = await WebcamFace.CreateAsync({ width: 640, height: 480 });
  } catch (error) {
    return `${(error as TalkingPortraitError).name}: ${(error as Error).message}`;
  }
  face.onTrackingFoundObservable.add(() => found++);
  face.onTrackingLostObservable.add(() => lost++);
  return null;
};

page.readWebcam = () => {
  if (!face) throw new Error('webcam page: openWebcam() first');
  controls.reset();
  face.source.sample(performance.now(), controls);
  return {
    state: face.state,
    foundEvents: found,
    lostEvents: lost,
    yawDeg: controls.yaw * DEG,
    pitchDeg: controls.pitch * DEG,
    rollDeg: controls.roll * DEG,
    blinkLeft: controls.get('eyeBlinkLeft'),
    blinkRight: controls.get('eyeBlinkRight'),
    jawOpen: controls.get('jawOpen'),
    headWeight: face.source.channels[0],
  };
};

page.closeWebcam = () => face?.dispose();
page.toolReady = true;
