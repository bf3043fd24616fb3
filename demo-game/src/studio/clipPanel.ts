// The studio's clip panel: record what the portrait does, stop, play it back, save it as a .clip file and load one (bad files refused plainly).
import {
  ClipFormatError, MotionClipPlayer, MotionClipRecorder, decodeMotionClip, encodeMotionClip, type FaceControls, type MotionClip,
} from '../../../plugin/index';

/** What the clip panel is doing; tests wait on `data-state` of #clip-message. */
export type ClipState = 'empty' | 'recording' | 'recorded' | 'playing' | 'loaded' | 'invalid';
/** Frames per second of a take: the rate the network and trackers use. */
const CLIP_FRAME_RATE = 30;
/** The longest take, ms: a minute is plenty for a studio and keeps files small. */
const MAX_TAKE_MS = 60_000;
/** The frame count shown while recording is refreshed this often, ms (not per frame). */
const COUNT_REFRESH_MS = 250;
/** The file name a saved take is offered under. */
const SAVE_NAME = 'studio-take.clip';

export interface ClipPanel {
  /** While a clip plays, writes its pose into `out` (after reset) and returns true; otherwise false. Allocates nothing. */
  drive(timeMs: number, out: FaceControls): boolean;
  /** While recording, captures the face shown this frame. Allocates nothing but the recorder's chunks. */
  capture(timeMs: number, face: FaceControls): void;
}

/** Builds the panel into `host` (buttons #clip-record, #clip-stop, #clip-play, #clip-save, file input #clip-load). */
export function createClipPanel(host: HTMLElement): ClipPanel {
  const recorder = new MotionClipRecorder({ frameRate: CLIP_FRAME_RATE, maxDurationMs: MAX_TAKE_MS, name: 'studio take', source: 'portrait studio' });
  let clip: MotionClip | null = null;
  let player: MotionClipPlayer | null = null;
  let recording = false;
  let counter = 0;

  const box = document.createElement('fieldset');
  box.className = 'clips';
  const legend = document.createElement('legend');
  legend.textContent = 'Clip';
  const button = (id: string, text: string) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.id = id;
    b.textContent = text;
    return b;
  };
  const record = button('clip-record', 'Record');
  const stop = button('clip-stop', 'Stop');
  const play = button('clip-play', 'Play');
  const save = button('clip-save', 'Save');
  const loadLabel = document.createElement('label');
  loadLabel.className = 'file-button';
  loadLabel.textContent = 'Load…';
  const load = document.createElement('input');
  load.type = 'file';
  load.id = 'clip-load';
  load.accept = '.clip,application/octet-stream';
  loadLabel.append(load);
  const message = document.createElement('p');
  message.id = 'clip-message';
  message.setAttribute('aria-live', 'polite');
  box.append(legend, record, stop, play, save, loadLabel, message);
  host.prepend(box);

  const show = (state: ClipState, text: string) => {
    message.dataset.state = state;
    message.textContent = text;
    record.disabled = recording || state === 'playing';
    stop.disabled = !recording && state !== 'playing';
    play.disabled = recording || !clip || state === 'playing';
    save.disabled = recording || !clip;
  };
  const describe = (c: MotionClip) => `${c.frameCount} frames, ${(c.durationMs / 1000).toFixed(1)} s`;
  show('empty', 'Record what the face does, then play it back.');

  record.addEventListener('click', () => {
    player?.stop();
    recorder.clear();
    recording = true;
    show('recording', 'Recording… move the mouse, say a line, move sliders.');
    counter = window.setInterval(() => {
      message.dataset.frames = String(recorder.frameCount);
      message.textContent = `Recording… ${recorder.frameCount} frames${recorder.isFull ? ' (full: press Stop)' : ''}`;
    }, COUNT_REFRESH_MS);
  });
  stop.addEventListener('click', () => {
    if (recording) {
      recording = false;
      window.clearInterval(counter);
      if (recorder.frameCount === 0) {
        show(clip ? 'recorded' : 'empty', 'Nothing was recorded: the portrait drew no frame while recording.');
        return;
      }
      clip = recorder.stop();
      player = new MotionClipPlayer(clip);
      player.onEnded.add(() => show('recorded', `Played to the end: ${describe(clip!)}.`));
      show('recorded', `Recorded ${describe(clip)}.`);
    } else if (player?.state === 'playing') {
      player.stop();
      show('recorded', `Stopped. ${describe(player.clip)}.`);
    }
  });
  play.addEventListener('click', () => {
    if (!player) return;
    player.stop();
    player.play();
    show('playing', `Playing ${describe(player.clip)}…`);
  });
  save.addEventListener('click', () => {
    if (!clip) return;
    const url = URL.createObjectURL(new Blob([encodeMotionClip(clip) as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = SAVE_NAME;
    link.click();
    // The download has started from the link; the URL is not needed after this task.
    setTimeout(() => URL.revokeObjectURL(url));
  });
  load.addEventListener('change', () => {
    const file = load.files?.[0];
    load.value = '';
    if (file) void loadFile(file);
  });

  async function loadFile(file: File): Promise<void> {
    try {
      clip = decodeMotionClip(new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      if (!(error instanceof ClipFormatError)) throw error;
      show('invalid', `${file.name} is not a motion clip this studio can play: ${error.message}`);
      return;
    }
    player?.stop();
    player = new MotionClipPlayer(clip);
    player.onEnded.add(() => show('loaded', `Played to the end: ${describe(clip!)}.`));
    show('loaded', `Loaded ${file.name}: ${describe(clip)}. Press Play.`);
  }

  return {
    drive(timeMs, out) {
      if (!player || player.state !== 'playing') return false;
      out.reset();
      player.sample(timeMs, out);
      return true;
    },
    capture(timeMs, face) {
      if (recording) recorder.capture(timeMs, face);
    },
  };
}
