// The stats overlay: frame time, the portraits' share of it, each portrait's level, the generator and the engine.
import type { EngineKind } from '../../engineChoice';
import type { Npc } from '../npc/Npc';
import type { PortraitLevelReader } from '../seams';

/** The overlay redraws its text this often, ms: readable, and no DOM work in most frames. */
const REFRESH_MS = 500;
/** Every portrait today is drawn by TalkingPortrait's warp generator (plugin/render/WarpGenerator). */
const GENERATOR = 'warp (mesh warp on the GPU)';

/** Measured from what the game drives: the size of the texture and how often its controls were written. */
export const measuredLevel: PortraitLevelReader = (portrait, drivenFramesPerSecond) => ({
  size: portrait.texture.getSize().width,
  rateHz: drivenFramesPerSecond,
});

/** Collects frame and portrait timings each frame (allocation-free) and shows them in #stats every REFRESH_MS. */
export class StatsOverlay {
  private readonly _root: HTMLElement;
  private readonly _engine: string;
  private _frames = 0;
  private _frameMs = 0;
  private _portraitMs = 0;
  private _sinceMs = 0;
  private _portraitStart = 0;

  constructor(root: HTMLElement, engine: EngineKind, fallbackReason: string | null, private readonly _npcs: readonly Npc[], private readonly _level: PortraitLevelReader = measuredLevel) {
    this._root = root;
    this._engine = fallbackReason ? `${engine} (${fallbackReason})` : engine;
  }

  /** Shows or hides the overlay (F3 or the Stats button). */
  toggle(): void {
    this._root.hidden = !this._root.hidden;
  }

  /** Call just before the portraits' per-frame work (motion, then PortraitSystem's redraws). */
  portraitsBegin(): void {
    this._portraitStart = performance.now();
  }

  /** Call just after it; `frameMs` is the time since the last frame. */
  portraitsEnd(frameMs: number, nowMs: number): void {
    this._portraitMs += performance.now() - this._portraitStart;
    this._frameMs += frameMs;
    this._frames++;
    if (nowMs - this._sinceMs >= REFRESH_MS) this._show(nowMs);
  }

  private _show(nowMs: number): void {
    const seconds = (nowMs - this._sinceMs) / 1000;
    const frame = this._frameMs / Math.max(1, this._frames);
    const portraits = this._portraitMs / Math.max(1, this._frames);
    const share = frame > 0 ? (100 * portraits) / frame : 0;
    const rows = this._npcs.map((npc) => {
      const rate = npc.drivenFrames / seconds;
      npc.drivenFrames = 0;
      if (!npc.portrait) return row(npc.definition.name, 'still image', '');
      const level = this._level(npc.portrait, rate);
      return row(npc.definition.name, `${level.size} px`, `${level.rateHz.toFixed(0)}/s${npc.lookingAtPlayer ? ' · looking' : ''}`);
    });
    this._root.replaceChildren(
      line(`Engine: ${this._engine}`),
      line(`Frame: ${frame.toFixed(1)} ms (${(1000 / Math.max(frame, 1e-3)).toFixed(0)} fps)`),
      line(`Portraits (CPU: motion + draw calls): ${portraits.toFixed(2)} ms, ${share.toFixed(0)} % of the frame`),
      line(`Generator: ${GENERATOR}`),
      table(rows),
    );
    this._root.dataset.frameMs = frame.toFixed(2);
    this._frames = 0;
    this._frameMs = 0;
    this._portraitMs = 0;
    this._sinceMs = nowMs;
  }
}

function line(text: string): HTMLElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

function row(...cells: string[]): HTMLTableRowElement {
  const tr = document.createElement('tr');
  for (const text of cells) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.append(td);
  }
  return tr;
}

function table(rows: HTMLTableRowElement[]): HTMLTableElement {
  const element = document.createElement('table');
  const head = row('portrait', 'size', 'redraws');
  head.className = 'head';
  element.append(head, ...rows);
  return element;
}
