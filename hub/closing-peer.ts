/**
 * A desk's closing message at the hub: `case.close`, a supervisor's, by person token.
 * Spread into peer-messages.ts. (Reopening rides on `case.append`: center-record.ts.)
 */
import { CaseClose, type HubAck, type HubEvent } from '../shared/hub/messages';
import type { TokenEntry } from '../shared/hub/protocol';
import type { Validate } from './account-peer';
import type { CenterRecord } from './center-record';

export function closingHandlers(
  record: CenterRecord,
  who: TokenEntry,
  validate: Validate,
  broadcast: (events: readonly HubEvent[]) => void,
): Record<string, (payload: unknown) => HubAck<object>> {
  return {
    'case.close': (payload) => {
      const v = validate(CaseClose, payload);
      if (!v.ok) return v.answer;
      const { ack, events } = record.closeCase(who, v.msg);
      broadcast(events);
      return ack;
    },
  };
}
