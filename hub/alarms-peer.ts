/**
 * The calendar alarm's hub message on a desk's connection: `calendar.ack`, validated like
 * every message (schema, then the connection's own actor), applied by the center's record
 * (calendar-alarm-operations.ts) and its event broadcast. Spread into peer-messages.ts.
 */
import { CalendarAck, type HubAck, type HubEvent } from '../shared/hub/messages';
import type { TokenEntry } from '../shared/hub/protocol';
import type { Validate } from './account-peer';
import type { CenterRecord } from './center-record';

export function calendarAlarmHandlers(
  record: Pick<CenterRecord, 'ackCalendar'>,
  who: TokenEntry,
  validate: Validate,
  broadcast: (events: readonly HubEvent[]) => void,
): Record<'calendar.ack', (payload: unknown) => HubAck<object>> {
  return {
    'calendar.ack': (payload) => {
      const v = validate(CalendarAck, payload);
      if (!v.ok) return v.answer;
      const { ack, events } = record.ackCalendar(who, v.msg);
      broadcast(events);
      return ack;
    },
  };
}
