/** Where things live: the checkout's root and the folders inside a data dir. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const dataPaths = (dataDir: string) => ({
  hubDir: path.join(dataDir, 'hub'),
  hubTokens: path.join(dataDir, 'hub', 'tokens.json'),
  hubPort: path.join(dataDir, 'hub', 'port'),
  runDir: path.join(dataDir, 'run'),
  hubPid: path.join(dataDir, 'run', 'hub.pid'),
  consolePid: path.join(dataDir, 'run', 'console.pid'),
  logDir: path.join(dataDir, 'logs'),
  hubLog: path.join(dataDir, 'logs', 'hub.log'),
  consoleLog: path.join(dataDir, 'logs', 'console.log'),
});

/** `node --import tsx <entry>`: runs a TypeScript entry of this checkout. */
export function tsEntryArgs(entry: string): string[] {
  return ['--import', 'tsx', path.join(repoRoot, entry)];
}
