/**
 * `npm start [-- --browser] [-- --demo]`: builds when needed, starts the embedded hub (unless
 * SIGAP_HUB_URL is set) and the console: the desktop window when Electron and its
 * better-sqlite3 build are here (or can be fetched once), else the browser host, printing
 * where to open it and why. Children are supervised: the hub and browser host restart if
 * they die, the desktop window reopens if it crashes. `--demo` (or SIGAP_DEMO=1) makes demo
 * accounts and prints their passwords; without it a new center's first start asks for its
 * first supervisor account.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LOG_LEVEL_ENV, configuredLogger } from '../shared/log';
import { demoMode, readSettings } from '../electron/core/config';
import { files } from '../electron/core/private-files';
import { build, buildIsStale } from '../electron/launch/build';
import { startConsoleHost } from '../electron/launch/console-host';
import { startDesktopApp } from '../electron/launch/desktop-app';
import { startEmbeddedHub, type EmbeddedHub } from '../electron/launch/embedded-hub';
import { freePort } from '../electron/launch/free-port';
import { dataPaths, repoRoot } from '../electron/launch/paths';
import { chooseShell } from '../electron/launch/shell-choice';
import { newKey } from '../electron/host/security';
import { demoAccountsFile, type DemoAccount } from '../electron/core/auth/demo-accounts';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  // Children (console host, desktop window) read demo mode from the environment.
  if (process.argv.includes('--demo')) process.env.SIGAP_DEMO = '1';
  const demo = demoMode();
  const settings = readSettings();
  const log = configuredLogger(
    'launcher',
    (line) => process.stderr.write(`${line}\n`),
    process.env[LOG_LEVEL_ENV],
  );
  files.dir(settings.dataDir); // callers' data: private to this OS user

  if (buildIsStale()) {
    say('Building the console UI…');
    build();
  }
  const shell = await chooseShell({
    root: repoRoot,
    dataDir: settings.dataDir,
    forceBrowser: process.argv.includes('--browser'),
    say,
  });

  let hub: EmbeddedHub | undefined;
  let hubUrl = settings.hubUrl;
  let hubToken = settings.hubToken;
  if (!hubUrl) {
    hub = await startEmbeddedHub(settings.dataDir, log, demo);
    hubUrl = hub.url;
    hubToken = hub.deskToken;
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    version: string;
  };

  let browserReason = shell.kind === 'browser' ? shell.reason : '';
  if (shell.kind === 'desktop') {
    const desktop = await startDesktopApp({
      electronBinary: shell.electronBinary,
      appDir: repoRoot,
      dataDir: settings.dataDir,
      nativeBinding: shell.nativeBinding,
      hubUrl,
      hubToken,
      log,
    });
    if (desktop.ok) {
      say('');
      say(`Sigap ${version} is running.`);
      say(`  Desktop:  window open (Electron ${shell.electronVersion})`);
      say(`  Hub:      ${hubUrl}${hub ? ' (embedded, restarts on its own)' : ''}`);
      say(inboxLine(hubUrl, hub ? settings.dataDir : undefined));
      say(`  Data:     ${settings.dataDir}`);
      printDemoAccounts(settings.dataDir, demo);
      say('Close the window or press Ctrl+C to stop.');
      // Closing the window ends the run; Ctrl+C closes the window (main closes the store)
      // and the hub together, so neither is restarted on its way down.
      let stopping = false;
      const stopAll = async (code: number): Promise<void> => {
        if (stopping) return;
        stopping = true;
        await Promise.all([desktop.app.stop(), hub?.stop()]);
        process.exit(code);
      };
      void desktop.app.closed.then(stopAll);
      process.on('SIGINT', () => void stopAll(0));
      process.on('SIGTERM', () => void stopAll(0));
      return;
    }
    browserReason = desktop.reason;
  }

  const port = settings.port || (await freePort());
  const host = await startConsoleHost({
    dataDir: settings.dataDir,
    port,
    key: newKey(),
    hubUrl,
    hubToken,
    log,
  });

  say('');
  say(`Sigap ${version} is running.`);
  say(`  Console:  ${host.url}`);
  say(`  Hub:      ${hubUrl}${hub ? ' (embedded, restarts on its own)' : ''}`);
  say(inboxLine(hubUrl, hub ? settings.dataDir : undefined));
  say(`  Data:     ${settings.dataDir}`);
  say(`  Browser host: ${browserReason}; open the console address in Chromium, Chrome or Firefox.`);
  printDemoAccounts(settings.dataDir, demo);
  say('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void Promise.all([host.stop(), hub?.stop()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Where OPD clerks open their inbox (served by the hub), and where their tokens are. */
function inboxLine(hubUrl: string, embeddedDataDir: string | undefined): string {
  const tokens = embeddedDataDir
    ? `one OPD token per agency in ${dataPaths(embeddedDataDir).hubTokens}`
    : "OPD tokens are in that hub's tokens file";
  // SIGAP_HUB_URL may list several hub nodes; each serves the inbox. A bad list is the
  // console's to report (its status bar shows the hub refused), not a crash here.
  const nodes = hubUrl.split(',').map((node) => node.trim());
  const first = nodes[0] ?? '';
  const inbox = URL.canParse(first) ? new URL('/', first).href : first;
  const others = nodes.length > 1 ? ', or the same path on any other hub node' : '';
  return `  Inbox:    ${inbox}${others} (OPD inbox; ${tokens})`;
}

function printDemoAccounts(dataDir: string, demoOn: boolean): void {
  const demo = demoAccountsFile(dataDir);
  if (!demoOn) {
    say('  Accounts: a new center asks for its first supervisor account in the console;');
    say('            `npm start -- --demo` makes demo accounts instead, for trying Sigap.');
  } else if (fs.existsSync(demo)) {
    const { accounts } = JSON.parse(fs.readFileSync(demo, 'utf8')) as { accounts: DemoAccount[] };
    say('  DEMO MODE. Sign in with a demo account (never for real use):');
    for (const a of accounts)
      say(`    ${a.role.padEnd(10)} username: ${a.username.padEnd(11)} password: ${a.password}`);
    say(`    (kept in ${demo})`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`sigap: ${(error as Error).message}\n`);
  process.exit(1);
});
