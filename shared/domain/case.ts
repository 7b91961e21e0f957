/** Case and call vocabulary (DESIGN §2): statuses, dispositions and who acted. */
import { z } from 'zod';

export const CaseStatus = z.enum([
  'new',
  'dispatch_pending',
  'dispatched',
  'accepted',
  'in_progress',
  'resolved',
  'closed',
  'returned',
  'cancelled',
]);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** What an answered call turned out to be. Only `case` opens or joins a case. */
export const Disposition = z.enum([
  'case',
  'prank',
  'silent',
  'misdial',
  'abusive',
  'info',
  'test',
]);
export type Disposition = z.infer<typeof Disposition>;

export const Role = z.enum(['operator', 'supervisor']);
export type Role = z.infer<typeof Role>;

export const Operator = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
});
export type Operator = z.infer<typeof Operator>;

/** uuid (any version; Sigap makes v7, time-ordered). */
export const Uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/** UTC epoch milliseconds, within a sane range (2020 … 2100). */
export const EpochMs = z.number().int().min(1_577_836_800_000).max(4_102_444_800_000);
