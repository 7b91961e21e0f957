/**
 * This desk's replica of the center's accounts (operators and supervisors): the one writer
 * of `operators`. The hub keeps the accounts; their `account.changed` events and the
 * account a sign-in at the hub returns land here, so people sign in offline against it.
 * Password hashes only, never a password.
 */
import type { AccountRecord, AccountSummary } from '../../../shared/domain/account';
import type { Operator, Role } from '../../../shared/domain/case';
import type { Statement } from 'better-sqlite3';
import type { Store } from './database';

interface OperatorRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  enabled: number;
}

const toOperator = (r: OperatorRow): Operator => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
});

export function countOperators(db: Store): number {
  return (db.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n;
}

/** A demo account; one the hub's replica brought already (same id or name) is left as it is. */
export function insertOperator(
  db: Store,
  op: Operator & { passwordHash: string },
  now: number,
): void {
  db.prepare(
    `INSERT OR IGNORE INTO operators (id, username, display_name, role, password_hash, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(op.id, op.username, op.displayName, op.role, op.passwordHash, now);
}

export function findOperatorForSignIn(
  db: Store,
  username: string,
): { operator: Operator; passwordHash: string; enabled: boolean } | undefined {
  const row = db.prepare('SELECT * FROM operators WHERE username = ?').get(username) as
    OperatorRow | undefined;
  return row
    ? { operator: toOperator(row), passwordHash: row.password_hash, enabled: row.enabled === 1 }
    : undefined;
}

/** Asked before every console call a person makes: prepared once per store. */
const enabledQueries = new WeakMap<Store, Statement<[string], { enabled: number }>>();

/** Whether the account may act now: false when disabled or gone from the replica. */
export function isEnabled(db: Store, id: string): boolean {
  let query = enabledQueries.get(db);
  if (!query) {
    query = db.prepare<[string], { enabled: number }>('SELECT enabled FROM operators WHERE id = ?');
    enabledQueries.set(db, query);
  }
  return query.get(id)?.enabled === 1;
}

export function listAccounts(db: Store): AccountSummary[] {
  return (db.prepare('SELECT * FROM operators ORDER BY role DESC, username').all() as OperatorRow[])
    .filter((r) => !r.username.includes('#'))
    .map((r) => ({ ...toOperator(r), enabled: r.enabled === 1 }));
}

/**
 * The hub's account, as it stands, into the replica. A local account of the same name
 * from before center-wide accounts (another id) keeps its rows of history but gives up
 * its name, disabled: the hub's account is the one that signs in.
 */
export function applyAccount(db: Store, a: AccountRecord, now: number): void {
  db.prepare(
    `UPDATE operators SET username = username || '#' || substr(id, 1, 8), enabled = 0
     WHERE username = ? AND id <> ?`,
  ).run(a.username, a.id);
  db.prepare(
    `INSERT INTO operators (id, username, display_name, role, password_hash, created_at, enabled)
     VALUES (@id, @username, @displayName, @role, @passwordHash, @now, @enabled)
     ON CONFLICT (id) DO UPDATE SET username = excluded.username,
       display_name = excluded.display_name, role = excluded.role,
       password_hash = excluded.password_hash, enabled = excluded.enabled`,
  ).run({ ...a, enabled: a.enabled ? 1 : 0, now });
}
