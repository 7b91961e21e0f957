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
import type { Store } from './store/database';

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

/** Hashes the numbers of calls without a case that started before the cutoff; returns how many. */
export function applyRetention(db: Store, key: Buffer, rules: RetentionRules, now: number): number {
  const cutoff = retentionCutoff(now, rules);
  const due = db
    .prepare<[number], { caller_number: string; n: number; first: number; last: number }>(
      `SELECT caller_number, count(*) AS n, min(started_at) AS first, max(started_at) AS last
       FROM calls
       WHERE disposition <> 'case' AND started_at < ? AND caller_number IS NOT NULL
         AND substr(caller_number, 1, 2) <> '${HASHED_PREFIX}' AND callback_case IS NULL
         AND id NOT IN (SELECT call_id FROM reopened_calls)
       GROUP BY caller_number`,
    )
    .all(cutoff);
  if (due.length === 0) return 0;
  const addHashed = db.prepare(
    `INSERT INTO callers (number, first_seen, last_seen, calls, cases) VALUES (?, ?, ?, ?, 0)
     ON CONFLICT (number) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen),
       last_seen = max(last_seen, excluded.last_seen), calls = calls + excluded.calls`,
  );
  const moveCalls = db.prepare(
    `UPDATE calls SET caller_number = ?, number_text = NULL
     WHERE caller_number = ? AND disposition <> 'case' AND started_at < ? AND callback_case IS NULL
       AND id NOT IN (SELECT call_id FROM reopened_calls)`,
  );
  const lessCalls = db.prepare('UPDATE callers SET calls = max(calls - ?, 0) WHERE number = ?');
  // The number's own row goes once nothing refers to it any more.
  const dropCaller = db.prepare(
    `DELETE FROM callers WHERE number = ?
       AND NOT EXISTS (SELECT 1 FROM calls WHERE caller_number = callers.number)
       AND NOT EXISTS (SELECT 1 FROM cases WHERE caller_number = callers.number)`,
  );
  const hashBlocks = db.prepare('UPDATE blocks SET number = ? WHERE number = ? AND until < ?');
  // Delivered messages would still carry the number; the hub has them.
  const dropSent = db.prepare(
    `DELETE FROM outbox WHERE kind = 'call.log' AND sent_at IS NOT NULL AND created_at < ?`,
  );
  let moved = 0;
  db.transaction(() => {
    for (const d of due) {
      const hashed = hashNumber(key, d.caller_number);
      addHashed.run(hashed, d.first, d.last, d.n);
      moved += moveCalls.run(hashed, d.caller_number, cutoff).changes;
      lessCalls.run(d.n, d.caller_number);
      dropCaller.run(d.caller_number);
      hashBlocks.run(hashed, d.caller_number, cutoff);
    }
    dropSent.run(cutoff);
  })();
  return moved;
}

export interface Retention {
  /** The forms a number is stored in: as it is, and as its hash after retention. */
  keys(e164: string): string[];
  stop(): void;
}

/** Applies retention now and every day after, until stopped. */
export function startRetention(o: {
  db: Store;
  dataDir: string;
  rules: RetentionRules;
  now: () => number;
  log: Logger;
}): Retention {
  const key = loadNumberKey(o.dataDir);
  const run = (): void => {
    try {
      const n = applyRetention(o.db, key, o.rules, o.now());
      if (n > 0) o.log.info('caller numbers past retention replaced by their hash', { calls: n });
    } catch (error) {
      o.log.error('retention failed; retrying tomorrow', { error: String(error) });
    }
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return {
    keys: (e164) => [e164, hashNumber(key, e164)],
    stop: () => clearInterval(timer),
  };
}
