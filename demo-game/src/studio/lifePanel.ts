// The demo's "alive" panel: idle life (breathing, blinks, gaze) and a line typed to be spoken,
// mixed by the package's own motion sources. While it is on it drives the portrait; moving a
// slider hands the face back to the sliders.
import { IdleMotion, MOUTH_CHANNELS, SpeechSource, type FaceControls, type LookAngles } from '../../../plugin/index';

/** Above every idle layer, so the speaking mouth owns the mouth channels. */
const SPEECH_PRIORITY = 100;
const DEFAULT_LINE = 'Well met, traveller. The road north is dangerous after dark.';

export interface LifePanel {
  /** Writes the living pose for this moment into `out`; false while the panel is off. */
  drive(timeMs: number, out: FaceControls): boolean;
  /** Hands the face back to the sliders (a person moved one). */
  stop(): void;
  /** Looks toward `angles` (eyes, and the head part of the way), or back at the viewer with null. */
  lookAt(angles: LookAngles | null): void;
}

export function createLifePanel(host: HTMLElement, onChange: () => void): LifePanel {
  const idle = new IdleMotion({ seed: 7 });
  let speech: SpeechSource | null = null;
  let on = true;

  const box = document.createElement('fieldset');
  box.className = 'life';
  const legend = document.createElement('legend');
  legend.textContent = 'Alive';
  const toggle = document.createElement('input');
  toggle.type = 'checkbox';
  toggle.checked = on;
  toggle.id = 'life-on';
  const label = document.createElement('label');
  label.htmlFor = toggle.id;
  label.textContent = ' breathe, blink and follow the mouse';
  const line = document.createElement('input');
  line.type = 'text';
  line.value = DEFAULT_LINE;
  line.setAttribute('aria-label', 'A line to say');
  const say = document.createElement('button');
  say.type = 'button';
  say.textContent = 'Say it';
  box.append(legend, toggle, label, line, say);
  host.prepend(box);

  toggle.addEventListener('change', () => {
    on = toggle.checked;
    onChange();
  });
  say.addEventListener('click', () => void speak(line.value));

  async function speak(text: string): Promise<void> {
    if (!speech) {
      say.disabled = true;
      speech = await SpeechSource.CreateAsync(); // loads the pronouncing dictionary once, from the package
      idle.mixer.addLayer(speech, { priority: SPEECH_PRIORITY, mask: MOUTH_CHANNELS });
      say.disabled = false;
    }
    if (!on) {
      toggle.checked = on = true;
      onChange();
    }
    await speech.say(text);
  }

  return {
    stop() {
      toggle.checked = on = false;
      speech?.interrupt();
    },
    lookAt(angles) {
      if (angles) idle.setLookAtDirection(angles.yaw, angles.pitch);
      else idle.clearLookAt();
    },
    drive(timeMs, out) {
      if (!on) return false;
      out.reset();
      idle.sample(timeMs, out);
      return true;
    },
  };
}
