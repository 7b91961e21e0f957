/**
 * `npm run eval:screening -- FILE.jsonl [--json]`: replays a labeled call log through the
 * console's screening and prints how well it flagged pranks without flagging or hiding
 * genuine callers (docs/SCREENING-EVAL.md).
 * `npm run eval:screening -- --generate OUT.jsonl [--days 30] [--seed N]` writes a seeded log.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { printJson, printTable, round, type Figure } from './lib/figures';
import { scoreEval, type EvalFigures } from '../shared/domain/screening/eval-figures';
import { parseEvalLog } from '../shared/domain/screening/eval-log';
import { generateLog } from './screening-eval/generate';
import { replayLog } from './screening-eval/replay';

const USAGE =
  'usage: npm run eval:screening -- FILE.jsonl [--json]\n' +
  '       npm run eval:screening -- --generate OUT.jsonl [--days 30] [--seed N]\n';

function fail(message: string): never {
  process.stderr.write(`eval:screening: ${message}\n${USAGE}`);
  process.exit(2);
}

function positiveInt(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 3650)
    fail(`--${name} must be a whole number from 1 to 3650`);
  return n;
}

export function figuresOf(f: EvalFigures): Figure[] {
  return [
    { name: 'screening.flagged', value: f.flagged, unit: 'calls' },
    { name: 'screening.precision', value: round(f.precision, 4), unit: 'ratio', target: '≥ 0.9' },
    {
      name: 'screening.recall_repeat',
      value: round(f.recall_repeat, 4),
      unit: 'ratio',
      target: '≥ 0.9',
    },
    { name: 'screening.genuine_flagged', value: f.genuine_flagged, unit: 'calls' },
    {
      name: 'screening.genuine_flagged_rate',
      value: round(f.genuine_flagged_rate, 4),
      unit: 'ratio',
      target: '≤ 0.01',
    },
    { name: 'screening.genuine_hidden', value: f.genuine_hidden, unit: 'calls', target: '0' },
  ];
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        json: { type: 'boolean' },
        generate: { type: 'string' },
        days: { type: 'string' },
        seed: { type: 'string' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const { values, positionals } = parsed;

  if (values.generate !== undefined) {
    if (positionals.length > 0) fail('--generate writes a log; give no log to replay with it');
    const days = positiveInt(values.days, 'days', 30);
    const seed = positiveInt(values.seed, 'seed', 1);
    const lines = generateLog({ days, seed });
    fs.writeFileSync(values.generate, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    process.stderr.write(
      `eval:screening: wrote ${lines.length} calls over ${days} days (seed ${seed}) to ${values.generate}\n`,
    );
    return;
  }

  if (positionals.length !== 1) fail('give exactly one log file');
  const file = positionals[0]!;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const log = parseEvalLog(text);
  if (!log.ok) fail(`${file}: ${log.error}`);

  const started = performance.now();
  const outcomes = await replayLog(log.calls, {
    progress: (done, total) => {
      if (!values.json && done % 500 === 0)
        process.stderr.write(`eval:screening: ${done}/${total} calls\n`);
    },
  });
  const f = scoreEval(outcomes);
  const figures = figuresOf(f);
  if (values.json) {
    printJson(figures);
    return;
  }
  printTable(figures);
  process.stdout.write(
    `\n${f.calls} calls (${f.genuine} genuine, ${f.repeat_pranks} repeat pranks) replayed in ` +
      `${round((performance.now() - started) / 1000, 1)} s\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`eval:screening: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
