/**
 * This desk's replica of the center's cases: case events from the hub, applied in seq
 * order by hub-events.ts. Fields this desk changed and the hub has not acknowledged yet
 * are left alone (the desk's own change is on its way and is later in the hub's order);
 * everything else follows the hub, so once the outbox drains every desk holds the hub's
 * record.
 */
import type { Statement } from 'better-sqlite3';
import type { CaseFields, HubEvent } from '../../../shared/hub/messages';
import type { Logger } from '../../../shared/log';
import { actorLabel } from './actor-label';
import { CASE_COLUMNS, CASE_LEVEL_STATUSES, toColumnValue } from './case-columns';
import type { Store } from './database';
import type { Outbox } from './outbox';

const REQUIRED = [
  'categoryId',
  'urgency',
  'description',
  'kecamatanId',
  'kelurahanId',
  'address',
  'landmark',
  'anonim',
  'rahasia',
] as const;

export function createCaseReplica(db: Store, outbox: Outbox, deskId: string, log: Logger) {
  const caseRow = db.prepare<[string], Record<string, unknown> & { status: string }>(
    'SELECT * FROM cases WHERE id = ?',
  );
  const category = db.prepare<[string], { classification: string }>(
    'SELECT classification FROM categories WHERE id = ?',
  );
  const kelurahan = db.prepare<[string], { kecamatan_id: string }>(
    'SELECT kecamatan_id FROM kelurahan WHERE id = ?',
  );
  const insertCase = db.prepare(
    `INSERT INTO cases (id, created_at, updated_at, status, category_id, urgency, classification, description,
       kecamatan_id, kelurahan_id, address, landmark, lat, lng, anonim, rahasia, caller_number, opd_id,
       opened_by, desk_id, hub_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  const setSeq = db.prepare('UPDATE cases SET hub_seq = max(hub_seq, ?) WHERE id = ?');
  const setHolder = db.prepare('UPDATE cases SET holder_desk = ?, hub_seq = ? WHERE id = ?');
  const timeline = db.prepare(
    'INSERT INTO case_timeline (case_id, at, actor_id, kind, note) VALUES (?, ?, ?, ?, ?)',
  );
  const updates = new Map<string, Statement<unknown[]>>();
  const updateColumns = (columns: readonly string[]) => {
    const key = columns.join(',');
    let stmt = updates.get(key);
    if (!stmt) {
      const sets = columns.map((c) => `${c} = ?`).join(', ');
      stmt = db.prepare(`UPDATE cases SET ${sets}, updated_at = ?, hub_seq = ? WHERE id = ?`);
      updates.set(key, stmt);
    }
    return stmt;
  };

  /** A case another desk opened: it joins the replica when its first change arrives. */
  const insert = (event: HubEvent & { caseId: string }, fields: CaseFields): void => {
    const missing = REQUIRED.filter((f) => fields[f] === undefined);
    const cat = fields.categoryId ? category.get(fields.categoryId) : undefined;
    const kel = fields.kelurahanId ? kelurahan.get(fields.kelurahanId) : undefined;
    if (missing.length > 0 || !cat || kel?.kecamatan_id !== fields.kecamatanId) {
      // The hub accepted it, so another desk's reference data differs from this one's.
      log.warn('case from the hub does not fit this desk; not replicated', {
        caseId: event.caseId,
        missing: missing.join(','),
      });
      return;
    }
    const status = fields.status && CASE_LEVEL_STATUSES.has(fields.status) ? fields.status : 'new';
    insertCase.run(
      event.caseId,
      event.at,
      event.at,
      status,
      fields.categoryId,
      fields.urgency,
      cat.classification,
      fields.description,
      fields.kecamatanId,
      fields.kelurahanId,
      fields.address,
      fields.landmark,
      fields.lat ?? null,
      fields.lng ?? null,
      fields.anonim ? 1 : 0,
      fields.rahasia ? 1 : 0,
      fields.callerNumber ?? null,
      actorLabel(event.actor),
      event.actor.id,
      event.seq,
    );
    timeline.run(event.caseId, event.at, actorLabel(event.actor), 'created', null);
  };

  const changed = (event: HubEvent & { caseId: string }): void => {
    const fields = event.fields ?? {};
    const current = caseRow.get(event.caseId);
    if (!current) {
      insert(event, fields);
      return;
    }
    const pending = outbox.pendingFields(event.caseId);
    const columns: string[] = [];
    const values: Array<string | number | null> = [];
    const news: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(fields)) {
      if (pending.has(field)) continue;
      if (field === 'status') {
        if (
          typeof value === 'string' &&
          CASE_LEVEL_STATUSES.has(value) &&
          current.status !== value
        ) {
          columns.push('status');
          values.push(value);
          news[field] = value;
        }
        continue;
      }
      const column = CASE_COLUMNS[field as keyof CaseFields];
      if (!column) continue;
      const v = toColumnValue(value);
      if (current[column] === v) continue;
      if (field === 'categoryId' && !category.get(String(value))) continue;
      if (field === 'kelurahanId' && !kelurahan.get(String(value))) continue;
      columns.push(column);
      values.push(v);
      news[field] = value;
    }
    if (columns.length === 0) {
      setSeq.run(event.seq, event.caseId);
      return;
    }
    updateColumns(columns).run(...values, event.at, event.seq, event.caseId);
    // This desk's own edits are on the timeline already; an echo that still changed
    // something means the hub's record differed, which the operator should see too.
    timeline.run(
      event.caseId,
      event.at,
      actorLabel(event.actor),
      news.status === 'cancelled' ? 'cancelled' : 'edited',
      JSON.stringify(news),
    );
  };

  return {
    changed,

    /** An edit replaced another desk's: the timeline keeps what was replaced. */
    conflict(event: HubEvent & { caseId: string }): void {
      if (!caseRow.get(event.caseId)) return;
      timeline.run(
        event.caseId,
        event.at,
        actorLabel(event.actor),
        'conflict',
        JSON.stringify(event.fields ?? {}),
      );
      setSeq.run(event.seq, event.caseId);
    },

    claimed(event: HubEvent & { caseId: string }): void {
      const current = caseRow.get(event.caseId);
      if (!current || !event.holder) return;
      setHolder.run(
        event.holder === current.desk_id ? null : event.holder,
        event.seq,
        event.caseId,
      );
      if (event.actor.id !== deskId) {
        timeline.run(event.caseId, event.at, actorLabel(event.actor), 'claimed', event.holder);
      }
    },

    appended(event: HubEvent & { caseId: string }): void {
      if (!event.entry || !caseRow.get(event.caseId)) return;
      // This desk wrote its own entries when they were made.
      if (event.actor.id !== deskId) {
        timeline.run(
          event.caseId,
          event.at,
          actorLabel(event.actor),
          event.entry.kind,
          event.entry.text,
        );
      }
      setSeq.run(event.seq, event.caseId);
    },
  };
}

export type CaseReplica = ReturnType<typeof createCaseReplica>;
