/**
 * Writes synthetic calls straight into a store, many per transaction: for seeding demos
 * and benchmark stores, not for operator saves (those go through the console API). Rows
 * are written by the modules that own their tables (calls.ts, case-rows.ts).
 */
import { v7 as uuidv7 } from 'uuid';
import { createCalls } from '../store/calls';
import { createCaseRows } from '../store/case-rows';
import type { Store } from '../store/database';
import type { SyntheticCall } from './synthetic';

export function bulkInsert(
  db: Store,
  calls: readonly SyntheticCall[],
  operatorId: string,
  deskId: string,
): void {
  const callRows = createCalls(db);
  const caseRows = createCaseRows(db);
  const batch = db.transaction((chunk: readonly SyntheticCall[]) => {
    for (const c of chunk) {
      if (c.callerE164) callRows.callerSeeded(c.callerE164, c.startedAt, Boolean(c.case));
      let caseId: string | null = null;
      if (c.case) {
        const f = c.case.form;
        caseId = uuidv7();
        caseRows.insert({
          id: caseId,
          createdAt: c.startedAt,
          updatedAt: c.endedAt,
          status: c.case.status,
          categoryId: f.categoryId,
          urgency: f.urgency,
          classification: c.case.classification,
          description: f.description,
          kecamatanId: f.kecamatanId,
          kelurahanId: f.kelurahanId,
          address: f.address,
          landmark: f.landmark,
          lat: null,
          lng: null,
          anonim: f.anonim,
          rahasia: f.rahasia,
          callerNumber: c.callerE164,
          openedBy: operatorId,
          deskId,
          hubSeq: 0,
        });
        caseRows.timeline(caseId, c.endedAt, operatorId, 'created', null);
      }
      callRows.record({
        id: c.callId,
        startedAt: c.startedAt,
        endedAt: c.endedAt,
        callerNumber: c.callerE164,
        withheld: !c.callerE164,
        callerName: c.case?.form.callerName ?? '',
        deskId,
        operatorId,
        disposition: c.disposition,
        caseId,
      });
    }
  });
  for (let i = 0; i < calls.length; i += 5000) batch(calls.slice(i, i + 5000));
}
