/**
 * The hub's dispatch operations: queuing a case's dispatch for its OPD, the OPD moving it
 * through its lifecycle, the desk taking it back, and the OPD's inbox. Each operation is one
 * transaction applied once per message id (applied-answers.ts).
 */
import type { z } from 'zod';
import {
  DISPATCH_LIFECYCLE,
  dispatchRank,
  isDispatchOpen,
  isUnseen,
  returnsCase,
  isWithdrawable,
  sqlStatusList,
} from '../shared/domain/lifecycle';
import {
  LEGAL_TRANSITIONS,
  type Actor,
  type DispatchRequest,
  type DispatchStatus,
  type CaseReroute,
  type DispatchWithdraw,
  type HubEvent,
  type Transition,
} from '../shared/hub/messages';
import { type OpdDispatch } from '../shared/hub/opd-messages';
import type { TokenEntry } from '../shared/hub/protocol';
import { joined } from '../shared/store/joined';
import { refuse, type AppliedAnswers, type Outcome } from './applied-answers';
import type { CaseLookup } from './case-operations';
import type { AuditLog } from './audit';
import type { EventLog } from './event-log';
import type { PersonAuth } from './person-auth';
import type { HubStore } from './store/store';

const withEscalation = (e: { note: string; at: number } | undefined) =>
  e ? { escalation: { note: e.note, at: e.at } } : {};

/** A dispatch a supervisor may re-route: returned, or still open and not yet accepted (stuck). */
const reroutable = (s: DispatchStatus): boolean =>
  returnsCase(s) || (isDispatchOpen(s) && dispatchRank(s) < dispatchRank('accepted'));

export function createDispatchOperations(
  db: HubStore,
  eventLog: EventLog,
  once: AppliedAnswers['once'],
  cases: CaseLookup,
  opdIds: ReadonlySet<string>,
  now: () => number,
  auth: PersonAuth,
  audit: AuditLog,
) {
  const dispatchRow = db.prepare<
    [string],
    { id: string; case_id: string; opd_id: string; status: DispatchStatus; queued_at: number }
  >('SELECT id, case_id, opd_id, status, queued_at FROM dispatches WHERE id = ?');
  const insertDispatch = db.prepare(
    `INSERT INTO dispatches (id, case_id, opd_id, status, queued_at, desk_id) VALUES (?, ?, ?, 'queued', ?, ?)`,
  );
  const setStatus = db.prepare('UPDATE dispatches SET status = ? WHERE id = ?');
  const openForOpd = db.prepare<
    [string],
    { id: string; case_id: string; status: DispatchStatus; queued_at: number }
  >(
    `SELECT id, case_id, status, queued_at FROM dispatches
     WHERE opd_id = ? AND status NOT IN (${sqlStatusList(DISPATCH_LIFECYCLE, (r) => !r.open)}) ORDER BY queued_at`,
  );

  return {
    /** A cancelled case takes back its open dispatches; the OPD sees the withdrawal. */
    withdraw(
      who: TokenEntry,
      msg: z.output<typeof DispatchWithdraw>,
    ): Outcome<{ seq: number }> & { opdId?: string } {
      let opdId: string | undefined;
      const outcome = once<{ seq: number }>('dispatch.withdraw', who, msg.withdrawId, () => {
        const d = dispatchRow.get(msg.dispatchId);
        if (!d) return refuse('dispatch.unknown', `no dispatch ${msg.dispatchId}`);
        if (!cases.mayEdit(d.case_id, who)) {
          return refuse('auth.not_yours', `case ${d.case_id} is held by another desk`);
        }
        if (!isWithdrawable(d.status)) {
          return refuse('transition.illegal', `a ${d.status} dispatch cannot be withdrawn`);
        }
        setStatus.run('withdrawn', d.id);
        opdId = d.opd_id;
        const event = eventLog.append({
          type: 'dispatch.status',
          at: now(),
          actor: msg.actor,
          caseId: d.case_id,
          dispatchId: d.id,
          opdId: d.opd_id,
          status: 'withdrawn',
          note: msg.reason,
        });
        return { ack: { ok: true, seq: event.seq }, events: [event] };
      });
      return opdId ? { ...outcome, opdId } : outcome;
    },

    /**
     * Queues a dispatch for its OPD. With `forInbox`, also returns what to push to the
     * OPD's open inboxes; without, none is open and the inbox lists it when it next opens.
     */
    dispatch(
      who: TokenEntry,
      msg: z.output<typeof DispatchRequest>,
      forInbox = true,
    ): Outcome<{ hubSeq: number; queuedAt: number }> & { delivery?: OpdDispatch } {
      let delivery: OpdDispatch | undefined;
      const outcome = once<{ hubSeq: number; queuedAt: number }>(
        'dispatch',
        who,
        msg.dispatchId,
        () => {
          const copy = forInbox ? cases.forOpd(msg.caseId) : undefined;
          if (forInbox ? !copy : !cases.exists(msg.caseId))
            return refuse('case.unknown', `case ${msg.caseId} has not reached the hub`);
          if (!opdIds.has(msg.opdId))
            return refuse('opd.unknown', `no OPD "${msg.opdId}" in the roster`);
          // A reopening goes back to the OPD that resolved the case, naming that dispatch.
          const earlier = msg.reopens ? dispatchRow.get(msg.reopens) : undefined;
          if (msg.reopens && (earlier?.case_id !== msg.caseId || earlier.opd_id !== msg.opdId))
            return refuse(
              'dispatch.unknown',
              `no dispatch ${msg.reopens} of this case to ${msg.opdId}`,
            );
          const reopens = msg.reopens ? { reopens: msg.reopens } : {};
          const queuedAt = now();
          insertDispatch.run(msg.dispatchId, msg.caseId, msg.opdId, queuedAt, who.id);
          const event = eventLog.append({
            type: 'dispatch.status',
            at: queuedAt,
            actor: msg.actor,
            caseId: msg.caseId,
            dispatchId: msg.dispatchId,
            opdId: msg.opdId,
            status: 'queued',
            ...reopens,
          });
          if (copy) {
            delivery = {
              dispatchId: msg.dispatchId,
              caseId: msg.caseId,
              status: 'queued',
              queuedAt,
              ...reopens,
              ...copy,
            };
          }
          return { ack: { ok: true, hubSeq: event.seq, queuedAt }, events: [event] };
        },
      );
      return delivery ? { ...outcome, delivery } : outcome;
    },

    /**
     * A supervisor re-routes a returned or stuck dispatch: the old one is withdrawn (its OPD
     * sees the withdrawal) and the case is dispatched to `opdId`, in one transaction.
     */
    reroute(
      who: TokenEntry,
      msg: z.output<typeof CaseReroute>,
      forInbox = true,
    ): Outcome<{ seq: number }> & { delivery?: OpdDispatch } {
      let delivery: OpdDispatch | undefined;
      const outcome = once<{ seq: number }>('case.reroute', who, msg.rerouteId, () => {
        const supervisor = auth.requireSupervisor(msg.personToken);
        if (!supervisor.ok) return refuse(supervisor.code, supervisor.message);
        const d = dispatchRow.get(msg.dispatchId);
        if (!d) return refuse('dispatch.unknown', `no dispatch ${msg.dispatchId}`);
        if (!opdIds.has(msg.opdId))
          return refuse('opd.unknown', `no OPD "${msg.opdId}" in the roster`);
        if (msg.opdId === d.opd_id)
          return refuse('dispatch.same_opd', `the dispatch is with ${d.opd_id} already`);
        if (!reroutable(d.status)) {
          return refuse('dispatch.not_stuck', `a ${d.status} dispatch is not re-routed`);
        }
        if (dispatchRow.get(msg.newDispatchId))
          return refuse('protocol.id_reused', `dispatch ${msg.newDispatchId} exists already`);
        const at = now();
        const events: HubEvent[] = [];
        if (!returnsCase(d.status)) {
          setStatus.run('withdrawn', d.id);
          events.push(
            eventLog.append({
              type: 'dispatch.status',
              at,
              actor: msg.actor,
              caseId: d.case_id,
              dispatchId: d.id,
              opdId: d.opd_id,
              status: 'withdrawn',
              note: msg.reason,
            }),
          );
        }
        insertDispatch.run(msg.newDispatchId, d.case_id, msg.opdId, at, who.id);
        const queued = eventLog.append({
          type: 'dispatch.status',
          at,
          actor: msg.actor,
          caseId: d.case_id,
          dispatchId: msg.newDispatchId,
          opdId: msg.opdId,
          status: 'queued',
          note: msg.reason,
        });
        events.push(queued);
        audit.record({
          at,
          personId: supervisor.account.id,
          person: supervisor.account.displayName,
          action: 'case.reroute',
          desk: who.id,
          details: {
            caseId: d.case_id,
            dispatchId: d.id,
            newDispatchId: msg.newDispatchId,
            fromOpd: d.opd_id,
            toOpd: msg.opdId,
            reason: msg.reason,
          },
        });
        if (forInbox) {
          delivery = {
            dispatchId: msg.newDispatchId,
            caseId: d.case_id,
            status: 'queued',
            queuedAt: at,
            case: cases.fields(d.case_id, true),
            reporters: cases.reporters(d.case_id),
          };
        }
        return { ack: { ok: true, seq: queued.seq }, events };
      });
      return delivery ? { ...outcome, delivery } : outcome;
    },

    transition(who: TokenEntry, msg: z.output<typeof Transition>): Outcome<{ seq: number }> {
      return once<{ seq: number }>('transition', who, msg.transitionId, () => {
        const d = dispatchRow.get(msg.dispatchId);
        if (!d) return refuse('dispatch.unknown', `no dispatch ${msg.dispatchId}`);
        if (d.opd_id !== who.id)
          return refuse('auth.not_yours', 'this dispatch belongs to another OPD');
        if (!LEGAL_TRANSITIONS[d.status].includes(msg.to)) {
          return refuse('transition.illegal', `a dispatch cannot go from ${d.status} to ${msg.to}`);
        }
        setStatus.run(msg.to, d.id);
        const event = eventLog.append({
          type: 'dispatch.status',
          at: now(),
          actor: msg.actor,
          caseId: d.case_id,
          dispatchId: d.id,
          opdId: d.opd_id,
          status: msg.to,
          ...(msg.note ? { note: msg.note } : {}),
        });
        return { ack: { ok: true, seq: event.seq }, events: [event] };
      });
    },

    /** The OPD's client has the dispatch on screen. */
    markSeen: joined(db, (dispatchId: string, actor: Actor): HubEvent[] => {
      const d = dispatchRow.get(dispatchId);
      if (!d || !isUnseen(d.status)) return [];
      setStatus.run('seen', d.id);
      return [
        eventLog.append({
          type: 'dispatch.status',
          at: now(),
          actor,
          caseId: d.case_id,
          dispatchId: d.id,
          opdId: d.opd_id,
          status: 'seen',
        }),
      ];
    }),

    inbox(
      opdId: string,
      escalationOf: (dispatchId: string) => { note: string; at: number } | undefined = () =>
        undefined,
    ): OpdDispatch[] {
      return openForOpd.all(opdId).map((d) => ({
        ...withEscalation(escalationOf(d.id)),
        dispatchId: d.id,
        caseId: d.case_id,
        status: d.status,
        queuedAt: d.queued_at,
        case: cases.fields(d.case_id, true),
        reporters: cases.reporters(d.case_id),
      }));
    },
  };
}
