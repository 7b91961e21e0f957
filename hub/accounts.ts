/**
 * Center-wide accounts at the hub: the one writer of `accounts` and `person_tokens`. Each
 * change is an `account.changed` event (desks replicate it, hashes only) and an entry in
 * the audit log, in the same transaction. Passwords are hashed before these run (the
 * caller awaits the hash off the commit path); nothing here waits.
 */
import type { z } from 'zod';
import type { AccountRecord } from '../shared/domain/account';
import { PERSON_TOKEN_TTL_MS } from '../shared/domain/account';
import type {
  AccountBootstrap,
  AccountCreate,
  AccountResetPassword,
  AccountSetEnabled,
} from '../shared/hub/account-messages';
import type { Actor } from '../shared/hub/messages';
import { refuse, type Outcome } from './applied-answers';
import type { AuditLog } from './audit';
import type { EventLog } from './event-log';
import { toAccount, tokenHash, type PersonAuth } from './person-auth';
import type { HubStore } from './store/store';

type AccountAnswer = Outcome<{ seq: number; account: AccountRecord }>;

export function createAccounts(
  db: HubStore,
  eventLog: EventLog,
  audit: AuditLog,
  auth: PersonAuth,
  now: () => number,
) {
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM accounts');
  const byId = db.prepare<[string], Parameters<typeof toAccount>[0]>(
    'SELECT * FROM accounts WHERE id = ?',
  );
  const byUsername = db.prepare<[string], Parameters<typeof toAccount>[0]>(
    'SELECT * FROM accounts WHERE lower(username) = lower(?)',
  );
  const enabledSupervisors = db.prepare<[], { n: number }>(
    `SELECT count(*) AS n FROM accounts WHERE role = 'supervisor' AND enabled = 1`,
  );
  const insert = db.prepare(
    `INSERT INTO accounts (id, username, display_name, role, password_hash, enabled, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const setEnabled = db.prepare('UPDATE accounts SET enabled = ?, updated_at = ? WHERE id = ?');
  const setHash = db.prepare('UPDATE accounts SET password_hash = ?, updated_at = ? WHERE id = ?');
  const insertToken = db.prepare(
    'INSERT INTO person_tokens (token_hash, account_id, desk, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const dropExpired = db.prepare('DELETE FROM person_tokens WHERE expires_at <= ?');
  const dropTokensOf = db.prepare('DELETE FROM person_tokens WHERE account_id = ?');

  const read = (id: string): AccountRecord => toAccount(byId.get(id)!);

  /** The event every desk replicates, and the audit entry, for one change. */
  function changed(
    id: string,
    actor: z.output<typeof Actor>,
    by: { id: string; displayName: string },
    action: string,
    details: Record<string, string | boolean>,
  ): AccountAnswer {
    const at = now();
    const account = read(id);
    const event = eventLog.append({ type: 'account.changed', at, actor, account });
    audit.record({
      at,
      personId: by.id,
      person: by.displayName,
      action,
      desk: actor.id,
      details: { accountId: id, username: account.username, ...details },
    });
    return { ack: { ok: true, seq: event.seq, account }, events: [event] };
  }

  const supervisorOf = (token: string): AccountRecord | Outcome<never> => {
    const check = auth.requireSupervisor(token);
    return check.ok ? check.account : refuse(check.code, check.message);
  };
  const isRefusal = (x: AccountRecord | Outcome<never>): x is Outcome<never> => 'ack' in x;

  return {
    /** How many accounts the hub has (none: the first start asks for a supervisor). */
    count: (): number => count.get()!.n,

    /** The stored hash of a username, for the password check before `openSession`. */
    hashOf: (username: string): string | undefined => byUsername.get(username)?.password_hash,

    bootstrap(msg: z.output<typeof AccountBootstrap>, hash: string): AccountAnswer {
      if (count.get()!.n > 0) {
        const same = byId.get(msg.accountId);
        // A repeat of the bootstrap that made this account: its answer again, nothing new.
        if (same && same.username === msg.username)
          return { ack: { ok: true, seq: eventLog.lastSeq(), account: read(same.id) }, events: [] };
        return refuse('account.exists', 'this hub has accounts already: ask a supervisor');
      }
      const at = now();
      insert.run(msg.accountId, msg.username, msg.displayName, 'supervisor', hash, at, at);
      return changed(
        msg.accountId,
        msg.actor,
        { id: msg.accountId, displayName: msg.displayName },
        'account.bootstrap',
        { role: 'supervisor' },
      );
    },

    create(msg: z.output<typeof AccountCreate>, hash: string): AccountAnswer {
      const by = supervisorOf(msg.personToken);
      if (isRefusal(by)) return by;
      const same = byId.get(msg.accountId);
      if (same) {
        if (same.username !== msg.username)
          return refuse('account.username_taken', `account ${msg.accountId} exists already`);
        return { ack: { ok: true, seq: eventLog.lastSeq(), account: read(same.id) }, events: [] };
      }
      if (byUsername.get(msg.username))
        return refuse('account.username_taken', `the username ${msg.username} is taken`);
      const at = now();
      insert.run(msg.accountId, msg.username, msg.displayName, msg.role, hash, at, at);
      return changed(msg.accountId, msg.actor, by, 'account.create', { role: msg.role });
    },

    setEnabled(msg: z.output<typeof AccountSetEnabled>): AccountAnswer {
      const by = supervisorOf(msg.personToken);
      if (isRefusal(by)) return by;
      const row = byId.get(msg.accountId);
      if (!row) return refuse('account.unknown', `no account ${msg.accountId}`);
      if (!msg.enabled) {
        if (row.id === by.id)
          return refuse('account.last_supervisor', 'a supervisor cannot disable their own account');
        if (row.role === 'supervisor' && row.enabled === 1 && enabledSupervisors.get()!.n <= 1)
          return refuse('account.last_supervisor', 'the last supervisor cannot be disabled');
      }
      setEnabled.run(msg.enabled ? 1 : 0, now(), row.id);
      // A disabled person's tokens end with it: their next message at the hub is refused.
      if (!msg.enabled) dropTokensOf.run(row.id);
      return changed(row.id, msg.actor, by, msg.enabled ? 'account.enable' : 'account.disable', {});
    },

    resetPassword(msg: z.output<typeof AccountResetPassword>, hash: string): AccountAnswer {
      const by = supervisorOf(msg.personToken);
      if (isRefusal(by)) return by;
      if (!byId.get(msg.accountId)) return refuse('account.unknown', `no account ${msg.accountId}`);
      setHash.run(hash, now(), msg.accountId);
      return changed(msg.accountId, msg.actor, by, 'account.reset_password', {});
    },

    /**
     * Demo accounts (`--demo-accounts FILE`) on a hub with no account yet; false when it
     * has accounts (the file is then ignored). Passwords are hashed by the caller.
     */
    seedDemo(people: Array<Omit<AccountRecord, 'enabled'>>): boolean {
      if (count.get()!.n > 0) return false;
      const at = now();
      const actor = { id: 'hub', role: 'supervisor', person: 'Akun demo' } as const;
      for (const p of people) {
        insert.run(p.id, p.username, p.displayName, p.role, p.passwordHash, at, at);
        changed(p.id, actor, { id: p.id, displayName: p.displayName }, 'account.create', {
          role: p.role,
          demo: true,
        });
      }
      return true;
    },

    /**
     * A token for the person whose password was just checked against `checkedHash`; refused
     * when the account changed meanwhile (disabled, password reset).
     */
    openSession(
      username: string,
      checkedHash: string,
      desk: string,
      token: string,
    ): Outcome<{ token: string; expiresAt: number; account: AccountRecord }> {
      const row = byUsername.get(username);
      if (!row || row.password_hash !== checkedHash)
        return refuse('auth.bad_credentials', 'wrong username or password');
      if (row.enabled !== 1) return refuse('auth.account_disabled', 'this account is disabled');
      const at = now();
      dropExpired.run(at);
      const expiresAt = at + PERSON_TOKEN_TTL_MS;
      insertToken.run(tokenHash(token), row.id, desk, at, expiresAt);
      return { ack: { ok: true, token, expiresAt, account: toAccount(row) }, events: [] };
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
