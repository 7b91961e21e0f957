/**
 * Console API channels of center-wide accounts and the center audit log (spread into
 * contract.ts). Accounts change only through the hub: offline, these are refused with
 * `account.hub_offline`, and nothing changes.
 */
import { z } from 'zod';
import {
  AccountSummary,
  AuditEntry,
  AuditFilter,
  DisplayName,
  NewPassword,
  Username,
} from '../domain/account';
import { Operator, Role, Uuid } from '../domain/case';

const NoArgs = z.object({}).strict();

export const accountsContract = {
  /** Whether this desk has no account yet: its first start asks for the first supervisor. */
  'account.setupNeeded': {
    args: NoArgs,
    result: z.object({ needed: z.boolean() }),
  },
  /** The first supervisor, made at the hub; the calling screen is then signed in as them. */
  'account.createFirst': {
    args: z
      .object({
        username: Username,
        displayName: DisplayName,
        password: NewPassword,
        repeat: z.string().max(256),
      })
      .strict(),
    result: z.object({ operator: Operator }),
  },
  /** Supervisors: every account this desk knows (the hub's, as replicated here). */
  'account.list': {
    args: NoArgs,
    result: z.object({ accounts: z.array(AccountSummary) }),
  },
  'account.create': {
    args: z
      .object({ username: Username, displayName: DisplayName, role: Role, password: NewPassword })
      .strict(),
    result: z.object({ account: AccountSummary }),
  },
  'account.setEnabled': {
    args: z.object({ accountId: Uuid, enabled: z.boolean() }).strict(),
    result: z.object({ account: AccountSummary }),
  },
  'account.resetPassword': {
    args: z.object({ accountId: Uuid, password: NewPassword }).strict(),
    result: z.object({ account: AccountSummary }),
  },
  /** Supervisors: the center audit log, newest first, filtered. */
  'audit.list': {
    args: AuditFilter,
    result: z.object({ entries: z.array(AuditEntry) }),
  },
} as const;
