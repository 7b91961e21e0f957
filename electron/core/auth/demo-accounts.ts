/**
 * First run: a store with no accounts gets a demo operator and supervisor with random
 * passwords, written to demo-accounts.json in the data dir (owner-only) for `npm start`
 * to print. A real deployment replaces them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../../shared/domain/case';
import type { Store } from '../store/database';
import { countOperators, insertOperator } from '../store/operators';
import { hashPassword } from './password';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
}

export const demoAccountsFile = (dataDir: string) => path.join(dataDir, 'demo-accounts.json');

export async function ensureDemoAccounts(
  db: Store,
  dataDir: string,
  now: number,
): Promise<DemoAccount[] | undefined> {
  if (countOperators(db) > 0) return undefined;
  const password = () => crypto.randomBytes(6).toString('base64url');
  const accounts: DemoAccount[] = [
    { username: 'operator', password: password(), role: 'operator', displayName: 'Operator Demo' },
    {
      username: 'supervisor',
      password: password(),
      role: 'supervisor',
      displayName: 'Supervisor Demo',
    },
  ];
  const rows = await Promise.all(
    accounts.map(async (a) => ({
      id: uuidv7(),
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      passwordHash: await hashPassword(a.password),
    })),
  );
  db.transaction(() => rows.forEach((r) => insertOperator(db, r, now)))();
  fs.writeFileSync(demoAccountsFile(dataDir), `${JSON.stringify({ accounts }, null, 2)}\n`, {
    mode: 0o600,
  });
  return accounts;
}
