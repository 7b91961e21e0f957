/** What a benchmark reports: named figures, printed as a table or as JSON lines. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The raw baseline measured in the same run, where the figure is compared to one. */
  baseline?: number;
  /** The bar from DESIGN §6, shown in the table. */
  target?: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function printTable(figures: readonly Figure[]): void {
  const rows = figures.map((f) => [
    f.name,
    String(f.value),
    f.unit,
    f.baseline === undefined ? '' : String(f.baseline),
    f.target ?? '',
  ]);
  const head = ['figure', 'value', 'unit', 'baseline', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ');
  process.stdout.write(`${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
}

export function printJson(figures: readonly Figure[]): void {
  for (const f of figures) {
    process.stdout.write(
      `${JSON.stringify({ name: f.name, value: f.value, unit: f.unit, ...(f.baseline !== undefined ? { baseline: f.baseline } : {}) })}\n`,
    );
  }
}
