/**
 * A desk's messages about the center's rules at the hub: `routing.publish`,
 * `targets.publish`, `routing.history` and `targets.history` (rules-operations.ts). Spread
 * into the desk namespace's handlers by peer-messages.ts.
 */
import type { RulesKind, RulesVersionEntry } from '../shared/domain/center-rules';
import type { HubAck, HubEvent } from '../shared/hub/messages';
import type { TokenEntry } from '../shared/hub/protocol';
import { RoutingPublish, RulesHistory, TargetsPublish } from '../shared/hub/rules-messages';
import type { Validate } from './account-peer';
import type { CenterRecord } from './center-record';

export function rulesHandlers(
  record: CenterRecord,
  who: TokenEntry,
  validate: Validate,
  broadcast: (events: readonly HubEvent[]) => void,
): Record<string, (payload: unknown) => HubAck<object>> {
  const history =
    (kind: RulesKind) =>
    (payload: unknown): HubAck<{ versions?: RulesVersionEntry[] }> => {
      const v = validate(RulesHistory, payload);
      if (!v.ok) return v.answer;
      const supervisor = record.auth.requireSupervisor(v.msg.personToken);
      if (!supervisor.ok)
        return { ok: false, error: { code: supervisor.code, message: supervisor.message } };
      const versions = record.rules.history(kind, v.msg.limit);
      return { ok: true, versions };
    };
  return {
    'routing.publish': (payload) => {
      const v = validate(RoutingPublish, payload);
      if (!v.ok) return v.answer;
      const { ack, events } = record.rules.publishRouting(who, v.msg);
      broadcast(events);
      return ack;
    },
    'targets.publish': (payload) => {
      const v = validate(TargetsPublish, payload);
      if (!v.ok) return v.answer;
      const { ack, events } = record.rules.publishTargets(who, v.msg);
      broadcast(events);
      return ack;
    },
    'routing.history': history('routing'),
    'targets.history': history('targets'),
  };
}
