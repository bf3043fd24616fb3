// The benchmark's picture: whole cost and main-thread time per frame against the number of portraits, drawn on a canvas.

/** The fields of a case the plot reads. */
export interface PlotCase {
  generator: string;
  portraits: number;
  sizePx: number;
  mainThreadMs: { p50: number; p95: number };
  wholeCostMs: number | null;
}

const WIDTH = 1200;
const HEIGHT = 520;
const MARGIN = 60;
const PANEL_GAP = 80;
const COLORS: Record<string, string> = { warp: '#2e86de', video: '#e1701a', onnx: '#27ae60' };
const DASHES: Record<number, number[]> = { 256: [2, 4], 512: [], 1024: [10, 5] };

/** Two panels (whole cost, main-thread p50), x = portraits on a linear scale (linear growth reads as a straight line); returns a PNG data URL. */
export function drawBenchPlot(cases: readonly PlotCase[], title: string): string {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('drawBenchPlot: no 2D canvas context.');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, WIDTH, HEIGHT);
  g.fillStyle = '#000';
  g.font = '16px sans-serif';
  g.fillText(title, MARGIN, 24);
  const panelWidth = (WIDTH - 2 * MARGIN - PANEL_GAP) / 2;
  panel(g, cases, MARGIN, panelWidth, 'whole cost, CPU ms per frame (all browser processes, minus empty scene)', (c) => c.wholeCostMs);
  panel(g, cases, MARGIN + panelWidth + PANEL_GAP, panelWidth, 'main-thread ms per frame, p50', (c) => c.mainThreadMs.p50);
  return canvas.toDataURL('image/png');
}

function panel(g: CanvasRenderingContext2D, cases: readonly PlotCase[], left: number, width: number, label: string, value: (c: PlotCase) => number | null): void {
  const top = 60;
  const height = HEIGHT - top - MARGIN - 30;
  const counts = [...new Set(cases.map((c) => c.portraits))].sort((a, b) => a - b);
  const maxY = Math.max(1e-3, ...cases.map((c) => value(c) ?? 0)) * 1.1;
  const maxX = Math.max(...counts, 1);
  const x = (n: number) => left + (n / maxX) * width;
  const y = (v: number) => top + height - (Math.max(0, v) / maxY) * height;
  g.strokeStyle = '#000';
  g.lineWidth = 1;
  g.setLineDash([]);
  g.strokeRect(left, top, width, height);
  g.fillStyle = '#000';
  g.font = '13px sans-serif';
  g.fillText(label, left, top - 8);
  for (const n of counts) g.fillText(String(n), x(n) - 6, top + height + 16);
  g.fillText('portraits', left + width / 2 - 25, top + height + 34);
  for (let k = 0; k <= 4; k++) g.fillText((maxY * k / 4).toFixed(2), left - 48, y(maxY * k / 4) + 4);
  const series = new Map<string, PlotCase[]>();
  for (const c of cases) {
    const key = `${c.generator} ${c.sizePx}`;
    if (!series.has(key)) series.set(key, []);
    series.get(key)!.push(c);
  }
  let legend = 0;
  for (const [key, list] of series) {
    const points = list.filter((c) => value(c) !== null).sort((a, b) => a.portraits - b.portraits);
    if (points.length === 0) continue;
    g.strokeStyle = COLORS[points[0].generator] ?? '#555';
    g.setLineDash(DASHES[points[0].sizePx] ?? []);
    g.lineWidth = 2;
    g.beginPath();
    points.forEach((c, i) => (i === 0 ? g.moveTo(x(c.portraits), y(value(c)!)) : g.lineTo(x(c.portraits), y(value(c)!))));
    g.stroke();
    const ly = top + 14 + 16 * legend++;
    g.beginPath();
    g.moveTo(left + 10, ly);
    g.lineTo(left + 40, ly);
    g.stroke();
    g.fillStyle = g.strokeStyle;
    g.fillText(`${key} px`, left + 46, ly + 4);
  }
}
