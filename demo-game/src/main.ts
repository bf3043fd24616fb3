// The demo game, first cut: pick a portrait, see what the plugin's face tracker finds on it.
// It uses only the package's public door (plugin/index), the way a game would.
import { FaceTracker, NoFaceError } from '../../plugin/index';
import { renderCredits } from './credits';
import { drawLandmarks, drawPortrait, renderLegend } from './landmarkOverlay';
import { createPortraitPicker } from './portraitPicker';
import { PORTRAITS, initialPortrait, loadPortraitImage, type Portrait } from './portraits';
import { setStatus } from './status';

const canvas = document.querySelector<HTMLCanvasElement>('#stage')!;
const trackerReady = FaceTracker.CreateAsync();
let latest = 0;

async function show(portrait: Portrait): Promise<void> {
  const request = ++latest;
  setStatus('loading', `Looking for a face in ${portrait.name}…`);
  try {
    const [tracker, image] = await Promise.all([trackerReady, loadPortraitImage(portrait)]);
    if (request !== latest) return;
    try {
      const detection = await tracker.detectImage(image);
      if (request !== latest) return;
      drawLandmarks(canvas, image, detection);
      setStatus('ready', `${portrait.name}: ${detection.landmarks.length / 3} landmarks.`);
    } catch (error) {
      if (!(error instanceof NoFaceError) || request !== latest) throw error;
      drawPortrait(canvas, image);
      setStatus('no-face', `No face found in ${portrait.name} (${error.name}). A portrait needs one face seen roughly from the front.`);
    }
  } catch (error) {
    if (request !== latest) return;
    setStatus('error', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    throw error;
  }
}

const picker = createPortraitPicker(PORTRAITS, initialPortrait(), (portrait) => void show(portrait));
document.querySelector('#picker')!.append(picker.element);
renderLegend(document.querySelector('#legend')!);
renderCredits(document.querySelector('#credits')!, PORTRAITS);
window.addEventListener('pagehide', () => void trackerReady.then((tracker) => tracker.dispose()));
void show(picker.selected);
