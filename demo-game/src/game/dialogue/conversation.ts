// A conversation with one NPC: says each line (lips, typed text, and a voice when there is one), offers choices, follows them.
import type { SpeechSource, TextToVisemes } from '../../../../plugin/index';
import type { Npc } from '../npc/Npc';
import { dialogueNode, type DialogueNode } from './dialogueScript';
import type { DialoguePanel } from './dialoguePanel';
import type { Voice } from './voice';

/** Keys that pick choices 1-3. */
const CHOICE_KEYS: readonly string[] = ['Digit1', 'Digit2', 'Digit3'];
/** Keys that skip the rest of a line. */
const SKIP_KEYS = new Set(['Space', 'Enter', 'NumpadEnter']);

/** What the rest of the game learns about the conversation (the page mirrors it for screen readers and tests). */
export interface ConversationEvents {
  opened(npc: Npc): void;
  line(npc: Npc, text: string): void;
  closed(npc: Npc): void;
  /** The player picked an answer; the player's own character may say it. */
  answered(text: string): void;
}

/** Runs one conversation at a time through the dialogue panel. */
export class Conversation {
  private _npc: Npc | null = null;
  private _node: DialogueNode | null = null;
  private _text = '';
  private _typed = -1;
  private _lineStartMs = 0;
  private _lineMs = 0;
  private _lineDone = false;
  /** Bumped on every new line or close, so a finished say() of an older line changes nothing. */
  private _generation = 0;

  constructor(
    private readonly _panel: DialoguePanel,
    private readonly _voice: Voice,
    private readonly _speech: () => Promise<TextToVisemes>,
    private readonly _events: ConversationEvents,
  ) {
    _panel.onChoose = (index) => this.choose(index);
  }

  /** The NPC being talked to, or null. */
  get npc(): Npc | null {
    return this._npc;
  }

  /** Starts talking with `npc` from the start of its script. */
  async open(npc: Npc): Promise<void> {
    if (this._npc) this.close();
    this._npc = npc;
    const generation = ++this._generation;
    this._panel.open(npc.definition.name, npc.portrait?.texture ?? null);
    this._panel.setLine('…');
    this._panel.setChoices([]);
    this._events.opened(npc);
    const speech = npc.attachSpeech(await this._speech());
    if (generation !== this._generation) return;
    this._say(npc, speech, npc.definition.script.start);
  }

  /** Ends the conversation: the NPC falls silent, the panel closes. */
  close(): void {
    const npc = this._npc;
    if (!npc) return;
    this._generation++;
    npc.speech?.interrupt();
    this._voice.cancel();
    this._panel.close();
    this._npc = null;
    this._node = null;
    this._events.closed(npc);
  }

  /** Picks answer `index` of the current line, once the line has been said. */
  choose(index: number): void {
    const npc = this._npc;
    const choice = this._node?.choices[index];
    if (!npc || !choice || !this._lineDone || !npc.speech) return;
    this._events.answered(choice.text);
    if (choice.next === null) this.close();
    else this._say(npc, npc.speech, choice.next);
  }

  /** Keys while talking: 1-3 choose, Space or Enter skip the line, Escape leaves. Returns true when the key was used. */
  handleKey(code: string): boolean {
    if (!this._npc) return false;
    if (code === 'Escape') this.close();
    else if (SKIP_KEYS.has(code)) this._finishLine();
    else if (CHOICE_KEYS.includes(code)) this.choose(CHOICE_KEYS.indexOf(code));
    else return false;
    return true;
  }

  /** Per frame: types the line out in step with the lips. */
  update(timeMs: number): void {
    if (!this._npc || this._lineDone || this._lineMs <= 0) return;
    const fraction = Math.min(1, Math.max(0, (timeMs - this._lineStartMs) / this._lineMs));
    const typed = Math.round(fraction * this._text.length);
    if (typed === this._typed) return;
    this._typed = typed;
    this._panel.setLine(this._text.slice(0, typed));
  }

  private _say(npc: Npc, speech: SpeechSource, nodeName: string): void {
    const node = dialogueNode(npc.definition.script, nodeName, npc.definition.name);
    const generation = ++this._generation;
    this._node = node;
    this._text = node.line;
    this._typed = -1;
    this._lineDone = false;
    this._lineStartMs = performance.now();
    // The same layout SpeechSource makes for the lips: the typing ends when the mouth does.
    this._lineMs = speech.textToVisemes.toTimeline(node.line).durationMs;
    this._panel.setChoices([]);
    this._events.line(npc, node.line);
    void speech.say(node.line).then(() => {
      if (generation === this._generation) this._finishLine();
    });
    this._voice.speak(node.line, speech, npc.definition.pitch);
  }

  /** Shows the whole line and its answers (the line ended, or the player skipped it). */
  private _finishLine(): void {
    if (!this._node || this._lineDone) return;
    this._lineDone = true;
    this._panel.setLine(this._text);
    this._panel.setChoices(this._node.choices.map((choice) => choice.text));
    if (this._npc?.speech?.speaking) {
      this._npc.speech.interrupt();
      this._voice.cancel();
    }
  }
}
