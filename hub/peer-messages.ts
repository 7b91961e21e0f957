/**
 * Binds protocol v1 messages to a connected peer: each namespace accepts only its own
 * messages; every payload is validated, its actor checked against the token's identity,
 * and applied to the center's record with the group that arrived with it (group-commit.ts):
 * acks, events and deliveries go out after that commit. Bad messages get an error ack and a
 * log line; the peer stays connected and the hub stays up.
 */
import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import {
  AlarmAck,
  CaseAssign,
  CaseEscalate,
  CaseReroute,
  CallerBlock,
  CallerUnblock,
  ReportSignMessage,
  CallLog,
  CaseAppend,
  CaseClaim,
  CaseUpsert,
  DispatchRequest,
  DispatchWithdraw,
  SyncRequest,
  Transition,
  type HubAck,
  type HubEvent,
} from '../shared/hub/messages';
import { type OpdCaseReporters, type OpdDispatch } from '../shared/hub/opd-messages';
import {
  FEATURES,
  Hello,
  MIN_DESK_PROTOCOL,
  PROTOCOL_VERSION,
  type HelloAck,
  type TokenEntry,
} from '../shared/hub/protocol';
import type { Logger } from '../shared/log';
import { accountHandlers, type Prepared, type Validate } from './account-peer';
import { closingHandlers } from './closing-peer';
import { calendarAlarmHandlers } from './alarms-peer';
import type { ReportersChanged } from './case-operations';
import type { CenterRecord } from './center-record';
import { applyBatch } from './peer-batch';
import { nameForLog, readPacket, refusal, type Handler } from './peer-packet';
import { DASHBOARD_ROOM, type DashboardFeed } from './dashboard-feed';
import { rulesHandlers } from './rules-peer';
import { EVENTS_ROOM, type EventStream } from './event-stream';
import type { GroupCommit, ReadAheadHint } from './group-commit';
import { opdRoom } from './opd-notify';
import type { HubPresence } from './presence';
import { DashboardSubscribe, DeskPerson } from '../shared/hub/dashboard';
import { ExportLogged } from '../shared/hub/export-messages';

export function bindPeer(
  io: Server,
  socket: Socket,
  record: CenterRecord,
  log: Logger,
  commit: GroupCommit,
  stream: EventStream,
  dashboard?: { presence: HubPresence; feed: DashboardFeed },
  /** Other hub nodes may serve this center (a PostgreSQL store). */
  clustered = false,
): void {
  const who = socket.data.identity as TokenEntry;
  const nsp = socket.nsp.name;

  /**
   * Whether a new dispatch's inbox copy is worth building: an inbox that opens later lists
   * the dispatch itself. On one node, its rooms say; with other nodes, one of theirs may be
   * open, and it is always built.
   */
  const inboxOpen = (opdId: string): boolean =>
    clustered || (io.of('/opd').adapter.rooms.get(opdRoom(opdId))?.size ?? 0) > 0;

  /**
   * A dispatch changes no case, and reads its case's OPD copy when the copy is worth
   * building. The payload is not validated yet: a hint that names no case, or a wrong one,
   * only costs the read ahead its use.
   */
  const dispatchHint = (payload: unknown): ReadAheadHint => {
    const { caseId, opdId } = (payload ?? {}) as { caseId?: unknown; opdId?: unknown };
    if (typeof caseId !== 'string' || caseId.length > 64) return {};
    if (typeof opdId !== 'string' || opdId.length > 64) return {};
    return inboxOpen(opdId) ? { caseCopy: caseId } : {};
  };
  const hintFor = (name: unknown, payload: unknown): ReadAheadHint | undefined =>
    name === 'dispatch' ? dispatchHint(payload) : undefined;

  /** Once the group is durable, the node streams the events to its peers (event-stream.ts). */
  const broadcast = (events: readonly HubEvent[]): void =>
    commit.afterCommit(() => stream.committed(events));

  const deliver = (d: OpdDispatch, opdId: string): void =>
    commit.afterCommit(() =>
      io
        .of('/opd')
        .to(opdRoom(opdId))
        .timeout(5000)
        .emit('dispatch.new', d, (err: Error | null, answers: unknown[]) => {
          if (err || answers.length === 0) return; // not seen yet; the inbox list will show it
          const actor = { id: opdId, role: 'opd', person: 'OPD inbox' } as const;
          commit.submit(
            () => broadcast(record.markSeen(d.dispatchId, actor)),
            () => undefined,
            (e) => log.error('marking seen failed', { dispatchId: d.dispatchId, error: String(e) }),
            {}, // changes no case
          );
        }),
    );

  /** A co-reporter joined: the OPDs holding the case see how many reported it (a count only). */
  const tellReporters = ({ caseId, reporters, opdIds }: ReportersChanged): void =>
    commit.afterCommit(() => {
      const message: OpdCaseReporters = { caseId, reporters };
      for (const opdId of opdIds) io.of('/opd').to(opdRoom(opdId)).emit('case.reporters', message);
    });

  /** A desk below MIN_DESK_PROTOCOL said hello: nothing it sends is applied. */
  let outdated = false;
  const tooOld = () =>
    refusal(
      'protocol.desk_outdated',
      `this hub serves desks of protocol ${MIN_DESK_PROTOCOL} or later: update Sigap on this desk`,
    );

  /** Validates and checks the actor against the connection's token. */
  const validate: Validate = (schema, payload) => {
    if (outdated) return { ok: false, answer: tooOld() };
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        answer: refusal(
          'protocol.invalid',
          `${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'invalid'}`,
        ),
      };
    }
    const actor = (parsed.data as { actor?: { id: string; role: string } }).actor;
    if (actor && (actor.id !== who.id || actor.role !== who.kind)) {
      return {
        ok: false,
        answer: refusal('auth.actor_mismatch', `this connection acts as ${who.kind} ${who.id}`),
      };
    }
    return { ok: true, msg: parsed.data };
  };

  /** Validates, checks the actor, applies; never throws into socket.io. */
  function accept<S extends z.ZodType>(
    schema: S,
    apply: (msg: z.output<S>) => HubAck<object>,
  ): Handler {
    return (payload) => {
      const v = validate(schema, payload);
      return v.ok ? apply(v.msg) : v.answer;
    };
  }

  const accountMessages = accountHandlers(record, who, validate, broadcast);
  /** Messages with slow work (a password hash) done before they join a commit group. */
  const slow: Record<string, Prepared> = nsp === '/desk' ? accountMessages.slow : {};

  const sync = accept(SyncRequest, ({ sinceSeq, limit }) => ({
    ok: true,
    ...record.sync(sinceSeq, limit),
  }));
  const helloAck = (): HubAck<HelloAck> => ({
    ok: true,
    protocol: PROTOCOL_VERSION,
    hubTime: record.now(),
    identity: { kind: who.kind, id: who.id, ...(who.person ? { person: who.person } : {}) },
    ...(nsp === '/desk' && { features: [FEATURES.batch] }),
  });
  const handlers: Record<string, Handler> = {
    hello: (payload) => {
      const hello = Hello.safeParse(payload ?? {});
      if (!hello.success) return refusal('protocol.invalid', 'hello: protocol must be a number');
      outdated = nsp === '/desk' && hello.data.protocol < MIN_DESK_PROTOCOL;
      if (outdated) return tooOld();
      if (nsp !== '/opd' && hello.data.features.includes(FEATURES.events)) {
        void socket.join(EVENTS_ROOM);
      }
      return helloAck();
    },
    ...(nsp === '/desk' && {
      'case.upsert': accept(CaseUpsert, (msg) => {
        const { ack, events } = record.upsertCase(who, msg);
        broadcast(events);
        return ack;
      }),
      'case.claim': accept(CaseClaim, (msg) => {
        const { ack, events } = record.claim(who, msg);
        broadcast(events);
        return ack;
      }),
      'case.append': accept(CaseAppend, (msg) => {
        const { ack, events, reporters } = record.append(who, msg);
        broadcast(events);
        if (reporters) tellReporters(reporters);
        return ack;
      }),
      'dispatch.withdraw': accept(DispatchWithdraw, (msg) => {
        const { ack, events } = record.withdraw(who, msg);
        broadcast(events);
        return ack;
      }),
      'call.log': accept(CallLog, (msg) => {
        const { ack, events } = record.callLog(who, msg);
        // A newly stored call may bring its number to an automatic soft block.
        const flags = ack.ok && events.length > 0 ? record.blockAfterCall(msg, msg.actor) : [];
        broadcast([...events, ...flags]);
        return ack;
      }),
      'caller.block': accept(CallerBlock, (msg) => {
        const { ack, events } = record.block(who, msg);
        broadcast(events);
        return ack;
      }),
      'caller.unblock': accept(CallerUnblock, (msg) => {
        const { ack, events } = record.unblock(who, msg);
        broadcast(events);
        return ack;
      }),
      'report.sign': accept(ReportSignMessage, (msg) => record.signReport(who, msg).ack),
      'export.logged': accept(ExportLogged, (msg) => record.exportLogged(who, msg).ack),
      dispatch: accept(DispatchRequest, (msg) => {
        const { ack, events, delivery } = record.dispatch(who, msg, inboxOpen(msg.opdId));
        broadcast(events);
        if (delivery) deliver(delivery, msg.opdId);
        return ack;
      }),
      'alarm.ack': accept(AlarmAck, (msg) => {
        const { ack, events } = record.ackAlarm(who, msg);
        broadcast(events);
        return ack;
      }),
      ...calendarAlarmHandlers(record, who, validate, broadcast),
      'case.escalate': accept(CaseEscalate, (msg) => {
        const { ack, events } = record.escalate(who, msg);
        broadcast(events);
        return ack;
      }),
      'case.reroute': accept(CaseReroute, (msg) => {
        const { ack, events, delivery } = record.reroute(who, msg, inboxOpen(msg.opdId));
        broadcast(events);
        if (delivery) deliver(delivery, msg.opdId);
        return ack;
      }),
      'case.assign': accept(CaseAssign, (msg) => {
        const { ack, events } = record.assign(who, msg);
        broadcast(events);
        return ack;
      }),
      ...accountMessages.quick,
      ...closingHandlers(record, who, validate, broadcast),
      ...rulesHandlers(record, who, validate, broadcast),
      sync,
      'desk.person': accept(DeskPerson, (msg) => {
        dashboard?.presence.deskReported(who.id, msg);
        dashboard?.feed.changed();
        return { ok: true };
      }),
      'dashboard.subscribe': accept(DashboardSubscribe, (msg) => {
        if (!msg.on) {
          void socket.leave(DASHBOARD_ROOM);
          return { ok: true };
        }
        const supervisor = record.auth.requireSupervisor(msg.personToken);
        if (!supervisor.ok) return refusal(supervisor.code, supervisor.message);
        void socket.join(DASHBOARD_ROOM);
        return { ok: true, ...(dashboard ? { dashboard: dashboard.feed.snapshot() } : {}) };
      }),
    }),
    ...(nsp === '/opd' && {
      transition: accept(Transition, (msg) => {
        const { ack, events } = record.transition(who, msg);
        broadcast(events);
        return ack;
      }),
      inbox: () => ({ ok: true, dispatches: record.inbox(who.id) }),
    }),
    ...(nsp === '/supervisor' && { sync }),
  };

  if (nsp === '/opd') void socket.join(opdRoom(who.id));

  socket.onAny((...args: unknown[]) => {
    const { name, payload, extra, ack } = readPacket(args);
    if (name === 'batch' && nsp === '/desk') {
      if (ack && extra === 0)
        return applyBatch(payload, ack, { handlers, submit, hint: hintFor, nsp });
      const why = ack
        ? 'a message carries one payload'
        : 'a message must ask for an acknowledgement';
      return submit(() => refusal('protocol.invalid', why), 'batch', ack);
    }
    const label = nameForLog(name);
    const prepare =
      typeof name === 'string' && Object.hasOwn(slow, name) && ack && extra === 0
        ? slow[name]
        : undefined;
    if (prepare) {
      prepare(payload).then(
        (apply) => submit(apply, label, ack),
        (e: unknown) => {
          log.error('message failed', {
            namespace: nsp,
            id: who.id,
            event: label,
            error: String(e),
          });
          ack?.(refusal('internal', 'the hub could not apply this message; it is logged'));
        },
      );
      return;
    }
    const handler =
      typeof name === 'string' && Object.hasOwn(handlers, name) ? handlers[name] : undefined;
    submit(
      () => {
        if (!handler) {
          return refusal(
            'protocol.unknown_message',
            typeof name === 'string'
              ? `unknown message "${label}" on ${nsp}`
              : `a message is named by a string; got ${label} on ${nsp}`,
          );
        }
        // Only an acknowledged message can tell its sender whether it was applied.
        if (!ack) return refusal('protocol.invalid', 'a message must ask for an acknowledgement');
        if (extra > 0) return refusal('protocol.invalid', 'a message carries one payload');
        return handler(payload);
      },
      label,
      ack,
      handler ? hintFor(name, payload) : undefined,
    );
  });

  function submit(
    apply: () => HubAck<object>,
    label: string,
    ack: ((answer: HubAck<object>) => void) | undefined,
    hint?: ReadAheadHint,
  ): void {
    commit.submit<HubAck<object>>(
      apply,
      (answer) => {
        if (!answer.ok) {
          log.warn('message refused', {
            namespace: nsp,
            id: who.id,
            event: label,
            code: answer.error.code,
          });
        }
        ack?.(answer);
      },
      (e) => {
        log.error('message failed', { namespace: nsp, id: who.id, event: label, error: String(e) });
        return refusal('internal', 'the hub could not apply this message; it is logged');
      },
      hint,
    );
  }
}
