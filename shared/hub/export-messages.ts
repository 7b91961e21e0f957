/**
 * `export.logged`: a desk tells the hub that one of its people exported cases or calls, so
 * the export stands in the center audit log with who, which desk, what, the WIB days, the
 * format, whether caller numbers were in full and how many rows were written. It travels
 * through the desk's outbox (an export made offline is told later) and is applied once per
 * `exportId`. Who exported is the person of `personToken`, never a name the desk sends; an
 * export with numbers in full is recorded only for a supervisor's token.
 */
import { z } from 'zod';
import { PersonToken } from '../domain/account';
import { EpochMs, Uuid } from '../domain/case';
import { Actor } from './actor';

/** A WIB day as the audit log shows it: 2026-11-28. */
const IsoDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

/** The fields; `ExportLogged` adds the checks across them. */
const fields = {
  exportId: Uuid,
  kind: z.enum(['cases', 'calls']),
  format: z.enum(['csv', 'xlsx']),
  /** First and last WIB day of the range, both included. */
  from: IsoDay,
  to: IsoDay,
  unmasked: z.boolean(),
  /** How it ended: only a finished export left a file; the others are attempts. */
  outcome: z.enum(['done', 'cancelled', 'failed']),
  rows: z.number().int().nonnegative().max(100_000_000),
  startedAt: EpochMs,
  endedAt: EpochMs,
  /** The hub was unreachable when the export ended: this entry comes late. */
  offline: z.boolean(),
  actor: Actor,
};

const inOrder = (m: { from: string; to: string; startedAt: number; endedAt: number }) =>
  m.from <= m.to && m.startedAt <= m.endedAt;
const ORDER = { message: 'the range or the times end before they start' };

export const ExportLogged = z
  .object({ ...fields, personToken: PersonToken.optional() })
  .strict()
  .refine(inOrder, ORDER);
export type ExportLogged = z.infer<typeof ExportLogged>;

/** As a desk's outbox keeps it: the person's account, which becomes their token on the wire. */
export const ExportLoggedStored = z
  .object({ ...fields, personAccount: z.string().min(1).max(64) })
  .strict()
  .refine(inOrder, ORDER);
