/**
 * A chart of today's 24 WIB hours as stacked bars (chart.js, animation off so a live update
 * paints at once), with its accessible name and the same numbers as a visually hidden table
 * for screen readers and tests. Memoised: it redraws only when its numbers or series change,
 * and then in place, before the frame is painted, so the frame that shows the new figures
 * shows the new bars too.
 */
import { memo, useLayoutEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { fillDatasets, HOURS, type Series } from './chart-data';

export type { Series } from './chart-data';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export const HourChart = memo(function HourChart({
  label,
  hourLabel,
  series,
  byHour,
  empty,
}: {
  label: string;
  hourLabel: string;
  series: readonly Series[];
  byHour: readonly Partial<Record<string, number>>[];
  empty: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'>>(null);

  // Before useLayoutEffect below, which fills the chart it makes.
  useLayoutEffect(() => {
    if (!canvas.current) return;
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: HOURS, datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0 } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 10 } } },
      },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    const c = chart.current;
    if (c && fillDatasets(c.data.datasets, series, byHour)) c.update('none');
  }, [series, byHour]);

  const rows = HOURS.flatMap((hour, i) =>
    series.some((s) => (byHour[i]?.[s.key] ?? 0) > 0) ? [{ hour, values: byHour[i] ?? {} }] : [],
  );
  return (
    <figure className="hour-chart">
      <figcaption>{label}</figcaption>
      <div className="hour-chart-canvas">
        <canvas ref={canvas} role="img" aria-label={label} />
      </div>
      {/* A table ignores a 1-pixel width: the wrapper is what hides it. */}
      <div className="visually-hidden">
        <table aria-label={label}>
          <thead>
            <tr>
              <th scope="col">{hourLabel}</th>
              {series.map((s) => (
                <th scope="col" key={s.key}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={series.length + 1}>{empty}</td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={r.hour}>
                  <th scope="row">{r.hour}</th>
                  {series.map((s) => (
                    <td key={s.key}>{r.values[s.key] ?? 0}</td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </figure>
  );
});
