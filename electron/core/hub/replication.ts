/**
 * Keeps a desk and the hub in step over the link: wires the outbox sender (this desk's
 * changes out, in order, acks awaited; outbox-sender.ts) and the event applier (the hub's
 * events in, in strict seq order, synced on every (re)connect and gap; event-applier.ts)
 * to the link, so that acks and the events pushed with them commit together.
 */
import type { Logger } from '../../../shared/log';
import type { DispatchesStore, OutboxStore, ReplicaStore } from '../store/interface';
import { createEventApplier } from './event-applier';
import type { HubLink } from './hub-link';
import { createOutboxSender } from './outbox-sender';
import { nodeTimers, type Timers } from './timers';

export interface ReplicationOptions {
  link: HubLink;
  outbox: OutboxStore;
  dispatches: DispatchesStore;
  events: Pick<ReplicaStore, 'lastSeq' | 'apply' | 'pass' | 'changeSettled'>;
  log: Logger;
  now: () => number;
  /** Node's timers unless a test moves time itself. */
  timers?: Timers;
  /**
   * Runs `fn` in one store transaction: the acks of a batch, or events that arrived
   * together, cost one commit instead of one each.
   */
  atomically<T>(fn: () => T): T;
  /** A supervisor's message with its person's token (outbox-sender.ts). */
  personal?: (payload: unknown) => unknown;
  /** Something visible changed (outbox size, a dispatch status). */
  changed(caseId?: string): void;
}

export function startReplication(o: ReplicationOptions): { kick(): void; stop(): void } {
  const timers = o.timers ?? nodeTimers;
  const applier = createEventApplier({
    link: o.link,
    events: o.events,
    log: o.log,
    now: o.now,
    timers,
    atomically: (fn) => o.atomically(fn),
    changed: (caseId) => o.changed(caseId),
    sending: () => sender.state() === 'sending',
  });
  const sender = createOutboxSender({
    link: o.link,
    outbox: o.outbox,
    dispatches: o.dispatches,
    events: o.events,
    log: o.log,
    now: o.now,
    timers,
    // Events that arrived with the acks commit with them.
    atomically: (fn) =>
      o.atomically(() => {
        applier.applyArrived();
        fn();
      }),
    changed: () => o.changed(),
    ...(o.personal ? { personal: o.personal } : {}),
  });

  const offStatus = o.link.onChange((s) => {
    const online = s.state === 'online';
    applier.linkChanged(online);
    sender.linkChanged(online);
  });
  const offEvent = o.link.onEvent((raw) => applier.pushed(raw));
  applier.sync();
  sender.kick();

  return {
    kick: () => sender.kick(),
    stop() {
      sender.stop();
      applier.stop();
      offStatus();
      offEvent();
    },
  };
}
