/**
 * A clock hub tests can move forward, so a test sees what ten working days do to a
 * resolved case without waiting for them. Honoured only with SIGAP_TEST=1 and never when
 * NODE_ENV=production, as the console's own test clock: SIGAP_TEST_CLOCK_FILE holds
 * milliseconds added to the real time, read at every tick.
 */
import fs from 'node:fs';
import type { Logger } from '../shared/log';

export function hubClockFromEnv(env: NodeJS.ProcessEnv, log: Logger): (() => number) | undefined {
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
