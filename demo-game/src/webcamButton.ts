// A "Use webcam" button and its message, for the game's character corner and the studio: starts or stops a WebcamDriver and says what happened.
import { CameraError } from '../../plugin/index';
import { WebcamDriver, cameraAdvice } from './webcamDriver';

/** What the webcam button is doing; tests wait on `data-state` of #webcam-message (and `data-tracking` while on). */
export type WebcamButtonState = 'off' | 'starting' | 'on' | 'failed';
/** How often the tracking state is shown, ms: people read it, so not per frame. */
const TRACKING_REFRESH_MS = 250;
/** What the page says for each FaceCaptureSource state while the webcam is on. */
const TRACKING_WORDS: Readonly<Record<string, string>> = {
  waiting: 'Looking for your face…',
  tracking: 'Your face drives the portrait.',
  lost: 'Your face is out of view; the portrait lives on its own until it is back.',
  'learning-turns': 'Keep a relaxed face and look left, right, up and down…',
};

/** The button's webcam, once started. */
export interface WebcamButton {
  /** The running webcam, or null. */
  readonly driver: WebcamDriver | null;
}

/** Adds #webcam-use and #webcam-message to `host`; `onChange` hears of each driver started (and null when stopped). */
export function createWebcamButton(host: HTMLElement, onChange: (driver: WebcamDriver | null) => void): WebcamButton {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'webcam-use';
  button.className = 'button';
  button.textContent = 'Use webcam';
  // Learning the player's turns keeps looking around from reading as a smile or raised brows.
  const turns = document.createElement('button');
  turns.type = 'button';
  turns.id = 'webcam-turns';
  turns.className = 'button';
  turns.textContent = 'Learn my head turns';
  turns.hidden = true;
  const message = document.createElement('p');
  message.id = 'webcam-message';
  message.setAttribute('aria-live', 'polite');
  host.append(button, turns, message);
  let driver: WebcamDriver | null = null;
  turns.addEventListener('click', () => driver?.calibrateTurns());
  let tracking = 0;
  const show = (state: WebcamButtonState, text: string, reason = '') => {
    message.dataset.state = state;
    message.dataset.reason = reason;
    message.textContent = text;
  };
  show('off', '');

  const stop = () => {
    window.clearInterval(tracking);
    delete message.dataset.tracking;
    driver?.dispose();
    driver = null;
    onChange(null);
    button.textContent = 'Use webcam';
    turns.hidden = true;
  };

  button.addEventListener('click', async () => {
    if (driver) {
      stop();
      show('off', 'The webcam is off; the portrait lives on its own.');
      return;
    }
    button.disabled = true;
    show('starting', 'Asking for the camera…');
    try {
      const started = await WebcamDriver.CreateAsync();
      driver = started;
      started.onFailed.add((error) => {
        stop();
        show('failed', cameraAdvice(error), error.reason);
      });
      started.onTrackingError.add((error) => {
        stop();
        show('failed', `Face tracking stopped: ${error instanceof Error ? error.message : String(error)}`, 'error');
      });
      onChange(started);
      button.textContent = 'Stop webcam';
      turns.hidden = false;
      show('on', 'Camera on. Look straight ahead for a moment so it learns your resting face.');
      tracking = window.setInterval(() => {
        const state = started.calibratingTurns ? 'learning-turns' : started.state;
        if (message.dataset.tracking === state) return;
        message.dataset.tracking = state;
        message.textContent = TRACKING_WORDS[state] ?? state;
      }, TRACKING_REFRESH_MS);
    } catch (error) {
      if (!(error instanceof CameraError)) {
        show('failed', `The webcam could not start: ${error instanceof Error ? error.message : String(error)}`, 'error');
        throw error;
      }
      show('failed', cameraAdvice(error), error.reason);
    } finally {
      button.disabled = false;
    }
  });
  return {
    get driver() {
      return driver;
    },
  };
}
