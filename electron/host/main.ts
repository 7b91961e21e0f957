/**
 * Process entry of the browser host: opens core, serves the console on loopback and
 * reports its address (to the launcher over IPC when forked, and on stdout).
 * SIGAP_HOST_KEY lets a supervising launcher keep one key across restarts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOG_LEVEL_ENV, configuredLogger } from '../../shared/log';
import { demoMode, readSettings } from '../core/config';
import { openCore } from '../core/core';
import { clockFromEnv } from '../core/test-clock';
import { startHost } from './server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const log = configuredLogger(
    'console',
    (line) => process.stderr.write(`${line}\n`),
    process.env[LOG_LEVEL_ENV],
  );
  const settings = readSettings();
  const staticDir = path.join(root, 'out', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(`the console UI is not built (${staticDir}); run npm run build`);
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const core = openCore({
    dataDir: settings.dataDir,
    mode: 'browser',
    version,
    log,
    hubUrl: settings.hubUrl,
    hubToken: settings.hubToken,
    hubCa: settings.hubCa,
    resourcesDir: path.join(root, 'resources', 'data'),
    deskId: settings.deskId,
    now: clockFromEnv(process.env, log),
  });
  if (demoMode()) await core.ensureDemoAccounts();
  const host = await startHost({
    core,
    staticDir,
    log: log.child('host'),
    port: settings.port,
    ...(process.env.SIGAP_HOST_KEY ? { key: process.env.SIGAP_HOST_KEY } : {}),
  });
  process.send?.({ type: 'ready', url: host.url, port: host.port });
  process.stdout.write(`console listening on ${host.url}\n`);

  const stop = (): void => {
    void host.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`console: ${(error as Error).message}\n`);
  process.exit(1);
});
