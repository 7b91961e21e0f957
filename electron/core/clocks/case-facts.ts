/**
 * What the clocks need to know about a case, read from the case as the desk stores it: when
 * the call ended, when each dispatch left the desk, and when its OPD accepted, resolved or
 * returned it (the hub's times, from the timeline the hub's events wrote). The desk's own
 * stamps are moved onto the hub's clock by the measured offset, so every fact and "now"
 * are on one clock.
 */
import type { CaseFacts, DispatchFacts } from '../../../shared/domain/clocks';
import type { DeskDispatchStatus } from '../../../shared/domain/dispatch';
import {
  DESK_DISPATCH_LIFECYCLE,
  DISPATCH_LIFECYCLE,
  deskStage,
  isCaseCancelled,
  isCaseOpen,
} from '../../../shared/domain/lifecycle';
import type { StoredCaseDetail } from '../../../shared/domain/queue';
import type { TimelineKind } from '../../../shared/domain/timeline';

type Dispatch = StoredCaseDetail['dispatches'][number];

/** How far the OPD took it, in the hub's ranks; -1 while it has not reached the OPD's statuses. */
const hubRank = (s: DeskDispatchStatus): number =>
  deskStage(s) === 'sent' && Object.hasOwn(DISPATCH_LIFECYCLE, s)
    ? DISPATCH_LIFECYCLE[s as keyof typeof DISPATCH_LIFECYCLE].rank
    : -1;
/** Returned, withdrawn or refused for good: no OPD works on it any more. */
const ended = (s: DeskDispatchStatus): boolean =>
  deskStage(s) === 'refused' || !DESK_DISPATCH_LIFECYCLE[s].holds;

/** `hubOffset`: hub clock minus desk clock in ms (0 when never measured). */
export function caseFactsFrom(detail: StoredCaseDetail, hubOffset = 0): CaseFacts {
  const onHub = (deskTime: number): number => deskTime + hubOffset;
  /** The first timeline entry of these kinds by this OPD since the dispatch was made. */
  const firstBy = (d: Dispatch, kinds: readonly TimelineKind[]): number | null => {
    const at = detail.timeline
      .filter((t) => kinds.includes(t.kind) && t.actor === d.opdId && t.at >= onHub(d.createdAt))
      .map((t) => t.at);
    return at.length > 0 ? Math.min(...at) : null;
  };
  const dispatches: DispatchFacts[] = detail.dispatches.map((d) => {
    const over = ended(d.status);
    const rank = over ? -1 : hubRank(d.status);
    const acceptedAt =
      rank >= DISPATCH_LIFECYCLE.accepted.rank
        ? (firstBy(d, ['dispatch.accepted', 'dispatch.in_progress', 'dispatch.resolved']) ??
          onHub(d.updatedAt))
        : null;
    const resolvedAt =
      rank >= DISPATCH_LIFECYCLE.resolved.rank
        ? (firstBy(d, ['dispatch.resolved']) ?? onHub(d.updatedAt))
        : null;
    return {
      dispatchId: d.dispatchId,
      opdId: d.opdId,
      // The desk keeps when the operator sent it, not when the hub queued it: a dispatch
      // that has left the outbox counts from the operator's send.
      dispatchedAt: deskStage(d.status) === 'sent' ? onHub(d.createdAt) : null,
      acceptedAt,
      resolvedAt,
      endedAt: over ? onHub(d.updatedAt) : null,
    };
  });
  const firstCall = detail.calls[0];
  const lastEntry = Math.max(detail.createdAt, ...detail.timeline.map((t) => t.at));
  const cancelled = isCaseCancelled(detail.status);
  const live = dispatches.filter((d) => d.endedAt === null);
  // Resolved when the last OPD still on it resolved it (the case's own status says the same).
  const resolvedAt =
    live.length > 0 && live.every((d) => d.resolvedAt !== null)
      ? Math.max(...live.map((d) => d.resolvedAt as number))
      : null;
  return {
    urgency: detail.urgency,
    reportedAt: onHub(firstCall?.endedAt ?? firstCall?.startedAt ?? detail.createdAt),
    dispatches,
    resolvedAt,
    closedAt: !isCaseOpen(detail.status) && !cancelled ? onHub(lastEntry) : null,
    cancelledAt: cancelled
      ? onHub(detail.timeline.find((t) => t.kind === 'cancelled')?.at ?? lastEntry)
      : null,
  };
}
