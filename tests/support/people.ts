/**
 * People of a center record for hub unit tests: accounts made the way the hub makes them
 * (the first supervisor by bootstrap, the rest by that supervisor) and the person tokens
 * `session.open` gives them. Passwords are hashed once per test file (scrypt is slow).
 */
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import type { AccountRecord } from '../../shared/domain/account';
import type { Role } from '../../shared/domain/case';
import type { CenterRecord } from '../../hub/center-record';
import { hashPassword } from '../../hub/password';
import { actorOf, desk1 } from './center-record';

export const PASSWORD = 'rahasia-sekali';
let hashed: Promise<string> | undefined;
/** The hash of PASSWORD, made once. */
export const passwordHash = (): Promise<string> => (hashed ??= hashPassword(PASSWORD));

export interface Person {
  account: AccountRecord;
  token: string;
}

let tokens = 0;
/** A token for `username`, as `session.open` gives one after the password check. */
export function signIn(record: CenterRecord, username: string, hash: string): string {
  const token = `person-token-${++tokens}-0123456789abcdef`;
  const out = record.accounts.openSession(username, hash, desk1.id, token);
  expect(out.ack).toMatchObject({ ok: true });
  return token;
}

/** The first supervisor (bootstrap), signed in. */
export function firstSupervisor(record: CenterRecord, hash: string): Person {
  const out = record.accounts.bootstrap(
    {
      accountId: uuidv7(),
      username: 'kepala',
      displayName: 'Kepala Regu',
      password: PASSWORD,
      actor: actorOf(desk1),
    },
    hash,
  );
  if (!out.ack.ok) throw new Error(out.ack.error.message);
  return { account: out.ack.account, token: signIn(record, 'kepala', hash) };
}

/** Another account, made by `by`, signed in. */
export function person(
  record: CenterRecord,
  by: Person,
  role: Role,
  username: string,
  hash: string,
): Person {
  const out = record.accounts.create(
    {
      accountId: uuidv7(),
      username,
      displayName: `Nama ${username}`,
      role,
      password: PASSWORD,
      personToken: by.token,
      actor: actorOf(desk1),
    },
    hash,
  );
  if (!out.ack.ok) throw new Error(out.ack.error.message);
  return { account: out.ack.account, token: signIn(record, username, hash) };
}
