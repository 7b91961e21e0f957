/**
 * Whether a fleet's desks and hub agree, read straight from their stores: every dispatch
 * an operator was told of is in its desk's store, the hub's record is sound, every case
 * change a desk sent is logged once at the hub, every saved case reached the hub, and
 * each desk's replica equals the hub's record. Returns the disagreements, as sentences.
 */
import { deskProblems, hubProblems, openReadonly } from './replica-check';

export interface Acknowledged {
  /** Case id → the desk whose operator saw it saved. */
  cases: ReadonlyMap<string, string>;
  /** Dispatch id → the desk whose operator saw it made. */
  dispatches: ReadonlyMap<string, string>;
}

export function fleetProblems(
  hubDb: string,
  desks: ReadonlyArray<{ id: string; db: string }>,
  acked: Acknowledged,
): string[] {
  const hubStore = openReadonly(hubDb);
  const stores = desks.map((d) => openReadonly(d.db));
  try {
    const out: string[] = [];
    const created = new Set<string>();
    stores.forEach((db) => {
      for (const r of db.prepare('SELECT id FROM dispatches').all() as Array<{ id: string }>)
        created.add(r.id);
    });
    for (const [id, deskId] of acked.dispatches)
      if (!created.has(id)) out.push(`${deskId}: acknowledged dispatch ${id} not in its store`);
    out.push(...hubProblems(hubStore, created));
    // Every case change a desk sent is logged once at the hub.
    const sent = new Map<string, number>();
    for (const db of stores) {
      const rows = db
        .prepare(
          `SELECT json_extract(payload, '$.caseId') AS id, count(*) AS n FROM outbox
           WHERE kind = 'case.upsert' GROUP BY id`,
        )
        .all() as Array<{ id: string; n: number }>;
      for (const r of rows) sent.set(r.id, (sent.get(r.id) ?? 0) + r.n);
    }
    const logged = hubStore
      .prepare(
        `SELECT case_id AS id, count(*) AS n FROM events WHERE type = 'case.changed' GROUP BY id`,
      )
      .all() as Array<{ id: string; n: number }>;
    for (const r of logged) {
      if (sent.get(r.id) !== r.n)
        out.push(`hub logged ${r.n} changes of case ${r.id}, desks sent ${sent.get(r.id) ?? 0}`);
      sent.delete(r.id);
    }
    for (const [id, n] of sent) out.push(`${n} changes of case ${id} never logged at the hub`);
    for (const [caseId, deskId] of acked.cases) {
      if (!hubStore.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId))
        out.push(`${deskId}: acknowledged case ${caseId} never reached the hub`);
    }
    desks.forEach((d, i) => out.push(...deskProblems(hubStore, stores[i]!, d.id)));
    return out;
  } finally {
    hubStore.close();
    for (const db of stores) db.close();
  }
}
