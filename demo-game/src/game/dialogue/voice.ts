// Speaks a line aloud with the browser's speech synthesis when it has a voice, keeping the lips on its words; silent otherwise.
import type { SpeechSource } from '../../../../plugin/index';

/** The browser's voice, or silence where there is none (headless browsers, some Linux desktops). */
export class Voice {
  private _voices: SpeechSynthesisVoice[] = [];
  private readonly _synth: SpeechSynthesis | null;
  private readonly _onVoices = () => {
    this._voices = this._synth?.getVoices() ?? [];
  };

  constructor() {
    this._synth = typeof speechSynthesis === 'undefined' ? null : speechSynthesis;
    // Voices arrive asynchronously in most browsers; until then (or forever) the game is silent.
    this._synth?.addEventListener('voiceschanged', this._onVoices);
    this._onVoices();
  }

  /** True when lines will be heard, not only seen. */
  get available(): boolean {
    return this._voices.length > 0;
  }

  /**
   * Speaks `text` aloud if a voice exists; each word the browser reaches re-times the lips
   * (SpeechSource.syncWord), so mouth and sound stay together. Call right after speech.say(text).
   */
  speak(text: string, speech: SpeechSource, pitch: number): void {
    const synth = this._synth;
    if (!synth || !this.available) return;
    synth.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.pitch = pitch;
    const english = this._voices.find((voice) => voice.lang.startsWith('en'));
    if (english) utterance.voice = english;
    utterance.addEventListener('boundary', (event) => {
      if (event.name !== 'word') return;
      const words = speech.currentTimeline?.words;
      if (!words) return;
      const index = words.findIndex((word) => word.charIndex >= event.charIndex);
      if (index >= 0) speech.syncWord(index);
    });
    synth.speak(utterance);
  }

  /** Stops any line being spoken. */
  cancel(): void {
    if (this.available) this._synth?.cancel();
  }

  dispose(): void {
    this.cancel();
    this._synth?.removeEventListener('voiceschanged', this._onVoices);
  }
}
