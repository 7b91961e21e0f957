import { describe, expect, it } from 'vitest';
import { fillDatasets, type Series } from './chart-data';

const series: Series[] = [
  { key: 'prank', label: 'Iseng', color: '#b3261e' },
  { key: 'silent', label: 'Diam', color: '#8a5a00' },
];
const hours = (values: Record<number, Partial<Record<string, number>>>) =>
  Array.from({ length: 24 }, (_, h) => values[h] ?? {});

describe('fillDatasets: the hour chart changes only the bars that changed', () => {
  it('fills an empty chart, then changes one bar in place and says so', () => {
    const datasets: Array<{ label?: string; backgroundColor?: unknown; data: unknown[] }> = [];
    expect(fillDatasets(datasets, series, hours({ 9: { prank: 2 } }))).toBe(true);
    expect(datasets.map((d) => d.label)).toEqual(['Iseng', 'Diam']);
    expect(datasets[0]!.data[9]).toBe(2);
    expect(datasets[1]!.data).toEqual(Array(24).fill(0));

    const [prank, silent] = datasets;
    const prankData = prank!.data;
    expect(fillDatasets(datasets, series, hours({ 9: { prank: 3 }, 10: { silent: 1 } }))).toBe(
      true,
    );
    // The same datasets and arrays, with the new numbers: chart.js keeps its caches for them.
    expect(datasets[0]).toBe(prank);
    expect(datasets[1]).toBe(silent);
    expect(datasets[0]!.data).toBe(prankData);
    expect(datasets[0]!.data[9]).toBe(3);
    expect(datasets[1]!.data[10]).toBe(1);
  });

  it('the same numbers change nothing, so the chart is not redrawn', () => {
    const datasets: Array<{ label?: string; backgroundColor?: unknown; data: unknown[] }> = [];
    fillDatasets(datasets, series, hours({ 9: { prank: 2 } }));
    expect(fillDatasets(datasets, series, hours({ 9: { prank: 2 } }))).toBe(false);
  });

  it('a series renamed (language) or dropped is replaced or removed', () => {
    const datasets: Array<{ label?: string; backgroundColor?: unknown; data: unknown[] }> = [];
    fillDatasets(datasets, series, hours({}));
    const english = [{ ...series[0]!, label: 'Prank' }];
    expect(fillDatasets(datasets, english, hours({ 1: { prank: 4 } }))).toBe(true);
    expect(datasets).toHaveLength(1);
    expect(datasets[0]!.label).toBe('Prank');
    expect(datasets[0]!.data[1]).toBe(4);
  });
});
