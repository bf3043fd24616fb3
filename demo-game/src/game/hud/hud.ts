// The page around the scene: status line, "talk" prompt, and a text mirror of the dialogue for screen readers (and tests).

/** What the game is doing; tests wait on `data-state` of #status. */
export type GameState = 'loading' | 'ready' | 'error';

function element<T extends HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new TypeError(`demo: the page has no ${selector}; demo-game/index.html must provide it.`);
  return found;
}

/** The DOM parts of the game's screen. */
export class Hud {
  private readonly _status = element<HTMLElement>('#status');
  private readonly _prompt = element<HTMLButtonElement>('#talk');
  private readonly _live = element<HTMLElement>('#dialogue-live');
  private _near: string | null = null;

  /** Called when the talk prompt is clicked or tapped. */
  onTalk: () => void = () => undefined;

  constructor() {
    this._prompt.addEventListener('click', () => this.onTalk());
  }

  setStatus(state: GameState, message: string): void {
    this._status.dataset.state = state;
    this._status.textContent = message;
  }

  /** Shows "talk to <name>" while the player stands before an NPC (null hides it). Cheap to call every frame. */
  setNear(name: string | null): void {
    if (name === this._near) return;
    this._near = name;
    document.body.dataset.nearNpc = name ?? '';
    this._prompt.hidden = name === null;
    if (name) this._prompt.textContent = `Talk to ${name} (E)`;
  }

  /** Hides the prompt while talking; mirrors who speaks. */
  dialogueOpened(name: string): void {
    document.body.dataset.dialogue = 'open';
    document.body.dataset.dialogueNpc = name;
    this._prompt.hidden = true;
  }

  /** Where the dialogue's portrait is on the page, CSS pixels, as `data-portrait` "left top size" on #dialogue-live. */
  dialoguePortraitAt(left: number, top: number, size: number): void {
    this._live.dataset.portrait = `${Math.round(left)} ${Math.round(top)} ${Math.round(size)}`;
  }

  dialogueLine(name: string, text: string): void {
    this._live.textContent = `${name}: ${text}`;
  }

  dialogueClosed(): void {
    document.body.dataset.dialogue = 'closed';
    document.body.dataset.dialogueNpc = '';
    this._live.textContent = '';
    this._prompt.hidden = this._near === null;
  }

  /** How many NPC portraits are alive, for the status line and `data-alive` on #status. */
  setAlive(alive: number, total: number): void {
    this._status.dataset.alive = String(alive);
    if (this._status.dataset.state === 'ready') {
      this._status.textContent = alive < total
        ? `Walk with W A S D or the arrows, drag to look. Bringing the portraits to life: ${alive} of ${total}…`
        : 'Walk with W A S D or the arrows, drag to look; walk up to a painting and press E to talk.';
    }
  }
}
