/** The test clock never moves a production console's time. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/log';
import { clockFromEnv } from './test-clock';

const lines: string[] = [];
const log = createLogger('t', (line) => lines.push(line));
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-clock-')), 'offset');
fs.writeFileSync(file, String(8 * 60_000));

describe('test clock', () => {
  it('is ignored without the explicit test flag, or in production, and says so', () => {
    lines.length = 0;
    expect(clockFromEnv({ SIGAP_TEST_CLOCK_FILE: file }, log)).toBeUndefined();
    expect(clockFromEnv({ SIGAP_TEST_CLOCK_FILE: file, SIGAP_TEST: 'true' }, log)).toBeUndefined();
    expect(
      clockFromEnv({ SIGAP_TEST_CLOCK_FILE: file, SIGAP_TEST: '1', NODE_ENV: 'production' }, log),
    ).toBeUndefined();
    expect(clockFromEnv({ SIGAP_TEST: '1' }, log)).toBeUndefined();
    expect(lines.filter((l) => l.includes('ignored'))).toHaveLength(3);
  });

  it('with SIGAP_TEST=1 adds the offset in the file, read again at every tick', () => {
    const now = clockFromEnv({ SIGAP_TEST_CLOCK_FILE: file, SIGAP_TEST: '1' }, log)!;
    expect(now() - Date.now()).toBeGreaterThan(8 * 60_000 - 1_000);
    fs.writeFileSync(file, '0');
    expect(Math.abs(now() - Date.now())).toBeLessThan(1_000);
  });
});
