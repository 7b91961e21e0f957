/**
 * The desktop app's log: one JSON object per line in logs/desktop.log in the data dir (an
 * installed app has no terminal), and on stderr too in a developer run.
 */
import path from 'node:path';
import { createLogger, type Logger } from '../../shared/log';
import { openPrivateLog } from '../core/private-files';

export function openDesktopLog(dataDir: string, alsoStderr: boolean): Logger {
  const file = openPrivateLog(path.join(dataDir, 'logs', 'desktop.log'));
  return createLogger('desktop', (line) => {
    file.write(`${line}\n`);
    if (alsoStderr) process.stderr.write(`${line}\n`);
  });
}
