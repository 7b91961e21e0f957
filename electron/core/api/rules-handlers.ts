/**
 * The center's rules through the console API: anyone signed in reads the routing table and
 * category targets in force on this desk; a supervisor publishes a new version of either,
 * or reads their history, by asking the hub directly (not queued): a publication concerns
 * the whole center and the hub decides it at once — applied, or refused with its code (a
 * version conflict, an unknown OPD…) and nothing changed. Without the hub: `hub.offline`.
 * The hub's event then brings the new version to every desk, this one included.
 */
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { RulesHistoryAck, RulesPublishAck } from '../../../shared/hub/rules-messages';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { askHub } from '../hub/ask-hub';
import type { Session } from '../session';
import { requireSupervisor } from './block-handlers';
import type { Handlers } from './handlers';
import { requireOperator } from './require-session';

type RulesChannels =
  'rules.get' | 'rules.publishRouting' | 'rules.publishTargets' | 'rules.history';

export function rulesHandlers(ctx: CoreContext): Pick<Handlers, RulesChannels> {
  const offline = () =>
    new CoreError('hub.offline', 'The hub is not connected; publishing rules needs it.');

  /** The supervisor's actor and hub token (none: signed in while the hub was away). */
  const supervisorOf = (session: Session) => {
    const supervisor = requireSupervisor(session);
    if (!ctx.hub || ctx.hub.status().state !== 'online') throw offline();
    const token = ctx.people.tokenFor(supervisor.id);
    if (!token || token === 'pending') {
      throw new CoreError(
        'auth.token_invalid',
        'The hub does not know this sign-in yet: sign in again while the hub is connected.',
      );
    }
    return {
      actor: { id: ctx.deskId, role: 'desk' as const, person: supervisor.displayName },
      personToken: token,
    };
  };

  const ask = <S extends typeof RulesPublishAck | typeof RulesHistoryAck>(
    event: string,
    payload: Record<string, unknown>,
    schema: S,
  ) =>
    askHub(ctx, event, payload, schema, 'publishing rules needs it') as Promise<
      Extract<z.output<S>, { ok: true }>
    >;

  return {
    'rules.get': (_args, session) => {
      const person = requireOperator(session);
      return {
        routing: ctx.rules.routing(),
        targets: ctx.rules.targets(),
        canEdit: person.role === 'supervisor',
      };
    },
    'rules.publishRouting': async ({ expectedVersion, table, reason }, session) => {
      const by = supervisorOf(session);
      const ack = await ask(
        'routing.publish',
        { publishId: uuidv7(), expectedVersion, table, reason, ...by },
        RulesPublishAck,
      );
      return { version: ack.version };
    },
    'rules.publishTargets': async ({ expectedVersion, table, reason }, session) => {
      const by = supervisorOf(session);
      const ack = await ask(
        'targets.publish',
        { publishId: uuidv7(), expectedVersion, table, reason, ...by },
        RulesPublishAck,
      );
      return { version: ack.version };
    },
    'rules.history': async ({ kind }, session) => {
      const by = supervisorOf(session);
      const ack = await ask(`${kind}.history`, { limit: 50, ...by }, RulesHistoryAck);
      return { versions: ack.versions };
    },
  };
}
