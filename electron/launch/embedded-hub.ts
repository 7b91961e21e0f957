/**
 * The hub that `npm start` runs beside the console on this machine: its tokens and port
 * are created once in the data dir and kept, so a restarted hub is the same hub.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Logger } from '../../shared/log';
import { OpdsFile } from '../../shared/domain/reference';
import type { TokensFile } from '../../shared/hub/protocol';
import { demoAccountsFile, writeDemoAccounts } from '../core/auth/demo-accounts';
import { files } from '../core/private-files';
import { freePort, isPortFree } from './free-port';
import { LOG_FILE_DEFAULTS, openLogFile } from './log-file';
import { dataPaths, repoRoot, tsEntryArgs } from './paths';
import { supervise, type Supervised } from './supervise';

export interface EmbeddedHub extends Supervised {
  url: string;
  deskToken: string;
}

const token = () => crypto.randomBytes(24).toString('base64url');

export function ensureTokens(dataDir: string): TokensFile {
  const p = dataPaths(dataDir);
  files.file(p.hubTokens); // secrets: private even if made before Sigap set modes
  if (fs.existsSync(p.hubTokens))
    return JSON.parse(fs.readFileSync(p.hubTokens, 'utf8')) as TokensFile;
  // One inbox token per OPD of the roster, so every agency can be tried on this machine.
  const roster = OpdsFile.parse(
    JSON.parse(fs.readFileSync(path.join(repoRoot, 'resources', 'data', 'opds.json'), 'utf8')),
  );
  const tokens: TokensFile = {
    tokens: [
      { token: token(), kind: 'desk', id: 'desk-1' },
      { token: token(), kind: 'supervisor', id: 'supervisor', person: 'Supervisor' },
      ...roster.opds.map((o) => ({
        token: token(),
        kind: 'opd' as const,
        id: o.id,
        person: `Petugas ${o.short}`,
      })),
    ],
  };
  files.dir(p.hubDir);
  files.create(p.hubTokens);
  fs.writeFileSync(p.hubTokens, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  return tokens;
}

async function ensurePort(dataDir: string): Promise<number> {
  const p = dataPaths(dataDir);
  const stored = fs.existsSync(p.hubPort) ? Number(fs.readFileSync(p.hubPort, 'utf8')) : NaN;
  if (Number.isInteger(stored) && stored > 0 && (await isPortFree(stored))) return stored;
  const port = await freePort();
  fs.writeFileSync(p.hubPort, `${port}\n`);
  return port;
}

export async function startEmbeddedHub(
  dataDir: string,
  log: Logger,
  /** Demo mode: the hub makes the demo accounts the console does (while it has none). */
  demo = false,
): Promise<EmbeddedHub> {
  const p = dataPaths(dataDir);
  const tokens = ensureTokens(dataDir);
  const deskToken = tokens.tokens.find((t) => t.kind === 'desk')?.token;
  if (!deskToken) throw new Error(`${p.hubTokens} has no desk token`);
  const port = await ensurePort(dataDir);
  const demoFile = demoAccountsFile(dataDir);
  if (demo) writeDemoAccounts(demoFile);
  files.dir(p.runDir);
  const logFile = openLogFile(p.hubLog, LOG_FILE_DEFAULTS, (error) =>
    log.warn('hub log file cannot be written', { file: p.hubLog, error: error.message }),
  );

  const start = (): Promise<ChildProcess> =>
    new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          ...tsEntryArgs('hub/main.ts'),
          '--port',
          String(port),
          '--data',
          p.hubDir,
          '--tokens',
          p.hubTokens,
          ...(demo ? ['--demo-accounts', demoFile] : []),
        ],
        // The IPC channel is only a lifeline: the hub stops when the launcher is gone.
        { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
      );
      const { stdout, stderr: errStream } = child as typeof child & {
        stdout: Readable;
        stderr: Readable;
      };
      let stderr = '';
      errStream.on('data', (chunk: Buffer) => {
        logFile.write(chunk);
        stderr = (stderr + chunk.toString()).slice(-4000);
      });
      stdout.setEncoding('utf8');
      stdout.on('data', (chunk: string) => {
        if (chunk.includes('hub listening on')) {
          fs.writeFileSync(p.hubPid, `${child.pid}\n`);
          resolve(child);
        }
      });
      child.once('exit', (code) =>
        reject(new Error(`hub exited (${code}) before it was ready: ${stderr.trim()}`)),
      );
    });

  const supervised = await supervise({ name: 'hub', log, start });
  return {
    ...supervised,
    url: `http://127.0.0.1:${port}`,
    deskToken,
    stop: async () => {
      await supervised.stop();
      logFile.close();
    },
  };
}
