/**
 * Runs the browser host (console backend + loopback server) as a supervised child. The
 * launcher fixes its port and key, so a restarted host keeps the address the page uses.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../shared/log';
import { files } from '../core/private-files';
import { LOG_FILE_DEFAULTS, openLogFile } from './log-file';
import { dataPaths, repoRoot } from './paths';
import { supervise, type Supervised } from './supervise';

export interface ConsoleHostOptions {
  dataDir: string;
  port: number;
  key: string;
  hubUrl: string | undefined;
  hubToken: string | undefined;
  log: Logger;
}

export interface ConsoleHost extends Supervised {
  url: string;
}

export async function startConsoleHost(options: ConsoleHostOptions): Promise<ConsoleHost> {
  const p = dataPaths(options.dataDir);
  files.dir(p.runDir);
  const logFile = openLogFile(p.consoleLog, LOG_FILE_DEFAULTS, (error) =>
    options.log.warn('console log file cannot be written', {
      file: p.consoleLog,
      error: error.message,
    }),
  );
  let url = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SIGAP_DATA_DIR: options.dataDir,
    SIGAP_PORT: String(options.port),
    SIGAP_HOST_KEY: options.key,
    SIGAP_HUB_URL: options.hubUrl ?? '',
    SIGAP_HUB_TOKEN: options.hubToken ?? '',
  };

  const start = (): Promise<ChildProcess> =>
    new Promise((resolve, reject) => {
      const child = fork(path.join(repoRoot, 'electron/host/main.ts'), [], {
        cwd: repoRoot,
        env,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        logFile.write(chunk);
        stderr = (stderr + chunk.toString()).slice(-4000);
      });
      child.on('message', (msg: { type?: string; url?: string }) => {
        if (msg.type === 'ready' && msg.url) {
          url = msg.url;
          fs.writeFileSync(p.consolePid, `${child.pid}\n`);
          resolve(child);
        }
      });
      child.once('exit', (code) => {
        const lastLine = stderr.trim().split('\n').at(-1) ?? '';
        reject(new Error(`console exited (${code}) before it was ready: ${lastLine}`));
      });
    });

  const supervised = await supervise({ name: 'console', log: options.log, start });
  return {
    ...supervised,
    url,
    stop: async () => {
      await supervised.stop();
      logFile.close();
    },
  };
}
