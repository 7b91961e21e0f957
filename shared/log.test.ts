/**
 * The logger: one JSON object per line, nothing below the threshold, and a line's time,
 * level, scope and message always the logger's own, whatever data the caller passes.
 */
import { describe, expect, it } from 'vitest';
import { configuredLogger, createLogger, logLevelSetting, type LoggerOptions } from './log';

const AT = Date.UTC(2026, 10, 28, 1, 2, 3);

function capture(options: LoggerOptions = {}) {
  const lines: string[] = [];
  const log = createLogger('hub', (l) => lines.push(l), { now: () => AT, ...options });
  return { log, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('writes one JSON object per line with time, level, scope, message and data', () => {
    const { log, lines, parsed } = capture();
    log.child('peer').warn('desk refused', { deskId: 'desk-2', code: 'auth.unknown' });
    expect(lines).toHaveLength(1);
    expect(parsed()[0]).toEqual({
      t: '2026-11-28T01:02:03.000Z',
      level: 'warn',
      scope: 'hub.peer',
      msg: 'desk refused',
      deskId: 'desk-2',
      code: 'auth.unknown',
    });
  });

  it('writes info and above by default, and nothing below the threshold', () => {
    const plain = capture();
    plain.log.debug('d');
    plain.log.info('i');
    plain.log.error('e');
    expect(plain.parsed().map((l) => l.level)).toEqual(['info', 'error']);

    const warnOnly = capture({ level: 'warn' });
    warnOnly.log.debug('d');
    warnOnly.log.info('i');
    warnOnly.log.warn('w');
    warnOnly.log.child('sub').info('child i');
    warnOnly.log.child('sub').error('child e');
    expect(warnOnly.parsed().map((l) => l.msg)).toEqual(['w', 'child e']);

    const all = capture({ level: 'debug' });
    all.log.debug('d');
    expect(all.parsed().map((l) => l.level)).toEqual(['debug']);
  });

  it("keeps the line's own time, level, scope and message when data uses those names", () => {
    const { log, parsed } = capture();
    log.error('store failed', {
      t: 'yesterday',
      level: 'debug',
      scope: 'elsewhere',
      msg: 'all fine',
      data: 1,
      caseId: 'c-1',
    });
    expect(parsed()[0]).toEqual({
      t: '2026-11-28T01:02:03.000Z',
      level: 'error',
      scope: 'hub',
      msg: 'store failed',
      caseId: 'c-1',
      data: { t: 'yesterday', level: 'debug', scope: 'elsewhere', msg: 'all fine', data: 1 },
    });
  });

  it('still writes the line, without throwing, when the data cannot be serialized', () => {
    const { log, parsed } = capture();
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => log.warn('odd data', { cycle, big: 1n })).not.toThrow();
    expect(parsed()[0]).toMatchObject({ level: 'warn', scope: 'hub', msg: 'odd data' });
    expect(parsed()[0]!.dataError).toEqual(expect.any(String));
  });
});

describe('SIGAP_LOG_LEVEL', () => {
  it('reads a level in any case, and unset or blank as info', () => {
    expect(logLevelSetting('debug')).toEqual({ level: 'debug' });
    expect(logLevelSetting(' WARN ')).toEqual({ level: 'warn' });
    expect(logLevelSetting('error')).toEqual({ level: 'error' });
    expect(logLevelSetting(undefined)).toEqual({ level: 'info' });
    expect(logLevelSetting('')).toEqual({ level: 'info' });
  });

  it('falls back to info on an unknown level and says why', () => {
    expect(logLevelSetting('verbose')).toEqual({
      level: 'info',
      problem: 'SIGAP_LOG_LEVEL="verbose" is not one of debug, info, warn, error; logging at info',
    });
  });

  it('gives a process logger at that threshold, which logs a bad setting once', () => {
    const quiet: string[] = [];
    const log = configuredLogger('console', (l) => quiet.push(l), 'error');
    log.warn('not shown');
    log.error('shown');
    expect(quiet.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['shown']);

    const bad: string[] = [];
    configuredLogger('console', (l) => bad.push(l), 'loud').info('started');
    expect(bad.map((l) => JSON.parse(l) as { level: string; msg: string })).toEqual([
      expect.objectContaining({ level: 'warn', msg: expect.stringContaining('"loud"') }),
      expect.objectContaining({ level: 'info', msg: 'started' }),
    ]);
  });
});
