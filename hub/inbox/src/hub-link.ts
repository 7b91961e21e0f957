/**
 * The inbox's link to the hub's /opd namespace: reconnects by itself, asks `hello` and
 * `inbox` on every (re)connect, acknowledges `dispatch.new` (which makes it `seen`), and
 * resends every unanswered transition with its same id until the hub answers — the hub
 * applies a transition id once, so a resend never acts twice. Every message from the hub
 * is checked with the shared schemas before the page uses it.
 */
import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { HelloAnswer, InboxAck, SeqAck } from '../../../shared/hub/acks';
import { type Actor } from '../../../shared/hub/messages';
import {
  OpdCaseReporters,
  OpdDispatch,
  OpdDispatchChanged,
  OpdDispatchEscalated,
} from '../../../shared/hub/opd-messages';
import { PROTOCOL_VERSION, type HelloAck } from '../../../shared/hub/protocol';
import type { ActionTo } from './inbox-state';

export type LinkState = 'connecting' | 'online' | 'offline' | 'refused';

export interface LinkHandlers {
  state(state: LinkState, detail?: string): void;
  identity(identity: HelloAck['identity']): void;
  inbox(dispatches: OpdDispatch[]): void;
  arrived(dispatch: OpdDispatch): void;
  changed(change: OpdDispatchChanged): void;
  /** Another caller joined a case this OPD holds: how many reported it now. */
  reporters(r: OpdCaseReporters): void;
  escalated(e: OpdDispatchEscalated): void;
  applied(t: {
    transitionId: string;
    dispatchId: string;
    to: ActionTo;
    at: number;
    actor: Actor;
  }): void;
  refused(t: { transitionId: string; dispatchId: string; code: string }): void;
}

export interface HubLink {
  /** Sends a transition now (or as soon as the link is up); returns its id. */
  transition(dispatchId: string, to: ActionTo, note: string, person: string): string;
  close(): void;
}

const ACK_TIMEOUT_MS = 10_000;

export function connectHub(token: string, handlers: LinkHandlers): HubLink {
  const socket: Socket = io('/opd', {
    auth: { token },
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  let opdId: string | undefined;
  const pending = new Map<
    string,
    { dispatchId: string; to: ActionTo; note: string; person: string }
  >();

  const send = (transitionId: string): void => {
    const t = pending.get(transitionId);
    if (!t || !socket.connected || !opdId) return;
    const actor: Actor = { id: opdId, role: 'opd', person: t.person };
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit(
        'transition',
        { transitionId, dispatchId: t.dispatchId, to: t.to, note: t.note, actor },
        (err: Error | null, raw: unknown) => {
          if (!pending.has(transitionId)) return; // answered already (a resend's twin)
          if (err) {
            // No answer in time: try again while the link is up; a reconnect resends too.
            if (socket.connected) setTimeout(() => send(transitionId), 1000);
            return;
          }
          const ack = SeqAck.safeParse(raw);
          pending.delete(transitionId);
          if (!ack.success) {
            handlers.refused({ transitionId, dispatchId: t.dispatchId, code: 'internal' });
          } else if (ack.data.ok) {
            handlers.applied({
              transitionId,
              dispatchId: t.dispatchId,
              to: t.to,
              at: Date.now(),
              actor,
            });
          } else {
            handlers.refused({
              transitionId,
              dispatchId: t.dispatchId,
              code: ack.data.error.code,
            });
          }
        },
      );
  };

  socket.on('connect', () => {
    handlers.state('online');
    void (async () => {
      try {
        const hello = HelloAnswer.safeParse(
          await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('hello', { protocol: PROTOCOL_VERSION }),
        );
        if (!hello.success || !hello.data.ok) return;
        opdId = hello.data.identity.id;
        handlers.identity(hello.data.identity);
        const inbox = InboxAck.safeParse(
          await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('inbox', {}),
        );
        if (inbox.success && inbox.data.ok) handlers.inbox(inbox.data.dispatches);
        for (const id of pending.keys()) send(id);
      } catch {
        // The link dropped mid-way: the next connect starts over.
      }
    })();
  });
  socket.on('disconnect', () => handlers.state('offline'));
  socket.on('connect_error', (err: Error) => {
    // A refusal by the hub's handshake check is final; a network failure is retried.
    if (socket.active) handlers.state('offline', err.message);
    else handlers.state('refused', err.message);
  });
  socket.on('dispatch.new', (raw: unknown, ack?: (ok: boolean) => void) => {
    const d = OpdDispatch.safeParse(raw);
    if (!d.success) return;
    handlers.arrived(d.data);
    if (typeof ack === 'function') ack(true);
  });
  socket.on('dispatch.changed', (raw: unknown) => {
    const c = OpdDispatchChanged.safeParse(raw);
    if (c.success) handlers.changed(c.data);
  });
  socket.on('case.reporters', (raw: unknown) => {
    const r = OpdCaseReporters.safeParse(raw);
    if (r.success) handlers.reporters(r.data);
  });
  socket.on('dispatch.escalated', (raw: unknown) => {
    const e = OpdDispatchEscalated.safeParse(raw);
    if (e.success) handlers.escalated(e.data);
  });
  handlers.state('connecting');

  return {
    transition(dispatchId, to, note, person) {
      const transitionId = uuidv7();
      pending.set(transitionId, { dispatchId, to, note, person });
      send(transitionId);
      return transitionId;
    },
    close() {
      pending.clear();
      socket.close();
    },
  };
}
