/**
 * A dispatch as a desk sees it (DESIGN §2): `waiting` in the desk's outbox, `at_hub` once
 * the hub acknowledged it, then the OPD's statuses. `refused` means the hub refused it for
 * good. The case status is derived from its dispatches.
 */
import { z } from 'zod';
import { DispatchStatus } from '../hub/messages';
import type { CaseStatus } from './case';

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
  if (current === 'cancelled' || current === 'closed') return current;
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

/** DESIGN §2 emergency clock: send within 2 minutes, OPD accepts within 5. */
export const SEND_TARGET_MS = 2 * 60_000;
export const ACCEPT_TARGET_MS = 5 * 60_000;

/**
 * A dispatch never fails silently: refused for good, still unsent after the send target,
 * or not accepted within the accept target, it needs a phone call to the OPD, until an
 * operator records that call.
 */
export function needsCall(
  d: { status: DeskDispatchStatus; createdAt: number; calledAt?: number | null },
  now: number,
): boolean {
  // Someone phoned the OPD: a refusal is handled by phone; a slow OPD gets another
  // accept target before the desk is asked to call again.
  if (d.calledAt != null) {
    if (d.status === 'refused' || now - d.calledAt <= ACCEPT_TARGET_MS) return false;
  }
  const age = now - d.createdAt;
  if (d.status === 'refused') return true;
  if (d.status === 'waiting') return age > SEND_TARGET_MS;
  if (d.status === 'at_hub' || d.status === 'seen') return age > ACCEPT_TARGET_MS;
  return false;
}
