/**
 * `npm run bench -- [--json] [--quick] [--only GROUP] [GROUP…]`: runs the benchmarks and
 * prints their figures, as a table or one JSON object per line. GROUP is a figure name's
 * first part; `--only dispatch` and `npm run bench -- dispatch outage` both pick groups.
 * `--quick` runs the benchmarks that offer it at a small size, to show they run.
 */
import { parseArgs } from 'node:util';
import { printJson, printTable, type Figure } from './lib/figures';
import { dashboardBench } from './dashboard';
import { dispatchBench } from './dispatch';
import { duplicatesBench } from './duplicates';
import { exportBench } from './export';
import { hubBench } from './hub';
import { outageBench } from './outage';
import { queryBench } from './query';
import { reportBench } from './report';
import { saveBench } from './save';
import { screeningBench } from './screening';
import { scrollBench } from './scroll';

const GROUPS: Record<string, () => Promise<Figure[]>> = {
  save: saveBench,
  query: queryBench,
  queue: scrollBench,
  dispatch: dispatchBench,
  hub: hubBench,
  outage: outageBench,
  screening: async () => [...(await screeningBench()), ...(await duplicatesBench())],
  export: exportBench,
  dashboard: () => dashboardBench(quick),
  report: reportBench,
};
let quick = false;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { json: { type: 'boolean' }, quick: { type: 'boolean' }, only: { type: 'string' } },
    allowPositionals: true,
  });
  quick = values.quick ?? false;
  const only = [...(values.only ? [values.only] : []), ...positionals];
  const unknown = only.find((g) => !Object.hasOwn(GROUPS, g));
  if (unknown !== undefined) {
    process.stderr.write(
      `bench: unknown group "${unknown}" (groups: ${Object.keys(GROUPS).join(', ')})\n`,
    );
    process.exit(2);
  }
  const figures: Figure[] = [];
  for (const [name, run] of Object.entries(GROUPS)) {
    if (only.length > 0 && !only.includes(name)) continue;
    if (!values.json) process.stderr.write(`bench: ${name}…\n`);
    figures.push(...(await run()));
  }
  if (values.json) printJson(figures);
  else printTable(figures);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
