/**
 * `npm start`: builds when needed, starts the embedded hub (unless SIGAP_HUB_URL is set)
 * and the console's browser host, and prints where to open it. Both children are
 * supervised: if one dies it is restarted, and the console keeps its address.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '../shared/log';
import { readSettings } from '../electron/core/config';
import { build, buildIsStale } from '../electron/launch/build';
import { startConsoleHost } from '../electron/launch/console-host';
import { startEmbeddedHub, type EmbeddedHub } from '../electron/launch/embedded-hub';
import { freePort } from '../electron/launch/free-port';
import { repoRoot } from '../electron/launch/paths';
import { newKey } from '../electron/host/security';

const say = (line: string) => process.stdout.write(`${line}\n`);

function desktopUnavailableReason(): string {
  const dist = path.join(repoRoot, 'node_modules', 'electron', 'dist');
  return fs.existsSync(dist)
    ? 'the desktop window is not wired up in this build yet'
    : 'no Electron binary is installed on this machine';
}

async function main(): Promise<void> {
  const settings = readSettings();
  const log = createLogger('launcher', (line) => process.stderr.write(`${line}\n`));
  fs.mkdirSync(settings.dataDir, { recursive: true });

  if (buildIsStale()) {
    say('Building the console UI…');
    build();
  }

  let hub: EmbeddedHub | undefined;
  let hubUrl = settings.hubUrl;
  let hubToken = settings.hubToken;
  if (!hubUrl) {
    hub = await startEmbeddedHub(settings.dataDir, log);
    hubUrl = hub.url;
    hubToken = hub.deskToken;
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

  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  say('');
  say(`Sigap ${version} is running.`);
  say(`  Console:  ${host.url}`);
  say(`  Hub:      ${hubUrl}${hub ? ' (embedded, restarts on its own)' : ''}`);
  say(`  Data:     ${settings.dataDir}`);
  say(
    `  Browser host: ${desktopUnavailableReason()}; open the console address in Chromium, Chrome or Firefox.`,
  );
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

main().catch((error: unknown) => {
  process.stderr.write(`sigap: ${(error as Error).message}\n`);
  process.exit(1);
});
