/**
 * Supervisors' alarms and actions through the console API. The raised alarms are read from
 * this desk's replica; acknowledging, escalating, re-routing and handing a case over are
 * asked of the hub directly (not queued): each concerns the whole center and is decided by
 * the hub, which answers at once or refuses with its code. Without the hub: `hub.offline`.
 * The hub's events then bring the change to every desk, this one included. Each carries the
 * signed-in supervisor's person token: the hub checks it, not this desk's word.
 */
import { v7 as uuidv7 } from 'uuid';
import { calendarAlarmYear, calendarGaps } from '../../../shared/domain/calendar-alarm';
import { hubNow } from '../../../shared/domain/clocks';
import { SeqAck } from '../../../shared/hub/acks';
import type { Actor } from '../../../shared/hub/messages';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { askHub } from '../hub/ask-hub';
import type { Session } from '../session';
import { requireSupervisor } from './block-handlers';
import type { Handlers } from './handlers';

type SuperviseChannels =
  | 'alarm.list'
  | 'alarm.ack'
  | 'alarm.notify'
  | 'supervise.escalate'
  | 'supervise.reroute'
  | 'supervise.assign';

export function superviseHandlers(ctx: CoreContext): Pick<Handlers, SuperviseChannels> {
  /** Who acts, and the token the hub gave them (none yet: the hub refuses, auth.token_invalid). */
  const supervisorOf = (session: Session): { actor: Actor; personToken?: string } => {
    const supervisor = requireSupervisor(session);
    const token = ctx.people.tokenFor(supervisor.id);
    return {
      actor: { id: ctx.deskId, role: 'desk', person: supervisor.displayName },
      ...(token && token !== 'pending' ? { personToken: token } : {}),
    };
  };

  /** The calendar's years the working-day clocks ahead need, from the hub's today. */
  const calendarGapsNow = () =>
    calendarGaps(
      ctx.clocks.calendar,
      hubNow(ctx.now(), ctx.hubOffset()),
      ctx.clocks.workingDayHorizon,
    );

  /** Sends one message to the hub and waits for its answer; a refusal is a typed error. */
  const ask = async (event: string, payload: Record<string, unknown>): Promise<void> => {
    await askHub(ctx, event, payload, SeqAck, 'supervisor actions need it');
  };

  return {
    'alarm.list': (_args, session) => {
      requireSupervisor(session);
      return {
        alarms: ctx.store.supervision.raised(ctx.now()),
        calendar: ctx.store.supervision.raisedCalendar(calendarGapsNow()),
      };
    },
    'alarm.ack': async ({ alarmId }, session) => {
      const by = supervisorOf(session);
      const year = calendarAlarmYear(alarmId);
      if (year !== null) {
        const raised = ctx.store.supervision.raisedCalendar(calendarGapsNow());
        const alarm = raised.find((a) => a.year === year);
        if (!alarm) throw new CoreError('alarm.not_found', 'This alarm is no longer raised.');
        if (alarm.acked) return {};
        await ask('calendar.ack', { ackId: uuidv7(), year, problem: alarm.problem, ...by });
        return {};
      }
      const alarm = ctx.store.supervision.raised(ctx.now()).find((a) => a.id === alarmId);
      if (!alarm) throw new CoreError('alarm.not_found', 'This alarm is no longer raised.');
      if (alarm.acked) return {};
      await ask('alarm.ack', {
        ackId: uuidv7(),
        dispatchId: alarm.dispatchId,
        level: alarm.level,
        arming: alarm.arming,
        ...by,
      });
      return {};
    },
    'alarm.notify': (notice, session) => {
      requireSupervisor(session);
      return { shown: ctx.desktopNotify(notice) };
    },
    'supervise.escalate': async ({ dispatchId, note }, session) => {
      const by = supervisorOf(session);
      await ask('case.escalate', {
        escalateId: uuidv7(),
        dispatchId,
        note,
        ...by,
      });
      return {};
    },
    'supervise.reroute': async ({ dispatchId, opdId, reason }, session) => {
      const by = supervisorOf(session);
      if (!ctx.reference().opds.some((o) => o.id === opdId)) {
        throw new CoreError('api.invalid_args', 'Unknown OPD.', { opdId: 'dispatch.opd_unknown' });
      }
      const newDispatchId = uuidv7();
      await ask('case.reroute', {
        rerouteId: uuidv7(),
        dispatchId,
        newDispatchId,
        opdId,
        reason,
        ...by,
      });
      return { dispatchId: newDispatchId };
    },
    'supervise.assign': async ({ caseId, toDesk }, session) => {
      const by = supervisorOf(session);
      if (!ctx.store.cases.exists(caseId)) {
        throw new CoreError('case.not_found', 'No such case on this desk.');
      }
      await ask('case.assign', {
        assignId: uuidv7(),
        caseId,
        toDesk,
        ...by,
      });
      return {};
    },
  };
}
