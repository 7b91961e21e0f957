/**
 * A reporter calls back about a resolved (or closed) case. Not fixed: the case reopens
 * and each OPD that resolved it gets it back as a new dispatch naming the earlier one;
 * the callback, the reopening and the new dispatches are written with their outbox
 * messages (a `case.append` callback entry, then a `dispatch` per OPD) in one transaction,
 * like a save. Fixed: the callback is recorded and told to every desk, nothing reopens.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CallbackNote } from '../../../shared/domain/closing';
import type { CaseStatus } from '../../../shared/domain/case';
import { isCaseClosed, isCaseReopenable } from '../../../shared/domain/lifecycle';
import { CoreError } from '../errors';
import { createCaseRows } from './case-rows';
import type { Who } from './case-edits';
import type { Store } from './database';
import type { DispatchWrites } from './dispatches';
import type { Outbox } from './outbox';

export function createCaseCallback(db: Store, outbox: Outbox, dispatches: DispatchWrites) {
  const caseRow = db.prepare<[string], { status: CaseStatus }>(
    'SELECT status FROM cases WHERE id = ?',
  );
  const rows = createCaseRows(db);

  return db.transaction(
    (
      caseId: string,
      callback: CallbackNote,
      who: Who,
    ): Array<{ dispatchId: string; opdId: string }> => {
      const c = caseRow.get(caseId);
      if (!c) throw new CoreError('case.not_found', 'No such case on this desk.');
      if (!isCaseReopenable(c.status)) {
        throw new CoreError(
          'case.not_resolved',
          'A callback is recorded on a resolved or closed case only.',
        );
      }
      rows.timeline(caseId, who.now, who.operatorId, 'callback', JSON.stringify(callback));
      // The callback goes first: the hub reopens the case on it, then takes its dispatches.
      const changeId = uuidv7();
      outbox.enqueue(
        'case.append',
        changeId,
        {
          changeId,
          caseId,
          entry: { kind: 'callback', fixed: callback.fixed, text: callback.reason },
          actor: who.actor,
        },
        who.now,
      );
      if (callback.fixed) return [];
      // Closed is the case's own status: it gives way to its dispatches' again.
      if (isCaseClosed(c.status)) rows.setStatus(caseId, 'new', who.now);
      const made = dispatches.reopen(caseId, who.actor, who.operatorId, who.now);
      rows.timeline(caseId, who.now, who.operatorId, 'case_reopened', callback.reason);
      return made;
    },
  );
}
