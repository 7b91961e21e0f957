/**
 * `npm run bench -- [--json] [--only GROUP]`: runs the benchmarks and prints their
 * figures, as a table or one JSON object per line. GROUP is a figure name's first part.
 */
import { parseArgs } from 'node:util';
import { printJson, printTable, type Figure } from './lib/figures';
import { queryBench } from './query';
import { saveBench } from './save';
import { scrollBench } from './scroll';

const GROUPS: Record<string, () => Promise<Figure[]>> = {
  save: saveBench,
  query: queryBench,
  queue: scrollBench,
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean' }, only: { type: 'string' } },
  });
  const only = values.only;
  if (only && !GROUPS[only]) {
    process.stderr.write(
      `bench: unknown group "${only}" (groups: ${Object.keys(GROUPS).join(', ')})\n`,
    );
    process.exit(2);
  }
  const figures: Figure[] = [];
  for (const [name, run] of Object.entries(GROUPS)) {
    if (only && name !== only) continue;
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
