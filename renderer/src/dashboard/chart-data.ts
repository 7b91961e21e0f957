/** The numbers behind an hour chart, brought up to date in place (chart.js keeps its caches). */

export interface Series {
  key: string;
  label: string;
  color: string;
}

export const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

type Dataset = { label?: string; backgroundColor?: unknown; data: unknown[] };

/**
 * Brings the chart's datasets to `series` × `byHour`, changing only what differs (chart.js
 * then keeps its cached options for the rest); false when nothing did.
 */
export function fillDatasets(
  datasets: Dataset[],
  series: readonly Series[],
  byHour: readonly Partial<Record<string, number>>[],
): boolean {
  let changed = datasets.length !== series.length;
  datasets.length = series.length;
  series.forEach((s, i) => {
    const values = HOURS.map((_, h) => byHour[h]?.[s.key] ?? 0);
    const d = datasets[i];
    if (!d || d.label !== s.label || d.backgroundColor !== s.color) {
      datasets[i] = { label: s.label, backgroundColor: s.color, data: values };
      changed = true;
      return;
    }
    values.forEach((v, h) => {
      if (d.data[h] === v) return;
      d.data[h] = v;
      changed = true;
    });
    if (d.data.length !== values.length) {
      d.data.length = values.length;
      changed = true;
    }
  });
  return changed;
}
