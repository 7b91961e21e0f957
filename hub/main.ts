/**
 * `npm run hub -- --port P --data DIR --tokens FILE [--host H --tls-cert F --tls-key F]`
 * `npm run hub -- --port P --store postgres://… --tokens FILE …` keeps the record in
 * PostgreSQL instead of --data's SQLite file; several hubs may share one database.
 * Binds loopback unless --host is given, and then requires TLS. Serves the OPD inbox page
 * at `/` (out/inbox, built first when missing, or `--inbox DIR`). Prints
 * "hub listening on URL" when ready; SIGTERM and SIGINT stop it cleanly.
 * `npm run hub -- backup FILE --data DIR [--force]` copies a (running) hub's store.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DemoAccountsFile } from '../shared/domain/account';
import type { BlockRules } from '../shared/domain/blocks';
import { CalendarFile, workingCalendar, type WorkingCalendar } from '../shared/domain/clocks';
import { alarmClocksFor } from '../shared/domain/call-alarm';
import { CategoriesFile, OpdsFile, type Opd } from '../shared/domain/reference';
import { readBlocksAndRetention } from '../shared/domain/screening-file';
import { isLoopbackHost } from '../shared/hub/url';
import { LOG_LEVEL_ENV, configuredLogger } from '../shared/log';
import { BackupError, backupHubStore } from './backup';
import type { DashboardRoster } from './dashboard-feed';
import { InboxBuildError, ensureInboxBuilt, inboxIsBuilt } from './inbox-build';
import { hashPassword } from './password';
import { startHub } from './server';
import { hubClockFromEnv } from './test-clock';
import { TokensFileError, loadTokens } from './tokens';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The OPD roster (DESIGN §5: OPD ids are the roster's ids in resources). */
function loadRoster(file: string): Opd[] {
  const parsed = OpdsFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    usage(`OPD roster ${file} is invalid: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data.opds;
}

/** Each category's resolve target and clocks, for the dashboard's at-risk and breached counts. */
function loadCategoryClocks(file: string): Pick<DashboardRoster, 'resolveTargets' | 'rulesFor'> {
  const parsed = CategoriesFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) usage(`${file} is invalid: ${parsed.error.issues[0]?.message ?? ''}`);
  const { categories, atRiskShare } = parsed.data;
  return {
    resolveTargets: new Map(
      categories.flatMap((c) => (c.resolveTargetMin ? [[c.id, c.resolveTargetMin]] : [])),
    ),
    rulesFor: alarmClocksFor(categories, atRiskShare).rulesFor,
  };
}

/** The automatic soft-block rule (resources/data/screening.json, key `blocks`). */
function loadBlockRules(file: string): BlockRules {
  const read = readBlocksAndRetention(fs.readFileSync(file, 'utf8'));
  if (!read.ok) usage(`${file}: ${read.message}`);
  return read.value.blocks;
}

/** The holiday calendar resolved cases close by (10 working days). */
function loadCalendar(file: string): WorkingCalendar {
  const parsed = CalendarFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) usage(`${file} is invalid: ${parsed.error.issues[0]?.message ?? ''}`);
  return workingCalendar(parsed.data);
}

/** `--store`: sqlite (the default, in --data) or a PostgreSQL connection URL. */
function storeUrl(store: string | undefined): string | undefined {
  if (store === undefined || store === 'sqlite') return undefined;
  if (/^postgres(ql)?:\/\//.test(store)) return store;
  return usage(`--store must be sqlite or a postgres://… URL, not ${JSON.stringify(store)}`);
}

function usage(problem: string): never {
  process.stderr.write(
    `hub: ${problem}\nusage: npm run hub -- --port P (--data DIR | --store postgres://…) --tokens FILE [--host H --tls-cert F --tls-key F] [--opds FILE] [--inbox DIR] [--demo-accounts FILE]\n`,
  );
  process.exit(2);
}

async function backup(args: string[]): Promise<void> {
  const fail = (problem: string): never => {
    process.stderr.write(
      `hub backup: ${problem}\nusage: npm run hub -- backup FILE --data DIR [--force]\n`,
    );
    process.exit(2);
  };
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        data: { type: 'string' },
        store: { type: 'string' },
        force: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.store !== undefined && values.store !== 'sqlite') {
    // PostgreSQL's own backups are consistent, restorable to a moment, and what its
    // administrators know: the hub copies nothing itself, and says what to use instead.
    if (!/^postgres(ql)?:\/\//.test(values.store)) {
      fail(`--store must be sqlite or a postgres://… URL, not ${JSON.stringify(values.store)}`);
    }
    fail(
      "a PostgreSQL record is backed up with PostgreSQL's own tools, not by the hub: " +
        'pg_dump -Fc for a copy, or a base backup (pg_basebackup) with WAL archiving for ' +
        'a restore to any moment; see docs/DEPLOY.md',
    );
  }
  if (positionals.length !== 1) fail('name one FILE to write the copy to');
  if (!values.data) fail("--data DIR (the hub's data folder) is required");
  try {
    const r = await backupHubStore(values.data!, positionals[0]!, { force: Boolean(values.force) });
    process.stdout.write(
      `hub backup: wrote ${r.file} (${r.bytes} bytes, ${r.events} events up to seq ${r.lastSeq}; integrity ok)\n`,
    );
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    process.stderr.write(`hub backup: ${error.message}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'backup') return backup(process.argv.slice(3));
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      store: { type: 'string' },
      tokens: { type: 'string' },
      host: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      opds: { type: 'string' },
      inbox: { type: 'string' },
      'demo-accounts': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port ?? 'missing');
  if (!Number.isInteger(port) || port < 0 || port > 65535) usage('--port must be 0–65535');
  const postgresUrl = storeUrl(values.store);
  if (!values.data && !postgresUrl) usage('--data DIR is required (or --store postgres://…)');
  if (!values.tokens) usage('--tokens FILE is required');
  const host = values.host ?? '127.0.0.1';
  const wantsTls = Boolean(values['tls-cert'] || values['tls-key']);
  if (wantsTls && !(values['tls-cert'] && values['tls-key']))
    usage('--tls-cert and --tls-key go together');
  if (!isLoopbackHost(host) && !wantsTls) {
    usage(`binding ${host} beyond loopback requires --tls-cert and --tls-key`);
  }

  const log = configuredLogger(
    'hub',
    (line) => process.stderr.write(`${line}\n`),
    process.env[LOG_LEVEL_ENV],
  );
  let tokens;
  try {
    tokens = loadTokens(values.tokens);
  } catch (error) {
    if (error instanceof TokensFileError) usage(error.message);
    throw error;
  }
  const tls = wantsTls
    ? { cert: fs.readFileSync(values['tls-cert']!), key: fs.readFileSync(values['tls-key']!) }
    : undefined;

  const inboxDir = path.resolve(values.inbox ?? path.join(repoRoot, 'out', 'inbox'));
  if (values.inbox) {
    if (!inboxIsBuilt(inboxDir)) usage(`--inbox ${inboxDir} has no index.html`);
  } else {
    try {
      await ensureInboxBuilt(repoRoot, inboxDir, (line) => process.stderr.write(`hub: ${line}\n`));
    } catch (error) {
      if (error instanceof InboxBuildError) usage(error.message);
      throw error;
    }
  }

  const roster = loadRoster(values.opds ?? path.join(repoRoot, 'resources', 'data', 'opds.json'));
  const opdIds = new Set(roster.map((o) => o.id));
  const testClock = hubClockFromEnv(process.env, log);
  const hub = await startHub({
    port,
    host,
    ...(values.data ? { dataDir: path.resolve(values.data) } : {}),
    postgresUrl,
    tokens,
    log,
    tls,
    opdIds,
    blockRules: loadBlockRules(path.join(repoRoot, 'resources', 'data', 'screening.json')),
    inboxDir,
    dashboard: {
      opds: roster,
      ...loadCategoryClocks(path.join(repoRoot, 'resources', 'data', 'categories.json')),
    },
    calendar: loadCalendar(path.join(repoRoot, 'resources', 'data', 'calendar.json')),
    now: testClock,
    // A test moves the clock by days at once: it should not wait a minute to see the close.
    autoCloseEveryMs: testClock ? 500 : undefined,
    demoAccounts: values['demo-accounts']
      ? await readDemoAccounts(values['demo-accounts'])
      : undefined,
  });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    void hub.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // Started by a launcher: do not outlive it.
  process.on('disconnect', () => stop('launcher gone'));
  // Only now: whoever waits for this line may send SIGTERM at once, and must get a clean stop.
  process.stdout.write(`hub listening on ${hub.url}\n`);
}

/** Demo accounts to make on a hub with none (tests, `npm start -- --demo`), hashed. */
async function readDemoAccounts(file: string) {
  let parsed;
  try {
    parsed = DemoAccountsFile.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    usage(`--demo-accounts ${file} is not a demo accounts file: ${(error as Error).message}`);
  }
  return Promise.all(
    parsed.accounts.map(async ({ password, ...a }) => ({
      ...a,
      passwordHash: await hashPassword(password),
    })),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`hub: ${(error as Error).message}\n`);
  process.exit(1);
});
