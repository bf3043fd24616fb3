// The stats overlay: frame time, the portraits' share of it, each portrait's level and cost as the budget holds it, the generator and the engine.
import { PortraitSystem, type TalkingPortrait } from '../../../../plugin/index';
import type { EngineKind } from '../../engineChoice';
import type { PortraitLevelReader, StatsRow } from '../seams';

/** The overlay redraws its text this often, ms: readable, and no DOM work in most frames. */
const REFRESH_MS = 500;
/** How each generator is named in the overlay. */
const GENERATOR_NAMES = { warp: 'warp (mesh warp on the GPU)', onnx: 'ONNX (learned model on WebGPU)' } as const;

/** The generators the shown portraits draw with, e.g. "warp (mesh warp on the GPU) × 8". */
function describeGenerators(rows: readonly StatsRow[]): string {
  let warp = 0;
  let onnx = 0;
  for (const { portrait } of rows) {
    if (portrait?.generatorKind === 'onnx') onnx++;
    else if (portrait) warp++;
  }
  const parts = [];
  if (warp > 0) parts.push(`${GENERATOR_NAMES.warp} × ${warp}`);
  if (onnx > 0) parts.push(`${GENERATOR_NAMES.onnx} × ${onnx}`);
  return parts.length > 0 ? parts.join(', ') : 'none yet';
}

/** The budget's own figures: the size it draws at, its ladder level, and the redraws the overlay counted. */
export const budgetLevel: PortraitLevelReader = (portrait, redrawsPerSecond) => ({
  size: portrait.stats.size > 0 ? portrait.stats.size : portrait.texture.getSize().width,
  rateHz: redrawsPerSecond,
  level: portrait.stats.level,
});

/** Collects frame and portrait timings each frame (allocation-free) and shows them in #stats every REFRESH_MS. */
export class StatsOverlay {
  private readonly _root: HTMLElement;
  private readonly _engine: string;
  private readonly _system: PortraitSystem;
  /** updateCount of each portrait at the last refresh, to count redraws in between. */
  private readonly _counted = new WeakMap<TalkingPortrait, number>();
  private _frames = 0;
  private _frameMs = 0;
  private _portraitMs = 0;
  private _sinceMs = 0;
  private _portraitStart = 0;

  constructor(
    root: HTMLElement, engine: EngineKind, fallbackReason: string | null, system: PortraitSystem,
    private readonly _rows: () => readonly StatsRow[], private readonly _level: PortraitLevelReader = budgetLevel,
  ) {
    this._root = root;
    this._engine = fallbackReason ? `${engine} (${fallbackReason})` : engine;
    this._system = system;
  }

  /** Shows or hides the overlay (F3). */
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
    const system = this._system.stats;
    const shown = this._rows();
    const rows = shown.map(({ name, portrait, note }) => {
      if (!portrait) return row(name, 'still image', '');
      const redraws = portrait.stats.updateCount - (this._counted.get(portrait) ?? portrait.stats.updateCount);
      this._counted.set(portrait, portrait.stats.updateCount);
      const level = this._level(portrait, redraws / seconds);
      const frozen = level.level === -1 ? ' · frozen' : '';
      return row(name, `${level.size} px`, `${level.rateHz.toFixed(0)}/s${frozen}${note ? ` · ${note}` : ''}`);
    });
    const gpu = system.gpuFrameMs === null ? 'not measurable here' : `${system.gpuFrameMs.toFixed(2)} ms per frame`;
    this._root.replaceChildren(
      line(`Engine: ${this._engine}`),
      line(`Frame: ${frame.toFixed(1)} ms (${(1000 / Math.max(frame, 1e-3)).toFixed(0)} fps)`),
      line(`Portraits (CPU: motion + draw calls): ${portraits.toFixed(2)} ms, ${share.toFixed(0)} % of the frame`),
      line(`Budget: ${system.smoothedMainThreadMs.toFixed(2)} of ${this._system.budgetMs} ms, ${system.visibleCount} on screen${system.overBudget ? ', over budget' : ''}`),
      line(`Generator: ${describeGenerators(shown)}; GPU ${gpu}`),
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
