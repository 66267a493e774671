// Collects figures (one flat key each, units in the name), targets and notes, and renders latest.json and the
// markdown table. A figure that could not be measured is recorded as null with a note saying why.
import { round } from './stats.js';

export type Value = number | string | boolean | null;

export interface Target {
  /** The figure the target applies to. */
  key: string;
  op: '<=' | '>=';
  value: number;
  /** Human wording, e.g. "p50 ≤ 2 ms at 1M". */
  text: string;
  /** Also met when this other condition holds (e.g. "≤ 1.3× or ≤ 0.3 ms added"). */
  or?: { key: string; op: '<=' | '>='; value: number };
}

export interface Row {
  section: string;
  label: string;
  key: string;
  /** The physical floor this figure is compared with (same unit). */
  floorKey?: string;
  /** The ratio of figure to floor (or the figure the target is on). */
  ratioKey?: string;
  target?: Target;
}

export interface TargetResult extends Target {
  actual: number | null;
  met: boolean | null;
}

export class Report {
  readonly values: Record<string, Value> = {};
  readonly rows: Row[] = [];
  readonly notes: string[] = [];
  private section = '';

  begin(section: string): void {
    this.section = section;
  }

  set(key: string, value: Value): void {
    this.values[key] = typeof value === 'number' ? round(value) : value;
  }

  get(key: string): number | null {
    const v = this.values[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  }

  /** Records value / floor under `ratioKey` when both exist. */
  ratio(ratioKey: string, key: string, floorKey: string): void {
    const a = this.get(key);
    const b = this.get(floorKey);
    this.set(ratioKey, a != null && b != null && b !== 0 ? a / b : null);
  }

  row(row: Omit<Row, 'section'>): void {
    this.rows.push({ ...row, section: this.section });
  }

  note(text: string): void {
    this.notes.push(text);
  }

  private holds(c: { key: string; op: '<=' | '>='; value: number }): boolean | null {
    const actual = this.get(c.key);
    if (actual == null) return null;
    return c.op === '<=' ? actual <= c.value : actual >= c.value;
  }

  met(t: Target): boolean | null {
    const main = this.holds(t);
    if (main === true || !t.or) return main;
    const alt = this.holds(t.or);
    return alt === true ? true : main;
  }

  targets(): TargetResult[] {
    return this.rows
      .filter((r): r is Row & { target: Target } => r.target !== undefined)
      .map((r) => ({ ...r.target, actual: this.get(r.target.key), met: this.met(r.target) }));
  }

  json(meta: Record<string, Value>): Record<string, unknown> {
    const targets: Record<string, { target: string; actual: number | null; met: boolean | null }> = {};
    for (const t of this.targets()) targets[t.key] = { target: `${t.op} ${t.value}`, actual: t.actual, met: t.met };
    return { ...meta, ...this.values, targets, notes: this.notes };
  }

  markdown(meta: Record<string, Value>): string {
    const fmt = (v: Value | undefined) => (v == null ? '—' : typeof v === 'number' ? String(v) : String(v));
    const lines: string[] = [];
    lines.push(`Machine: ${meta.machine} · Node ${meta.node_version} · commit ${meta.commit} · ${meta.mode} run · ${meta.date} · load average ${meta.load_average_at_start} at start, ${this.values.load_average_at_end ?? '?'} at end`);
    lines.push('');
    lines.push('| section | figure | value | floor | ratio | target | met |');
    lines.push('|---|---|---:|---:|---:|---|:---:|');
    for (const r of this.rows) {
      const t = r.target;
      let met = '';
      if (t) {
        const m = this.met(t);
        met = m == null ? 'n/a' : m ? 'yes' : '**no**';
      }
      lines.push(
        `| ${r.section} | ${r.label} (\`${r.key}\`) | ${fmt(this.values[r.key])} | ${r.floorKey ? fmt(this.values[r.floorKey]) : ''} | ${r.ratioKey ? fmt(this.values[r.ratioKey]) : ''} | ${t ? t.text : ''} | ${met} |`,
      );
    }
    if (this.notes.length) {
      lines.push('');
      for (const n of this.notes) lines.push(`- ${n}`);
    }
    return lines.join('\n') + '\n';
  }
}

/** `1m`, `100k`, `20k`, `500` — the size suffix of keys. */
export function sizeLabel(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}m`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}k`;
  return String(n);
}
