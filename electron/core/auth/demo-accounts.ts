/**
 * Demo mode (`npm start -- --demo`, tests): a store with no accounts gets a demo operator
 * and two supervisors. Their passwords are in demo-accounts.json in the data dir (owner-only),
 * for `npm start` to print; a file already there (written by the launcher, or a test's
 * helper, and given to the hub too) is used as it is, so desk and hub know the same people.
 * Never for real use: without demo mode the first start asks for the first supervisor.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { DemoAccountsFile } from '../../../shared/domain/account';
import type { Role } from '../../../shared/domain/case';
import type { Store } from '../store/database';
import { countOperators, insertOperator } from '../store/operators';
import { hashPassword } from './password';

export interface DemoAccount {
  id: string;
  username: string;
  password: string;
  role: Role;
  displayName: string;
}

export const demoAccountsFile = (dataDir: string) => path.join(dataDir, 'demo-accounts.json');

/**
 * A demo operator and two supervisors with random passwords: a handover report is signed
 * by the incoming supervisor, who is never the one handing over.
 */
export function newDemoAccounts(): DemoAccount[] {
  const password = () => crypto.randomBytes(6).toString('base64url');
  return [
    {
      id: uuidv7(),
      username: 'operator',
      password: password(),
      role: 'operator',
      displayName: 'Operator Demo',
    },
    {
      id: uuidv7(),
      username: 'supervisor',
      password: password(),
      role: 'supervisor',
      displayName: 'Supervisor Demo',
    },
    {
      id: uuidv7(),
      username: 'supervisor2',
      password: password(),
      role: 'supervisor',
      displayName: 'Supervisor Penerima',
    },
  ];
}

/** Writes demo accounts to `file` (owner-only) unless it exists; returns what it holds. */
export function writeDemoAccounts(file: string): DemoAccount[] {
  if (fs.existsSync(file))
    return DemoAccountsFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).accounts;
  const accounts = newDemoAccounts();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ accounts }, null, 2)}\n`, { mode: 0o600 });
  return accounts;
}

export async function ensureDemoAccounts(
  db: Store,
  dataDir: string,
  now: number,
): Promise<DemoAccount[] | undefined> {
  if (countOperators(db) > 0) return undefined;
  const accounts = writeDemoAccounts(demoAccountsFile(dataDir));
  const rows = await Promise.all(
    accounts.map(async (a) => ({
      id: a.id,
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      passwordHash: await hashPassword(a.password),
    })),
  );
  db.transaction(() => rows.forEach((r) => insertOperator(db, r, now)))();
  return accounts;
}
