/**
 * The case and dispatch lifecycle in one table (DESIGN §2): which statuses are open, which
 * a case carries itself, which dispatches can still be taken back, how far along each is,
 * and the i18n key of its words for people. Every layer asks these questions here rather
 * than comparing status strings, so a new status is decided once.
 */
import type { DispatchStatus } from '../hub/messages';
import type { CaseStatus } from './case';
import type { DeskDispatchStatus } from './dispatch';

interface CaseRule {
  /** Still being worked: it may be edited, noted and sent to OPDs. */
  open: boolean;
  /** Set on the case itself (cancel, close); every other status is derived from dispatches. */
  caseLevel: boolean;
  /** Every OPD sent it back: it waits for the operator to route it again (the queue's Alt+R). */
  returned: boolean;
  /** Its words for people, in the console's i18n files. */
  label: `caseStatus.${CaseStatus}`;
}

export const CASE_LIFECYCLE: Readonly<Record<CaseStatus, CaseRule>> = {
  new: { open: true, caseLevel: false, returned: false, label: 'caseStatus.new' },
  dispatch_pending: {
    open: true,
    caseLevel: false,
    returned: false,
    label: 'caseStatus.dispatch_pending',
  },
  dispatched: { open: true, caseLevel: false, returned: false, label: 'caseStatus.dispatched' },
  accepted: { open: true, caseLevel: false, returned: false, label: 'caseStatus.accepted' },
  in_progress: { open: true, caseLevel: false, returned: false, label: 'caseStatus.in_progress' },
  resolved: { open: true, caseLevel: false, returned: false, label: 'caseStatus.resolved' },
  closed: { open: false, caseLevel: true, returned: false, label: 'caseStatus.closed' },
  returned: { open: true, caseLevel: false, returned: true, label: 'caseStatus.returned' },
  cancelled: { open: false, caseLevel: true, returned: false, label: 'caseStatus.cancelled' },
};

interface DispatchRule {
  /** Still in the OPD's inbox: not yet resolved, returned or withdrawn. */
  open: boolean;
  /** A cancelled case takes it back from the OPD. */
  withdrawable: boolean;
  /** The OPD sent it back as not theirs (bukan wewenang): it needs a reason. */
  returnsCase: boolean;
  /** How far along it is; a status never moves to a lower rank. */
  rank: number;
  /** Its words for people, in the OPD inbox's i18n files. */
  label: `status.${DispatchStatus}`;
}

/** A dispatch as the hub and the OPD inbox see it. */
export const DISPATCH_LIFECYCLE: Readonly<Record<DispatchStatus, DispatchRule>> = {
  queued: { open: true, withdrawable: true, returnsCase: false, rank: 0, label: 'status.queued' },
  seen: { open: true, withdrawable: true, returnsCase: false, rank: 1, label: 'status.seen' },
  accepted: {
    open: true,
    withdrawable: true,
    returnsCase: false,
    rank: 2,
    label: 'status.accepted',
  },
  in_progress: {
    open: true,
    withdrawable: true,
    returnsCase: false,
    rank: 3,
    label: 'status.in_progress',
  },
  resolved: {
    open: false,
    withdrawable: false,
    returnsCase: false,
    rank: 4,
    label: 'status.resolved',
  },
  returned: {
    open: false,
    withdrawable: false,
    returnsCase: true,
    rank: 4,
    label: 'status.returned',
  },
  withdrawn: {
    open: false,
    withdrawable: false,
    returnsCase: false,
    rank: 4,
    label: 'status.withdrawn',
  },
};

/** Where a desk's dispatch stands on its way to the hub. */
export type DeskStage = 'waiting' | 'sent' | 'refused';

interface DeskDispatchRule {
  stage: DeskStage;
  /** Not yet finished: a cancelled case withdraws it (locally when the hub never took it). */
  open: boolean;
  /** The OPD holds the case through it (the queue's OPD column); not returned or withdrawn. */
  holds: boolean;
  /** Its words for people, in the console's i18n files. */
  label: `dispatch.status.${DeskDispatchStatus}`;
}

const desk = (
  stage: DeskStage,
  open: boolean,
  holds: boolean,
  status: DeskDispatchStatus,
): DeskDispatchRule => ({ stage, open, holds, label: `dispatch.status.${status}` });

/** A dispatch as a desk sees it: its outbox stages, then the OPD's statuses. */
export const DESK_DISPATCH_LIFECYCLE: Readonly<Record<DeskDispatchStatus, DeskDispatchRule>> = {
  waiting: desk('waiting', true, true, 'waiting'),
  at_hub: desk('sent', true, true, 'at_hub'),
  seen: desk('sent', true, true, 'seen'),
  accepted: desk('sent', true, true, 'accepted'),
  in_progress: desk('sent', true, true, 'in_progress'),
  resolved: desk('sent', false, true, 'resolved'),
  returned: desk('sent', false, false, 'returned'),
  withdrawn: desk('sent', false, false, 'withdrawn'),
  refused: desk('refused', true, true, 'refused'),
};

/** A case that is neither cancelled nor closed: it may be edited and dispatched. */
export const isCaseOpen = (status: CaseStatus): boolean => CASE_LIFECYCLE[status].open;

/** The rule of a case status given as text (a filter, a field from the hub); none for other text. */
const caseRule = (status: string): CaseRule | undefined =>
  Object.hasOwn(CASE_LIFECYCLE, status) ? CASE_LIFECYCLE[status as CaseStatus] : undefined;

/** A status the case carries itself rather than one derived from its dispatches. */
export const isCaseLevelStatus = (status: string): status is CaseStatus =>
  caseRule(status)?.caseLevel === true;

/** A case every OPD sent back, waiting to be routed again. */
export const isCaseReturned = (status: string): boolean => caseRule(status)?.returned === true;

/** A case cancelled by its operator (its timeline says so, not just "edited"). */
export const isCaseCancelled = (status: unknown): boolean => status === 'cancelled';

/** Resolved by its OPD(s): a supervisor may close it (the hub does after 10 working days). */
export const isCaseClosable = (status: unknown): boolean => status === 'resolved';

/** Closed, by a supervisor or by the hub. */
export const isCaseClosed = (status: unknown): boolean => status === 'closed';

/** Resolved or closed: a reporter's callback saying it is not fixed reopens it. */
export const isCaseReopenable = (status: unknown): boolean =>
  isCaseClosable(status) || isCaseClosed(status);

/**
 * Whether this desk may edit a case: the desk that opened it and the desk that took it
 * over may; whether the case is still open is `isCaseOpen`.
 */
export const mayEdit = (deskId: string, openedBy: string, heldBy: string | null): boolean =>
  openedBy === deskId || heldBy === deskId;

export const isDispatchOpen = (status: DispatchStatus): boolean => DISPATCH_LIFECYCLE[status].open;

/** Resolved by its OPD: done, unless a reporter's callback reopens the case. */
export const isDispatchResolved = (status: DispatchStatus): boolean => status === 'resolved';

export const isWithdrawable = (status: DispatchStatus): boolean =>
  DISPATCH_LIFECYCLE[status].withdrawable;

export const returnsCase = (status: DispatchStatus): boolean =>
  DISPATCH_LIFECYCLE[status].returnsCase;

export const dispatchRank = (status: DispatchStatus): number => DISPATCH_LIFECYCLE[status].rank;

/** Just queued at the hub: no OPD clerk has seen it yet. */
export const isUnseen = (status: DispatchStatus): boolean => status === 'queued';

/** The hub's status in the desk's words: `queued` at the hub is `at_hub` on the desk. */
export const deskStatusOf = (status: DispatchStatus): DeskDispatchStatus =>
  status === 'queued' ? 'at_hub' : status;

export const deskStage = (status: DeskDispatchStatus): DeskStage =>
  DESK_DISPATCH_LIFECYCLE[status].stage;

/** Open on the desk: withdrawn when its case is cancelled. */
export const isDeskDispatchOpen = (status: DeskDispatchStatus): boolean =>
  DESK_DISPATCH_LIFECYCLE[status].open;

/** Statuses of a table matching a flag, as a quoted SQL list: `'a', 'b'` (enum values only). */
export function sqlStatusList<S extends string, R>(
  table: Readonly<Record<S, R>>,
  keep: (rule: R) => boolean,
): string {
  return (Object.keys(table) as S[])
    .filter((s) => keep(table[s]))
    .map((s) => `'${s}'`)
    .join(', ');
}
