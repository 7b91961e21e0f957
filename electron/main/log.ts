/**
 * The desktop app's log: one JSON object per line in logs/desktop.log in the data dir (an
 * installed app has no terminal), and on stderr too in a developer run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createLogger, type Logger } from '../../shared/log';

export function openDesktopLog(dataDir: string, alsoStderr: boolean): Logger {
  const dir = path.join(dataDir, 'logs');
  fs.mkdirSync(dir, { recursive: true });
  const file = fs.createWriteStream(path.join(dir, 'desktop.log'), { flags: 'a' });
  return createLogger('desktop', (line) => {
    file.write(`${line}\n`);
    if (alsoStderr) process.stderr.write(`${line}\n`);
  });
}
