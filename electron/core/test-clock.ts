/**
 * A clock end-to-end tests can move forward, so a test sees what eight minutes do to a
 * dispatch without waiting eight minutes. Production never uses it: the browser host
 * honours SIGAP_TEST_CLOCK_FILE only together with SIGAP_TEST=1 and never when
 * NODE_ENV=production; the desktop app does not read it at all. The file holds a number
 * of milliseconds added to the real time, read at every tick so a test can change it
 * while the console runs.
 */
import fs from 'node:fs';
import type { Logger } from '../../shared/log';

export function clockFromEnv(env: NodeJS.ProcessEnv, log: Logger): (() => number) | undefined {
  const file = env.SIGAP_TEST_CLOCK_FILE;
  if (!file) return undefined;
  if (env.SIGAP_TEST !== '1' || env.NODE_ENV === 'production') {
    log.warn('SIGAP_TEST_CLOCK_FILE ignored: it is for tests only (needs SIGAP_TEST=1)');
    return undefined;
  }
  log.warn('test clock in use: the time is shifted by the offset in the file', { file });
  return () => {
    let offset = 0;
    try {
      offset = Number(fs.readFileSync(file, 'utf8').trim()) || 0;
    } catch {
      // No file yet: no shift.
    }
    return Date.now() + offset;
  };
}
