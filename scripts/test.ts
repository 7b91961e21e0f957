/**
 * `npm test`: every check in order — browser provisioning (first, so a missing browser
 * is reported in seconds), type check, lint, build, unit + integration (Vitest), browser
 * e2e (Playwright), desktop e2e (Playwright `_electron`; skipped, with the reason, where no
 * Electron binary exists). Ends with one line: "tests: N passed, N failed, N skipped".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../electron/launch/paths';
import { provisionChromium } from './chromium';

const results = path.join(repoRoot, 'test-results');
const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);
const say = (line: string) => process.stdout.write(`${line}\n`);

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const stages: string[] = [];

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  say(`\n── ${name} ──`);
  const started = Date.now();
  const r = spawnSync(command, args, {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const ok = r.status === 0;
  stages.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function check(name: string, command: string, args: string[]): void {
  if (!run(name, command, args)) total.failed += 1;
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; skipped: number; flaky: number };
  suites?: PlaywrightSuite[];
}
interface PlaywrightSuite {
  suites?: PlaywrightSuite[];
  specs?: Array<{ tests: Array<{ annotations?: Array<{ type: string; description?: string }> }> }>;
}

function skipReasons(suites: PlaywrightSuite[] = []): string[] {
  return suites.flatMap((suite) => [
    ...skipReasons(suite.suites),
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests.flatMap((t) =>
        (t.annotations ?? []).filter((a) => a.type === 'skip').map((a) => a.description ?? ''),
      ),
    ),
  ]);
}

/** Runs a Playwright config and adds its JSON report's counts to the total. */
function playwright(name: string, args: string[], report: string, wrap: string[] = []): void {
  const [command, ...rest] = [...wrap, bin('playwright'), ...args];
  const ok = run(name, command!, rest);
  const e = readJson<PlaywrightReport>(path.join(results, report));
  if (!e) {
    total.failed += 1;
    return;
  }
  total.passed += e.stats.expected + e.stats.flaky;
  // A suite that cannot even load (a failed import) has no failed test but fails the run.
  total.failed += e.stats.unexpected > 0 || ok ? e.stats.unexpected : 1;
  total.skipped += e.stats.skipped;
  // Said again in the summary, so a skipped stage never reads like a passed one.
  for (const reason of new Set(skipReasons(e.suites))) {
    say(`skipped: ${reason}`);
    stages.push(`     ${e.stats.skipped} skipped: ${reason}`);
  }
}

/** Electron needs a display: a virtual one when this machine has none. */
function displayWrapper(): string[] {
  if (process.platform !== 'linux' || process.env.DISPLAY) return [];
  const xvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' });
  return xvfb.status === 0 ? ['xvfb-run', '-a'] : [];
}

function main(): void {
  fs.rmSync(results, { recursive: true, force: true });
  fs.mkdirSync(results, { recursive: true });

  let chromium: string;
  try {
    chromium = provisionChromium(say);
  } catch (error) {
    say(`npm test: ${(error as Error).message}`);
    process.exit(1);
  }
  say(`Browser for e2e tests: ${chromium}`);
  process.env.CHROMIUM_PATH = chromium;

  check('type check (shared)', bin('tsc'), ['-p', 'tsconfig.shared.json']);
  check('type check (node)', bin('tsc'), ['-p', 'tsconfig.node.json']);
  check('type check (web)', bin('tsc'), ['-p', 'tsconfig.web.json']);
  check('lint', bin('eslint'), ['--max-warnings', '0', '.']);
  check('format', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
  const built =
    run('build', bin('electron-vite'), ['build']) &&
    run('build (OPD inbox page)', bin('vite'), ['build', '-c', 'inbox.vite.config.ts']);
  if (!built) total.failed += 1;

  const vitestJson = path.join(results, 'vitest.json');
  run('unit + integration', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ]);
  const v = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    success: boolean;
  }>(vitestJson);
  if (v) {
    total.passed += v.numPassedTests;
    total.failed += v.numFailedTests + (v.success || v.numFailedTests > 0 ? 0 : 1);
    total.skipped += v.numPendingTests + v.numTodoTests;
  } else total.failed += 1;

  if (built) {
    playwright('browser e2e (Chromium)', ['test'], 'e2e.json');
    playwright(
      'desktop e2e (Electron)',
      ['test', '-c', 'playwright.electron.config.ts'],
      'electron.json',
      displayWrapper(),
    );
  } else {
    stages.push('skip browser and desktop e2e (build failed)');
  }

  say('\n── summary ──');
  for (const s of stages) say(s);
  say(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(total.failed > 0 ? 1 : 0);
}

main();
