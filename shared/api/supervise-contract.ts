/**
 * The console API of supervisors' alarms and actions: the raised alarms, acknowledging one,
 * and escalating, re-routing and handing over through the hub. Spread into contract.ts.
 * Every channel is supervisor-only; the actions need the hub (`hub.offline` without it).
 */
import { z } from 'zod';
import { RaisedAlarm } from '../domain/alarm';
import { RaisedCalendarAlarm } from '../domain/calendar-alarm';
import { Uuid } from '../domain/case';
import { SupervisorNote } from '../hub/supervisor-messages';
import { Identifier } from '../hub/protocol';

/** A desktop notification's words: built from the page's own texts, never caller text. */
export const DesktopNotice = z
  .object({
    title: z.string().trim().min(1).max(200),
    body: z.string().max(500),
    tag: z.string().min(1).max(200),
  })
  .strict();
export type DesktopNotice = z.infer<typeof DesktopNotice>;

export const superviseContract = {
  /**
   * Every alarm raised now, the longest waiting first, with who acknowledged it; and the
   * holiday calendar's years that the working-day clocks ahead need and do not have complete.
   */
  'alarm.list': {
    args: z.object({}).strict(),
    result: z.object({ alarms: z.array(RaisedAlarm), calendar: z.array(RaisedCalendarAlarm) }),
  },
  /** Acknowledges one raised alarm (a dispatch's, or `calendar:<year>`) for every supervisor, through the hub. */
  'alarm.ack': {
    args: z.object({ alarmId: z.string().min(1).max(200) }).strict(),
    result: z.object({}),
  },
  /**
   * Shows a new alarm as the desktop's own notification (the desktop app; `shown` false where
   * the host has none, as in a browser tab, which uses the page's Notification API instead).
   */
  'alarm.notify': {
    args: DesktopNotice,
    result: z.object({ shown: z.boolean() }),
  },
  /** A note to the OPD holding the dispatch; its alarm is armed again. */
  'supervise.escalate': {
    args: z.object({ dispatchId: Uuid, note: SupervisorNote }).strict(),
    result: z.object({}),
  },
  /** Withdraws a returned or stuck dispatch and dispatches the case to another OPD. */
  'supervise.reroute': {
    args: z.object({ dispatchId: Uuid, opdId: Identifier, reason: SupervisorNote }).strict(),
    result: z.object({ dispatchId: Uuid }),
  },
  /** Gives the case to a desk: this one (taking it over) or another. */
  'supervise.assign': {
    args: z.object({ caseId: Uuid, toDesk: Identifier }).strict(),
    result: z.object({}),
  },
} as const;
