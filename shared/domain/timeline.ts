/**
 * What a case's timeline records: one kind per line. The kinds are stored on every desk
 * (case_timeline.kind), so a kind is added here, never renamed, and each has a text in both
 * languages (renderer/src/i18n).
 */
import { z } from 'zod';
import type { DeskDispatchStatus } from './dispatch';

export const TimelineKind = z.enum([
  'created',
  'edited',
  'conflict',
  'claimed',
  'note',
  'co_reporter',
  'cancelled',
  'dispatched',
  'dispatch.seen',
  'dispatch.accepted',
  'dispatch.in_progress',
  'dispatch.resolved',
  'dispatch.returned',
  'dispatch.withdrawn',
  /** An operator phoned the OPD about the dispatch (the hub's `opd_called` entry). */
  'dispatch.called',
  /** A supervisor reopened a screened call as this case (the note: ReopenedNote as JSON). */
  'reopened',
  /** Resolved → closed, by a supervisor or the hub (the note: ClosedNote as JSON). */
  'closed',
  /** The reporter called back about the resolved case (the note: CallbackNote as JSON). */
  'callback',
  /** The reporter said it is not fixed: the case went back to its OPD(s). */
  'case_reopened',
]);
export type TimelineKind = z.infer<typeof TimelineKind>;

/** The line an OPD's move of a dispatch leaves, or none for a status the OPD never sets. */
export function opdMoveKind(to: DeskDispatchStatus): TimelineKind | null {
  const kind = TimelineKind.safeParse(`dispatch.${to}`);
  return kind.success && kind.data !== 'dispatch.called' ? kind.data : null;
}
