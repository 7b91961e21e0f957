/**
 * The desktop app's log: one JSON object per line in logs/desktop.log in the data dir (an
 * installed app has no terminal), capped and rotated like the other logs, and on stderr too
 * in a developer run. SIGAP_LOG_LEVEL sets the threshold.
 */
import path from 'node:path';
import { LOG_LEVEL_ENV, configuredLogger, type Logger } from '../../shared/log';
import { LOG_FILE_DEFAULTS, openLogFile } from '../launch/log-file';

export function openDesktopLog(dataDir: string, alsoStderr: boolean): Logger {
  const target = path.join(dataDir, 'logs', 'desktop.log');
  const file = openLogFile(target, LOG_FILE_DEFAULTS, (error) =>
    process.stderr.write(`desktop log file ${target} cannot be written: ${error.message}\n`),
  );
  return configuredLogger(
    'desktop',
    (line) => {
      file.write(`${line}\n`);
      if (alsoStderr) process.stderr.write(`${line}\n`);
    },
    process.env[LOG_LEVEL_ENV],
  );
}
