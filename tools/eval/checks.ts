/** One figure of a probe and whether it held. A figure with no limit is reported for information. */
export interface Check {
  figure: string;
  value: number;
  /** 'min': value must be ≥ limit; 'max': value must be ≤ limit. */
  kind: 'min' | 'max' | 'info';
  limit: number | null;
  held: boolean;
}

const ROUND = 1e4;
const round = (v: number) => (Number.isFinite(v) ? Math.round(v * ROUND) / ROUND : v);

export class CheckList {
  readonly checks: Check[] = [];

  atLeast(figure: string, value: number, limit: number): this {
    this.checks.push({ figure, value: round(value), kind: 'min', limit, held: value >= limit });
    return this;
  }

  atMost(figure: string, value: number, limit: number): this {
    this.checks.push({ figure, value: round(value), kind: 'max', limit, held: value <= limit });
    return this;
  }

  info(figure: string, value: number): this {
    this.checks.push({ figure, value: round(value), kind: 'info', limit: null, held: true });
    return this;
  }

  get held(): boolean {
    return this.checks.every((c) => c.held);
  }
}
