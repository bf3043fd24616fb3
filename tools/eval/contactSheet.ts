// A contact sheet of the probe frames: one row per portrait, one column per probe, so a
// person can look at what the figures say.
import type { Rgba } from './pixels';

const THUMB = 128;
const LABEL = 16;

export class ContactSheet {
  private readonly _rows: { name: string; held: Map<string, boolean>; frames: Map<string, HTMLCanvasElement> }[] = [];
  private readonly _columns: string[] = [];

  startRow(name: string): void {
    this._rows.push({ name, held: new Map(), frames: new Map() });
  }

  add(probe: string, frame: Rgba): void {
    if (!this._columns.includes(probe)) this._columns.push(probe);
    const full = document.createElement('canvas');
    full.width = frame.width;
    full.height = frame.height;
    full.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(frame.data), frame.width, frame.height), 0, 0);
    const thumb = document.createElement('canvas');
    thumb.width = thumb.height = THUMB;
    const context = thumb.getContext('2d')!;
    context.imageSmoothingQuality = 'high';
    context.drawImage(full, 0, 0, THUMB, THUMB);
    this._rows[this._rows.length - 1].frames.set(probe, thumb);
  }

  /** Marks a probe of the current row as held or not: a red frame around failures. */
  mark(probe: string, held: boolean): void {
    this._rows[this._rows.length - 1].held.set(probe, held);
  }

  /** The sheet as a PNG, base64 without the data-URL prefix. */
  toPngBase64(): string {
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, this._columns.length) * THUMB + THUMB;
    canvas.height = LABEL + Math.max(1, this._rows.length) * THUMB;
    const c = canvas.getContext('2d')!;
    c.fillStyle = '#202020';
    c.fillRect(0, 0, canvas.width, canvas.height);
    c.font = '12px sans-serif';
    c.fillStyle = '#ffffff';
    this._columns.forEach((probe, k) => c.fillText(probe, THUMB + k * THUMB + 4, 12));
    this._rows.forEach((row, r) => {
      const y = LABEL + r * THUMB;
      c.fillStyle = '#ffffff';
      c.fillText(row.name.slice(0, 20), 4, y + THUMB / 2);
      this._columns.forEach((probe, k) => {
        const thumb = row.frames.get(probe);
        if (!thumb) return;
        const x = THUMB + k * THUMB;
        c.drawImage(thumb, x, y);
        if (row.held.get(probe) === false) {
          c.strokeStyle = '#ff2020';
          c.lineWidth = 3;
          c.strokeRect(x + 1.5, y + 1.5, THUMB - 3, THUMB - 3);
        }
      });
    });
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  }
}
