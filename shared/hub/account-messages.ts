/**
 * Hub messages of center-wide accounts, per-person sessions and the audit log (DESIGN §4,
 * docs/PROTOCOL.md). A supervisor's message carries `personToken`, the token the hub gave
 * that person at sign-in (`session.open`): the hub checks it, never the desk's word.
 */
import { z } from 'zod';
import {
  AccountRecord,
  AuditEntry,
  AuditFilter,
  DisplayName,
  NewPassword,
  PersonToken,
  Username,
} from '../domain/account';
import { EpochMs, Role, Uuid } from '../domain/case';
import { Actor } from './messages';

/** Sign-in at the hub: the password is checked there and a token for this person comes back. */
export const SessionOpen = z
  .object({ username: Username, password: z.string().min(1).max(256), actor: Actor })
  .strict();

/** The first supervisor of a hub that has no account yet; refused once any account exists. */
export const AccountBootstrap = z
  .object({
    accountId: Uuid,
    username: Username,
    displayName: DisplayName,
    password: NewPassword,
    actor: Actor,
  })
  .strict();

/** A supervisor adds an account. Idempotent on `accountId`. */
export const AccountCreate = z
  .object({
    accountId: Uuid,
    username: Username,
    displayName: DisplayName,
    role: Role,
    password: NewPassword,
    personToken: PersonToken,
    actor: Actor,
  })
  .strict();

export const AccountSetEnabled = z
  .object({ accountId: Uuid, enabled: z.boolean(), personToken: PersonToken, actor: Actor })
  .strict();

export const AccountResetPassword = z
  .object({ accountId: Uuid, password: NewPassword, personToken: PersonToken, actor: Actor })
  .strict();

export const AuditList = z
  .object({ filter: AuditFilter, personToken: PersonToken, actor: Actor })
  .strict();

const Refused = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string().min(1).max(64), message: z.string().max(2000) }),
});
const ackOf = <S extends z.ZodRawShape>(shape: S) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), ...shape }), Refused]);

export const SessionAck = ackOf({ token: PersonToken, expiresAt: EpochMs, account: AccountRecord });
/** account.bootstrap, account.create, account.setEnabled, account.resetPassword. */
export const AccountAck = ackOf({ seq: z.number().int().positive(), account: AccountRecord });
export const AuditAck = ackOf({ entries: z.array(AuditEntry) });
