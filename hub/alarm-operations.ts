/**
 * Supervisors' work on alarms at the hub: acknowledging one (the first supervisor's stands,
 * and every desk learns who and when from `alarm.acked`) and escalating a stuck dispatch to
 * its OPD (a note its inbox shows; `dispatch.escalated` re-arms the alarm on every desk).
 * Both need a supervisor's person token, are applied once per message id and go into the
 * center audit log.
 */
import type { z } from 'zod';
import { DISPATCH_LIFECYCLE } from '../shared/domain/lifecycle';
import type { AlarmAck, CaseEscalate, DispatchStatus } from '../shared/hub/messages';
import type { TokenEntry } from '../shared/hub/protocol';
import { refuse, type AppliedAnswers, type Outcome } from './applied-answers';
import type { AuditLog } from './audit';
import type { EventLog } from './event-log';
import type { PersonAuth } from './person-auth';
import type { HubStore } from './store/store';

/** The latest escalation of a dispatch, as its OPD's inbox shows it. */
export interface Escalation {
  note: string;
  at: number;
}

export function createAlarmOperations(
  db: HubStore,
  eventLog: EventLog,
  once: AppliedAnswers['once'],
  now: () => number,
  auth: PersonAuth,
  audit: AuditLog,
) {
  const dispatchRow = db.prepare<
    [string],
    { id: string; case_id: string; opd_id: string; status: DispatchStatus }
  >('SELECT id, case_id, opd_id, status FROM dispatches WHERE id = ?');
  const ackRow = db.prepare<[string, string, number], { seq: number }>(
    'SELECT seq FROM alarm_acks WHERE dispatch_id = ? AND level = ? AND arming = ?',
  );
  const insertAck = db.prepare(
    'INSERT INTO alarm_acks (dispatch_id, level, arming, at, acked_by, seq) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertEscalation = db.prepare(
    'INSERT INTO escalations (id, dispatch_id, note, at, escalated_by, seq) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const latestEscalation = db.prepare<[string], Escalation>(
    'SELECT note, at FROM escalations WHERE dispatch_id = ? ORDER BY at DESC, seq DESC LIMIT 1',
  );

  return {
    ackAlarm(who: TokenEntry, msg: z.output<typeof AlarmAck>): Outcome<{ seq: number }> {
      return once<{ seq: number }>('alarm.ack', who, msg.ackId, () => {
        const supervisor = auth.requireSupervisor(msg.personToken);
        if (!supervisor.ok) return refuse(supervisor.code, supervisor.message);
        const d = dispatchRow.get(msg.dispatchId);
        if (!d) return refuse('dispatch.unknown', `no dispatch ${msg.dispatchId}`);
        // Another supervisor was first: theirs stands, and this one is answered with it.
        const first = ackRow.get(d.id, msg.level, msg.arming);
        if (first) return { ack: { ok: true, seq: first.seq }, events: [] };
        const at = now();
        const event = eventLog.append({
          type: 'alarm.acked',
          at,
          actor: msg.actor,
          caseId: d.case_id,
          dispatchId: d.id,
          level: msg.level,
          arming: msg.arming,
        });
        insertAck.run(d.id, msg.level, msg.arming, at, JSON.stringify(msg.actor), event.seq);
        audit.record({
          at,
          personId: supervisor.account.id,
          person: supervisor.account.displayName,
          action: 'alarm.ack',
          desk: who.id,
          details: { caseId: d.case_id, dispatchId: d.id, level: msg.level, arming: msg.arming },
        });
        return { ack: { ok: true, seq: event.seq }, events: [event] };
      });
    },

    escalate(who: TokenEntry, msg: z.output<typeof CaseEscalate>): Outcome<{ seq: number }> {
      return once<{ seq: number }>('case.escalate', who, msg.escalateId, () => {
        const supervisor = auth.requireSupervisor(msg.personToken);
        if (!supervisor.ok) return refuse(supervisor.code, supervisor.message);
        const d = dispatchRow.get(msg.dispatchId);
        if (!d) return refuse('dispatch.unknown', `no dispatch ${msg.dispatchId}`);
        if (!DISPATCH_LIFECYCLE[d.status].open) {
          return refuse(
            'dispatch.not_stuck',
            `a ${d.status} dispatch is not with its OPD any more`,
          );
        }
        const at = now();
        const event = eventLog.append({
          type: 'dispatch.escalated',
          at,
          actor: msg.actor,
          caseId: d.case_id,
          dispatchId: d.id,
          opdId: d.opd_id,
          note: msg.note,
        });
        insertEscalation.run(
          msg.escalateId,
          d.id,
          msg.note,
          at,
          JSON.stringify(msg.actor),
          event.seq,
        );
        audit.record({
          at,
          personId: supervisor.account.id,
          person: supervisor.account.displayName,
          action: 'case.escalate',
          desk: who.id,
          details: { caseId: d.case_id, dispatchId: d.id, opdId: d.opd_id, note: msg.note },
        });
        return { ack: { ok: true, seq: event.seq }, events: [event] };
      });
    },

    /** The latest escalation of a dispatch, for its OPD's inbox. */
    escalationOf: (dispatchId: string): Escalation | undefined => latestEscalation.get(dispatchId),
  };
}
