/**
 * A dispatch as a desk sees it (DESIGN §2): `waiting` in the desk's outbox, `at_hub` once
 * the hub acknowledged it, then the OPD's statuses. `refused` means the hub refused it for
 * good. The case status is derived from its dispatches.
 */
import { z } from 'zod';
import { DispatchStatus } from '../hub/messages';
import type { CaseStatus } from './case';
import { CASE_LIFECYCLE } from './lifecycle';

export const DeskDispatchStatus = z.enum([
  'waiting',
  'at_hub',
  // What the hub reports after `queued` (which is `at_hub` here), in the hub's words.
  ...DispatchStatus.exclude(['queued']).options,
  'refused',
]);
export type DeskDispatchStatus = z.infer<typeof DeskDispatchStatus>;

/** The case status its dispatches imply; a case without dispatches keeps its own. */
export function caseStatusFrom(
  current: CaseStatus,
  dispatches: readonly DeskDispatchStatus[],
): CaseStatus {
  if (CASE_LIFECYCLE[current].caseLevel) return current;
  const live = dispatches.filter(
    (d): d is Exclude<DeskDispatchStatus, 'withdrawn'> => d !== 'withdrawn',
  );
  if (live.length === 0) return current;
  const has = (s: Exclude<DeskDispatchStatus, 'withdrawn'>) => live.includes(s);
  if (has('waiting') || has('refused')) return 'dispatch_pending';
  if (live.every((d) => d === 'returned')) return 'returned';
  const open = live.filter((d) => d !== 'returned');
  if (open.every((d) => d === 'resolved')) return 'resolved';
  if (open.some((d) => d === 'in_progress' || d === 'resolved')) return 'in_progress';
  if (open.some((d) => d === 'accepted')) return 'accepted';
  return 'dispatched';
}
