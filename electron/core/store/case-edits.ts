/**
 * What an operator does to an existing case: edit its fields, take it over from another
 * desk, add a note, cancel it. Each writes the change, its timeline entry and the hub
 * message(s) in one transaction, like a save.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CaseStatus } from '../../../shared/domain/case';
import type { CaseEdit } from '../../../shared/domain/case-edit';
import { deskStage, isCaseOpen, mayEdit as mayEditCase } from '../../../shared/domain/lifecycle';
import type { Actor, CaseFields } from '../../../shared/hub/messages';
import { CoreError } from '../errors';
import { CASE_COLUMNS, toColumnValue } from './case-columns';
import { createCaseRows } from './case-rows';
import type { Store } from './database';
import type { DispatchWrites } from './dispatches';
import type { Outbox } from './outbox';

export interface Who {
  operatorId: string;
  actor: Actor;
  now: number;
}

export function createCaseEdits(
  db: Store,
  outbox: Outbox,
  dispatches: DispatchWrites,
  deskId: string,
) {
  const caseRow = db.prepare<
    [string],
    Record<string, unknown> & {
      status: CaseStatus;
      desk_id: string;
      holder_desk: string | null;
      hub_seq: number;
    }
  >('SELECT * FROM cases WHERE id = ?');
  const rows = createCaseRows(db);

  const get = (caseId: string) => {
    const c = caseRow.get(caseId);
    if (!c) throw new CoreError('case.not_found', 'No such case on this desk.');
    return c;
  };
  /** The desk that opened a case and the desk that took it over may edit it. */
  const mayEdit = (c: { desk_id: string; holder_desk: string | null }) =>
    mayEditCase(deskId, c.desk_id, c.holder_desk);
  const requireEditable = (c: {
    desk_id: string;
    holder_desk: string | null;
    status: CaseStatus;
  }) => {
    if (!mayEdit(c)) {
      throw new CoreError(
        'case.not_holder',
        `Desk ${c.holder_desk ?? c.desk_id} holds this case; take it over first.`,
      );
    }
    if (!isCaseOpen(c.status)) {
      throw new CoreError('case.closed', 'This case is closed or cancelled.');
    }
  };

  const upsert = (caseId: string, baseSeq: number, fields: CaseFields, who: Who) => {
    const changeId = uuidv7();
    outbox.enqueue(
      'case.upsert',
      changeId,
      { changeId, caseId, baseSeq, fields, actor: who.actor },
      who.now,
    );
  };

  return {
    mayEdit,

    update: db.transaction((caseId: string, edit: CaseEdit, who: Who): boolean => {
      const c = get(caseId);
      requireEditable(c);
      const changed: CaseFields = {};
      const columns: string[] = [];
      const values: Array<string | number | null> = [];
      for (const [field, value] of Object.entries(edit)) {
        const column = CASE_COLUMNS[field as keyof CaseFields];
        if (!column || value === undefined) continue;
        const v = toColumnValue(value);
        if (c[column] === v) continue;
        (changed as Record<string, unknown>)[field] = value;
        columns.push(column);
        values.push(v);
      }
      if (columns.length === 0) return false;
      rows.setColumns(caseId, columns, values, who.now);
      rows.timeline(caseId, who.now, who.operatorId, 'edited', JSON.stringify(changed));
      upsert(caseId, c.hub_seq, changed, who);
      return true;
    }),

    claim: db.transaction((caseId: string, who: Who): boolean => {
      const c = get(caseId);
      if (mayEdit(c) && (c.holder_desk === null || c.holder_desk === deskId)) return false;
      rows.setHolder(caseId, deskId, who.now);
      rows.timeline(caseId, who.now, who.operatorId, 'claimed', deskId);
      const changeId = uuidv7();
      outbox.enqueue('case.claim', changeId, { changeId, caseId, actor: who.actor }, who.now);
      return true;
    }),

    note: db.transaction((caseId: string, text: string, who: Who): void => {
      get(caseId);
      rows.timeline(caseId, who.now, who.operatorId, 'note', text);
      const changeId = uuidv7();
      outbox.enqueue(
        'case.append',
        changeId,
        { changeId, caseId, entry: { kind: 'note', text }, actor: who.actor },
        who.now,
      );
    }),

    /** Cancels the case and withdraws every dispatch still open at an OPD. */
    cancel: db.transaction((caseId: string, reason: string, who: Who): number => {
      const c = get(caseId);
      requireEditable(c);
      rows.setStatus(caseId, 'cancelled', who.now);
      rows.timeline(caseId, who.now, who.operatorId, 'cancelled', reason);
      upsert(caseId, c.hub_seq, { status: 'cancelled' }, who);
      let withdrawn = 0;
      for (const d of dispatches.openOf(caseId)) {
        if (deskStage(d.status) === 'refused') {
          dispatches.withdrawLocal(d.id, who.now, reason);
          continue;
        }
        const withdrawId = uuidv7();
        outbox.enqueue(
          'dispatch.withdraw',
          withdrawId,
          { withdrawId, dispatchId: d.id, reason, actor: who.actor },
          who.now,
        );
        withdrawn += 1;
      }
      return withdrawn;
    }),
  };
}

export type CaseEdits = ReturnType<typeof createCaseEdits>;
