/**
 * Who a person token belongs to, and whether that person may act as a supervisor. The hub
 * gives a token at sign-in (`session.open`, hub/accounts.ts) and keeps only its hash; every
 * message that needs a supervisor carries the token and is checked here, by
 * `requireSupervisor`, and nowhere else. A refusal changes nothing.
 */
import crypto from 'node:crypto';
import { AccountRecord } from '../shared/domain/account';
import type { HubErrorCode } from '../shared/hub/messages';
import type { HubStore } from './store/store';

export type PersonCheck =
  { ok: true; account: AccountRecord } | { ok: false; code: HubErrorCode; message: string };

/** Tokens are long random strings: a plain SHA-256 is enough to keep them unusable at rest. */
export const tokenHash = (token: string): string =>
  crypto.createHash('sha256').update(token).digest('hex');

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  enabled: number;
}

export const toAccount = (r: AccountRow): AccountRecord =>
  AccountRecord.parse({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    enabled: r.enabled === 1,
    passwordHash: r.password_hash,
  });

export function createPersonAuth(db: HubStore, now: () => number) {
  const byToken = db.prepare<[string], AccountRow & { expires_at: number }>(
    `SELECT a.*, t.expires_at FROM person_tokens t JOIN accounts a ON a.id = t.account_id
     WHERE t.token_hash = ?`,
  );

  function person(token: string | undefined): PersonCheck {
    if (!token) {
      return {
        ok: false,
        code: 'auth.token_invalid',
        message: 'no person token: sign in again while the hub is reachable',
      };
    }
    const row = byToken.get(tokenHash(token));
    if (!row || row.expires_at <= now()) {
      return {
        ok: false,
        code: 'auth.token_invalid',
        message: 'the person token is unknown or expired: sign in again',
      };
    }
    if (row.enabled !== 1) {
      return { ok: false, code: 'auth.account_disabled', message: 'this account is disabled' };
    }
    return { ok: true, account: toAccount(row) };
  }

  return {
    person,
    /** The supervisor a token belongs to, or why not: the hub's one supervisor check. */
    requireSupervisor(token: string | undefined): PersonCheck {
      const found = person(token);
      if (found.ok && found.account.role !== 'supervisor') {
        return {
          ok: false,
          code: 'auth.not_supervisor',
          message: 'only a supervisor may do this',
        };
      }
      return found;
    },
  };
}

export type PersonAuth = ReturnType<typeof createPersonAuth>;
