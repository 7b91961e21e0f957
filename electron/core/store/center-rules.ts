/**
 * The desk's replica of the center's rules (the one writer of `center_rules`): the routing
 * table and category targets in force, as the hub's `routing.changed` / `targets.changed`
 * events bring them, applied in seq order with the rest of the hub's events. Only a newer
 * version replaces the one kept. Read back validated: a row this code cannot read counts
 * as none (the files' defaults), never as a broken table.
 */
import { RoutingTable, TargetsTable, type RulesKind } from '../../../shared/domain/center-rules';
import type { HubEvent } from '../../../shared/hub/messages';
import type { Store } from './database';

/** A published version as this desk keeps it. */
export interface PublishedRules<T> {
  version: number;
  table: T;
  at: number;
  person: string;
  reason: string;
}

type RulesEvent = Extract<HubEvent, { type: 'routing.changed' | 'targets.changed' }>;

interface Row {
  version: number;
  body: string;
  at: number;
  person: string;
  reason: string;
}

export function createCenterRules(db: Store) {
  const upsert = db.prepare(
    `INSERT INTO center_rules (kind, version, body, at, person, reason, seq)
     VALUES (@kind, @version, @body, @at, @person, @reason, @seq)
     ON CONFLICT (kind) DO UPDATE SET
       version = excluded.version, body = excluded.body, at = excluded.at,
       person = excluded.person, reason = excluded.reason, seq = excluded.seq
     WHERE excluded.version > center_rules.version`,
  );
  const row = db.prepare<[string], Row>(
    'SELECT version, body, at, person, reason FROM center_rules WHERE kind = ?',
  );
  /** Moves on with every change, so readers know when to read again. */
  let generation = 0;

  function read<T>(kind: RulesKind, parse: (raw: unknown) => T | undefined) {
    const r = row.get(kind);
    if (!r) return undefined;
    const table = parse(JSON.parse(r.body));
    if (table === undefined) return undefined;
    return { version: r.version, table, at: r.at, person: r.person, reason: r.reason };
  }

  return {
    /** A hub event: the published version replaces an older one kept here. */
    fromEvent(event: RulesEvent): void {
      const changed = upsert.run({
        kind: event.type === 'routing.changed' ? 'routing' : 'targets',
        version: event.version,
        body: JSON.stringify(event.table),
        at: event.at,
        person: event.actor.person,
        reason: event.reason,
        seq: event.seq,
      });
      if (changed.changes > 0) generation += 1;
    },
    routing: (): PublishedRules<RoutingTable> | undefined =>
      read('routing', (raw) => RoutingTable.safeParse(raw).data),
    targets: (): PublishedRules<TargetsTable> | undefined =>
      read('targets', (raw) => TargetsTable.safeParse(raw).data),
    generation: (): number => generation,
  };
}

export type CenterRules = ReturnType<typeof createCenterRules>;
