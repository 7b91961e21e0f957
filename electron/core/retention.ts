/**
 * Retention of caller numbers (UU PDP 27/2022; shared/domain/retention.ts): a call that
 * opened no case keeps its number for the retention period only, then the number is
 * replaced by a keyed hash (HMAC-SHA-256 with this installation's key, kept in a private
 * file), so the caller's history still matches by the same hash and the number is gone.
 * Runs at start and once a day. Calls that opened a case (or were reopened as one) keep
 * their number with the case.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HASHED_PREFIX, retentionCutoff, type RetentionRules } from '../../shared/domain/retention';
import type { Logger } from '../../shared/log';
import { files } from './private-files';

const DAY_MS = 86_400_000;

export const numberKeyFile = (dataDir: string): string =>
  path.join(dataDir, 'console', 'number-key');

/** This installation's key, made on first use (32 random bytes, owner-only). */
export function loadNumberKey(dataDir: string): Buffer {
  const file = numberKeyFile(dataDir);
  files.dir(path.dirname(file));
  files.create(file);
  const text = fs.readFileSync(file, 'utf8').trim();
  if (/^[0-9a-f]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (text !== '') throw new Error(`${file} is not a number key; restore it from a backup`);
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600 });
  return key;
}

export const hashNumber = (key: Buffer, e164: string): string =>
  `${HASHED_PREFIX}${crypto.createHmac('sha256', key).update(e164).digest('hex')}`;

export interface Retention {
  stop(): void;
}

/**
 * Applies retention now and every day after, until stopped: `retire` replaces the numbers
 * of calls without a case that started before the cutoff (the desk store's `retention`).
 */
export function startRetention(o: {
  retire: (cutoff: number) => number;
  rules: RetentionRules;
  now: () => number;
  log: Logger;
}): Retention {
  const run = (): void => {
    try {
      const n = o.retire(retentionCutoff(o.now(), o.rules));
      if (n > 0) o.log.info('caller numbers past retention replaced by their hash', { calls: n });
    } catch (error) {
      o.log.error('retention failed; retrying tomorrow', { error: String(error) });
    }
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
