/**
 * Writes synthetic calls straight into a store, many per transaction: for seeding demos
 * and benchmark stores, not for operator saves (those go through the console API).
 */
import { v7 as uuidv7 } from 'uuid';
import type { Store } from '../store/database';
import type { SyntheticCall } from './synthetic';

export function bulkInsert(
  db: Store,
  calls: readonly SyntheticCall[],
  operatorId: string,
  deskId: string,
): void {
  const caller = db.prepare(
    `INSERT INTO callers (number, first_seen, last_seen, calls, cases) VALUES (?, ?, ?, 1, ?)
     ON CONFLICT (number) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen), calls = calls + 1,
       cases = cases + excluded.cases`,
  );
  const kase = db.prepare(
    `INSERT INTO cases (id, created_at, updated_at, status, category_id, urgency, classification, description,
       kecamatan_id, kelurahan_id, address, landmark, lat, lng, anonim, rahasia, caller_number, opd_id, opened_by, desk_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, NULL, ?, ?)`,
  );
  const call = db.prepare(
    `INSERT INTO calls (id, started_at, ended_at, caller_number, withheld, caller_name, desk_id, operator_id, disposition, case_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const timeline = db.prepare(
    'INSERT INTO case_timeline (case_id, at, actor_id, kind, note) VALUES (?, ?, ?, ?, NULL)',
  );
  const batch = db.transaction((chunk: readonly SyntheticCall[]) => {
    for (const c of chunk) {
      if (c.callerE164) caller.run(c.callerE164, c.startedAt, c.startedAt, c.case ? 1 : 0);
      let caseId: string | null = null;
      if (c.case) {
        const f = c.case.form;
        caseId = uuidv7();
        kase.run(
          caseId,
          c.startedAt,
          c.endedAt,
          c.case.status,
          f.categoryId,
          f.urgency,
          c.case.classification,
          f.description,
          f.kecamatanId,
          f.kelurahanId,
          f.address,
          f.landmark,
          f.anonim ? 1 : 0,
          f.rahasia ? 1 : 0,
          c.callerE164,
          operatorId,
          deskId,
        );
        timeline.run(caseId, c.endedAt, operatorId, 'created');
      }
      call.run(
        c.callId,
        c.startedAt,
        c.endedAt,
        c.callerE164,
        c.callerE164 ? 0 : 1,
        c.case?.form.callerName ?? '',
        deskId,
        operatorId,
        c.disposition,
        caseId,
      );
    }
  });
  for (let i = 0; i < calls.length; i += 5000) batch(calls.slice(i, i + 5000));
}
