import { cpus } from 'node:os';

/** One line of the final table. `value` is already formatted; `ratio` is against `reference`. */
export interface Row {
  section: string;
  measure: string;
  value: string;
  ratio?: string;
  goal?: string;
  note?: string;
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const i = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[i] ?? Number.NaN;
}

export const ms = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`);
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a');
export const perSecond = (n: number, seconds: number, unit: string) =>
  `${(n / seconds).toFixed(n / seconds >= 100 ? 0 : 1)} ${unit}/s`;

/** A section that could not run (a missing piece, a service that is down) is a row, not a crash. */
export function notAvailable(section: string, measure: string, reason: string): Row {
  return { section, measure, value: `n/a (${reason})` };
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'unknown cpu'}, ${cpu.length} cores, Node ${process.version}, ${process.platform}/${process.arch}`;
}

/** The one markdown table the benchmark prints. */
export function renderTable(rows: Row[], header: string): string {
  const cells = (r: Row) => [r.section, r.measure, r.value, r.ratio ?? '', r.goal ?? '', r.note ?? ''];
  const head = ['section', 'measure', 'value', 'ratio', 'goal', 'note'];
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    header,
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`),
  ];
  return lines.join('\n');
}
