/** Local accounts of this desk: operators and supervisors who sign in here. */
import type { Operator, Role } from '../../../shared/domain/case';
import type { Store } from './database';

interface OperatorRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
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

export function insertOperator(
  db: Store,
  op: Operator & { passwordHash: string },
  now: number,
): void {
  db.prepare(
    `INSERT INTO operators (id, username, display_name, role, password_hash, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(op.id, op.username, op.displayName, op.role, op.passwordHash, now);
}

export function findOperatorForSignIn(
  db: Store,
  username: string,
): { operator: Operator; passwordHash: string } | undefined {
  const row = db.prepare('SELECT * FROM operators WHERE username = ?').get(username) as
    OperatorRow | undefined;
  return row ? { operator: toOperator(row), passwordHash: row.password_hash } : undefined;
}
