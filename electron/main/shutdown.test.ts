/** Shutdown runs each step once, in order, even when one of them fails. */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/log';
import { shutdownOnce } from './shutdown';

describe('shutdown', () => {
  it('runs every step once, in order, past a failing one', () => {
    const ran: string[] = [];
    const lines: string[] = [];
    const shutdown = shutdownOnce(
      [
        ['ipc', () => ran.push('ipc')],
        [
          'events',
          () => {
            throw new Error('boom');
          },
        ],
        ['core', () => ran.push('core')],
      ],
      createLogger('test', (l) => lines.push(l)),
    );
    shutdown();
    shutdown();
    expect(ran).toEqual(['ipc', 'core']);
    expect(lines.some((l) => l.includes('shutdown step failed') && l.includes('events'))).toBe(
      true,
    );
  });
});
