/**
 * A desk's account messages at the hub: `session.open`, `account.bootstrap`,
 * `account.create`, `account.setEnabled`, `account.resetPassword` and `audit.list`. A
 * password is hashed or checked (scrypt, tens of milliseconds) before the message joins a
 * commit group, so one sign-in never holds up the center's other messages.
 */
import crypto from 'node:crypto';
import type { z } from 'zod';
import {
  AccountBootstrap,
  AccountCreate,
  AccountResetPassword,
  AccountSetEnabled,
  AuditList,
  SessionOpen,
} from '../shared/hub/account-messages';
import { DUMMY_HASH } from '../shared/auth/password';
import type { HubAck, HubEvent } from '../shared/hub/messages';
import type { TokenEntry } from '../shared/hub/protocol';
import type { CenterRecord } from './center-record';
import { hashPassword, verifyPassword } from './password';

/** Validation as peer-messages does it (schema, then the actor against the token). */
export type Validate = <S extends z.ZodType>(
  schema: S,
  payload: unknown,
) => { ok: true; msg: z.output<S> } | { ok: false; answer: HubAck<never> };

/** Slow work first (a hash), then the part that writes, run inside a commit group. */
export type Prepared = (payload: unknown) => Promise<() => HubAck<object>>;

export function accountHandlers(
  record: CenterRecord,
  who: TokenEntry,
  validate: Validate,
  broadcast: (events: readonly HubEvent[]) => void,
): { slow: Record<string, Prepared>; quick: Record<string, (payload: unknown) => HubAck<object>> } {
  const { accounts } = record;
  const applied = ({ ack, events }: { ack: HubAck<object>; events: HubEvent[] }) => {
    broadcast(events);
    return ack;
  };

  /** Validates, then hashes the message's new password off the commit path. */
  const withHash =
    <S extends z.ZodType<{ password: string }>>(
      schema: S,
      apply: (msg: z.output<S>, hash: string) => { ack: HubAck<object>; events: HubEvent[] },
    ): Prepared =>
    async (payload) => {
      const v = validate(schema, payload);
      if (!v.ok) return () => v.answer;
      const hash = await hashPassword(v.msg.password);
      return () => applied(apply(v.msg, hash));
    };

  return {
    slow: {
      'session.open': async (payload) => {
        const v = validate(SessionOpen, payload);
        if (!v.ok) return () => v.answer;
        const stored = accounts.hashOf(v.msg.username);
        // Checked against a dummy for an unknown name too: timing tells nothing.
        const good = await verifyPassword(v.msg.password, stored ?? DUMMY_HASH);
        const token = crypto.randomBytes(32).toString('base64url');
        return () =>
          stored && good
            ? accounts.openSession(v.msg.username, stored, who.id, token).ack
            : {
                ok: false,
                error: { code: 'auth.bad_credentials', message: 'wrong username or password' },
              };
      },
      'account.bootstrap': withHash(AccountBootstrap, (msg, hash) => accounts.bootstrap(msg, hash)),
      'account.create': withHash(AccountCreate, (msg, hash) => accounts.create(msg, hash)),
      'account.resetPassword': withHash(AccountResetPassword, (msg, hash) =>
        accounts.resetPassword(msg, hash),
      ),
    },
    quick: {
      'account.setEnabled': (payload) => {
        const v = validate(AccountSetEnabled, payload);
        return v.ok ? applied(accounts.setEnabled(v.msg)) : v.answer;
      },
      'audit.list': (payload) => {
        const v = validate(AuditList, payload);
        if (!v.ok) return v.answer;
        const supervisor = record.auth.requireSupervisor(v.msg.personToken);
        if (!supervisor.ok)
          return { ok: false, error: { code: supervisor.code, message: supervisor.message } };
        return { ok: true, entries: record.audit.list(v.msg.filter) };
      },
    },
  };
}
