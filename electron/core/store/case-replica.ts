/**
 * This desk's replica of the center's cases: case events from the hub, applied in seq
 * order by hub-events.ts. The hub's values are kept as confirmed; what a case shows is
 * the confirmed fields with this desk's own pending edits replayed over them (an edit is
 * pending until the hub acknowledged it and its event is applied here). So while edits
 * travel the operator sees their own, and once the outbox drains every desk holds
 * exactly the hub's record.
 */
import type { CallbackNote, ClosedNote } from '../../../shared/domain/closing';
import { isCaseCancelled, isCaseClosed, isCaseLevelStatus } from '../../../shared/domain/lifecycle';
import type { CaseFields, HubEvent } from '../../../shared/hub/messages';
import type { Logger } from '../../../shared/log';
import { actorLabel } from './actor-label';
import { CASE_COLUMNS, toColumnValue } from './case-columns';
import { createCaseRows } from './case-rows';
import { createCoReporterWrites } from './co-reporters';
import type { Store } from './database';
import type { Outbox } from './outbox';

type EventOf<T extends HubEvent['type']> = Extract<HubEvent, { type: T }>;

/**
 * What a case lacks in its first change from the hub, it shows as empty (urgency: darurat,
 * so it is looked at rather than passed over); later changes fill it in.
 */
const DEFAULTS = {
  categoryId: '',
  urgency: 'darurat',
  description: '',
  kecamatanId: '',
  kelurahanId: '',
  address: '',
  landmark: '',
  anonim: false,
  rahasia: false,
} as const;

export function createCaseReplica(db: Store, outbox: Outbox, deskId: string, log: Logger) {
  const caseRow = db.prepare<[string], Record<string, unknown> & { status: string }>(
    'SELECT * FROM cases WHERE id = ?',
  );
  const category = db.prepare<[string], { classification: string }>(
    'SELECT classification FROM categories WHERE id = ?',
  );
  const rows = createCaseRows(db);
  const reporters = createCoReporterWrites(db, outbox);
  const setConfirmed = db.prepare(
    `INSERT INTO case_confirmed (case_id, field, value, seq) VALUES (?, ?, ?, ?)
     ON CONFLICT (case_id, field) DO UPDATE SET value = excluded.value, seq = excluded.seq`,
  );
  const confirmedOf = db.prepare<[string], { field: string; value: string }>(
    'SELECT field, value FROM case_confirmed WHERE case_id = ?',
  );
  /**
   * A case another desk opened: it joins the replica when its first change arrives, even
   * when its category or place is not in this desk's reference data (added elsewhere): it
   * shows with its code, marked unknown, rather than being lost on this desk.
   */
  const insert = (event: EventOf<'case.changed'>, changed: CaseFields): void => {
    const fields = { ...DEFAULTS, ...changed };
    const missing = Object.keys(DEFAULTS).filter((f) => !(f in changed));
    const cat = category.get(fields.categoryId);
    if (missing.length > 0 || !cat) {
      log.warn('case from the hub does not fit this desk; kept as it came', {
        caseId: event.caseId,
        ...(cat ? {} : { unknownCategory: fields.categoryId }),
        ...(missing.length > 0 ? { missing: missing.join(',') } : {}),
      });
    }
    const status = fields.status && isCaseLevelStatus(fields.status) ? fields.status : 'new';
    rows.insert({
      id: event.caseId,
      createdAt: event.at,
      updatedAt: event.at,
      status,
      categoryId: fields.categoryId,
      urgency: fields.urgency,
      classification: cat?.classification ?? null,
      description: fields.description,
      kecamatanId: fields.kecamatanId,
      kelurahanId: fields.kelurahanId,
      address: fields.address,
      landmark: fields.landmark,
      lat: fields.lat ?? null,
      lng: fields.lng ?? null,
      anonim: fields.anonim,
      rahasia: fields.rahasia,
      callerNumber: fields.callerNumber ?? null,
      openedBy: actorLabel(event.actor),
      deskId: event.actor.id,
      hubSeq: event.seq,
    });
    rows.timeline(event.caseId, event.at, actorLabel(event.actor), 'created', null);
  };

  /** The hub's value of each field, as its events set them (this desk's edits included). */
  const confirm = (caseId: string, fields: CaseFields, seq: number): void => {
    for (const [field, value] of Object.entries(fields)) {
      setConfirmed.run(caseId, field, JSON.stringify(value), seq);
    }
  };

  /**
   * Shows the confirmed fields with this desk's pending edits replayed over them, so a
   * field reads what the hub holds once nothing of this desk's is still on its way.
   */
  const refresh = (caseId: string, appliedSeq: number, now: number): Record<string, unknown> => {
    const current = caseRow.get(caseId);
    if (!current) return {};
    const target: Record<string, unknown> = Object.fromEntries(
      confirmedOf.all(caseId).map((r) => [r.field, JSON.parse(r.value) as unknown]),
    );
    for (const change of outbox.pendingChanges(caseId, appliedSeq)) Object.assign(target, change);
    const columns: string[] = [];
    const values: Array<string | number | null> = [];
    const shown: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(target)) {
      if (field === 'status') {
        if (typeof value === 'string' && isCaseLevelStatus(value) && current.status !== value) {
          columns.push('status');
          values.push(value);
          shown[field] = value;
        }
        continue;
      }
      const column = CASE_COLUMNS[field as keyof CaseFields];
      if (!column) continue;
      const v = toColumnValue(value);
      if (current[column] === v) continue;
      columns.push(column);
      values.push(v);
      if (field === 'categoryId') {
        // The classification follows the category; unknown when the category is.
        columns.push('classification');
        values.push(category.get(String(value))?.classification ?? null);
      }
      shown[field] = value;
    }
    if (columns.length > 0) rows.showColumns(caseId, columns, values, now);
    return shown;
  };

  const changed = (event: EventOf<'case.changed'>): void => {
    const { fields } = event;
    if (!caseRow.get(event.caseId)) {
      insert(event, fields);
      confirm(event.caseId, fields, event.seq);
      return;
    }
    confirm(event.caseId, fields, event.seq);
    rows.setSeq(event.caseId, event.seq);
    refresh(event.caseId, event.seq, event.at);
    // This desk's own edits are on its timeline since it made them.
    if (event.actor.id === deskId || Object.keys(fields).length === 0) return;
    rows.timeline(
      event.caseId,
      event.at,
      actorLabel(event.actor),
      isCaseCancelled(fields.status) ? 'cancelled' : 'edited',
      JSON.stringify(fields),
    );
  };

  return {
    changed,
    refresh,

    /** An edit replaced another desk's: the timeline keeps what was replaced. */
    conflict(event: EventOf<'case.conflict'>): void {
      if (!caseRow.get(event.caseId)) return;
      rows.timeline(
        event.caseId,
        event.at,
        actorLabel(event.actor),
        'conflict',
        JSON.stringify(event.fields),
      );
      rows.setSeq(event.caseId, event.seq);
    },

    /** Closed by a supervisor or by the hub itself: every desk's timeline says which. */
    closed(event: EventOf<'case.closed'>): void {
      if (!caseRow.get(event.caseId)) return;
      confirm(event.caseId, { status: 'closed' }, event.seq);
      rows.setSeq(event.caseId, event.seq);
      rows.setStatus(event.caseId, 'closed', event.at);
      const note: ClosedNote = {
        auto: event.auto,
        ...(event.auto ? {} : { person: event.actor.person }),
        ...(event.note ? { note: event.note } : {}),
      };
      rows.timeline(
        event.caseId,
        event.at,
        actorLabel(event.actor),
        'closed',
        JSON.stringify(note),
      );
    },

    /**
     * A reporter's callback (the `case.appended` before this) reopened the case; its new
     * dispatches follow as their own events. This desk's own wrote its lines when made.
     */
    reopened(event: EventOf<'case.reopened'>): void {
      const current = caseRow.get(event.caseId);
      if (!current) return;
      confirm(event.caseId, { status: 'new' }, event.seq);
      rows.setSeq(event.caseId, event.seq);
      if (isCaseClosed(current.status)) rows.setStatus(event.caseId, 'new', event.at);
      if (event.actor.id === deskId) return;
      rows.timeline(event.caseId, event.at, actorLabel(event.actor), 'case_reopened', event.reason);
    },

    claimed(event: EventOf<'case.claimed'>): void {
      const current = caseRow.get(event.caseId);
      if (!current) return;
      rows.setHolderAtSeq(
        event.caseId,
        event.holder === current.desk_id ? null : event.holder,
        event.seq,
      );
      if (event.actor.id !== deskId) {
        rows.timeline(event.caseId, event.at, actorLabel(event.actor), 'claimed', event.holder);
      }
    },

    appended(event: EventOf<'case.appended'>): void {
      if (!caseRow.get(event.caseId)) return;
      const { entry } = event;
      if (entry.kind === 'co_reporter') {
        // An entry from before co-reporters carried their call is counted by its seq.
        reporters.recordFromHub({
          callId: entry.callId ?? `seq:${event.seq}`,
          caseId: event.caseId,
          at: event.at,
          callerName: entry.callerName ?? '',
          callerNumber: entry.callerNumber ?? null,
          deskId: event.actor.id,
        });
      }
      // This desk wrote its own entries when they were made.
      if (event.actor.id !== deskId && entry.kind === 'callback') {
        const callback: CallbackNote = { fixed: entry.fixed, reason: entry.text };
        rows.timeline(
          event.caseId,
          event.at,
          actorLabel(event.actor),
          'callback',
          JSON.stringify(callback),
        );
      } else if (event.actor.id !== deskId) {
        // A phone call to the OPD reads on the timeline like this desk's own.
        const kind = event.entry.kind === 'opd_called' ? 'dispatch.called' : event.entry.kind;
        rows.timeline(event.caseId, event.at, actorLabel(event.actor), kind, event.entry.text);
      }
      rows.setSeq(event.caseId, event.seq);
    },
  };
}

export type CaseReplica = ReturnType<typeof createCaseReplica>;
