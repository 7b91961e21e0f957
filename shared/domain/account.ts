/**
 * Center-wide accounts (operators and supervisors): kept at the hub, replicated to every
 * desk as hub events so sign-in works offline. A replica holds password hashes only.
 */
import { z } from 'zod';
import { PASSWORD_HASH, PASSWORD_MIN } from '../auth/password';
import { EpochMs, Role, Uuid } from './case';

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'account.username_short')
  .max(32, 'account.username_long')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'account.username_chars');

export const DisplayName = z.string().trim().min(1, 'account.name_required').max(120);

export const NewPassword = z
  .string()
  .min(PASSWORD_MIN, 'account.password_short')
  .max(256, 'account.password_long');

export const PasswordHash = z.string().max(300).regex(PASSWORD_HASH);

/** An account as the hub keeps it and desks replicate it. */
export const AccountRecord = z.object({
  id: Uuid,
  username: Username,
  displayName: DisplayName,
  role: Role,
  enabled: z.boolean(),
  passwordHash: PasswordHash,
});
export type AccountRecord = z.infer<typeof AccountRecord>;

/** An account as a supervisor's screen lists it: never its hash. */
export const AccountSummary = AccountRecord.omit({ passwordHash: true });
export type AccountSummary = z.infer<typeof AccountSummary>;

/** A per-person token is good for one shift and a margin; then the desk asks again. */
export const PERSON_TOKEN_TTL_MS = 14 * 3_600_000;
export const PersonToken = z.string().min(16).max(256);

/** What the center audit log records: who, what, when, from which desk, details. */
export const AuditAction = z.enum([
  'account.bootstrap',
  'account.create',
  'account.disable',
  'account.enable',
  'account.reset_password',
  'caller.block',
  'caller.unblock',
  'alarm.ack',
  'case.escalate',
  'case.reroute',
  'case.assign',
  'report.sign',
  'routing.publish',
  'targets.publish',
  'export',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  id: z.number().int().positive(),
  at: EpochMs,
  /** The account that acted, and its name then. */
  personId: z.string().max(64),
  person: z.string().max(120),
  action: z.string().max(64),
  /** The desk (or other peer) the action came from. */
  desk: z.string().max(64),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditFilter = z
  .object({
    personId: z.string().max(64).optional(),
    action: z.string().max(64).optional(),
    from: EpochMs.optional(),
    until: EpochMs.optional(),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();
export type AuditFilter = z.infer<typeof AuditFilter>;

/**
 * Demo accounts (`npm start -- --demo`, tests): one file, `demo-accounts.json`, read by the
 * hub (`--demo-accounts FILE`, used only while it has no account) and by the desk, so both
 * know the same people with the same passwords and ids. Never for real use.
 */
export const DemoAccountsFile = z.object({
  accounts: z
    .array(
      z.object({
        id: Uuid,
        username: Username,
        password: z.string().min(1).max(256),
        role: Role,
        displayName: DisplayName,
      }),
    )
    .min(1),
});
export type DemoAccountsFile = z.infer<typeof DemoAccountsFile>;
