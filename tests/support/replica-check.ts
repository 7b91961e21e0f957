/**
 * End checks of the fault tests, read straight from the stores: the hub's record is sound
 * (each dispatch stored once, one gapless seq), and a desk's replica equals the hub's
 * record — every case and dispatch the hub knows is compared with the desk's copy when
 * the desk has one (its own must be there), every hub event was applied exactly once, and
 * nothing waits in the outbox. Each check returns what disagrees, as sentences.
 */
import Database from 'better-sqlite3';

export type Db = Database.Database;

export function openReadonly(file: string): Db {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** At most this many lines per check, so a broken run stays readable. */
const SHOW = 10;
const cap = (lines: string[]): string[] =>
  lines.length > SHOW ? [...lines.slice(0, SHOW), `… and ${lines.length - SHOW} more`] : lines;

/** Each dispatch's last status event (SQLite takes the bare columns from the max row). */
function lastDispatchEvents(hub: Db): Map<string, { seq: number; status: string }> {
  const rows = hub
    .prepare(
      `SELECT json_extract(body, '$.dispatchId') AS id, max(seq) AS seq,
         json_extract(body, '$.status') AS status
       FROM events WHERE type = 'dispatch.status' GROUP BY id`,
    )
    .all() as Array<{ id: string; seq: number; status: string }>;
  return new Map(rows.map((r) => [r.id, { seq: r.seq, status: r.status }]));
}

export function hubMaxSeq(hub: Db): number {
  return (hub.prepare('SELECT coalesce(max(seq), 0) AS n FROM events').get() as { n: number }).n;
}

/** The hub's record on its own, against the dispatches the desks created. */
export function hubProblems(hub: Db, created: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const twice = hub
    .prepare('SELECT id, count(*) AS n FROM dispatches GROUP BY id HAVING n != 1')
    .all() as Array<{ id: string; n: number }>;
  out.push(...twice.map((r) => `hub stores dispatch ${r.id} ${r.n} times`));
  const queued = hub
    .prepare(
      `SELECT json_extract(body, '$.dispatchId') AS id, count(*) AS n FROM events
       WHERE type = 'dispatch.status' AND json_extract(body, '$.status') = 'queued' GROUP BY id`,
    )
    .all() as Array<{ id: string; n: number }>;
  out.push(...queued.filter((r) => r.n !== 1).map((r) => `hub queued ${r.id} ${r.n} times`));

  const stored = new Set(
    (hub.prepare('SELECT id FROM dispatches').all() as Array<{ id: string }>).map((r) => r.id),
  );
  out.push(
    ...cap([...created].filter((id) => !stored.has(id)).map((id) => `dispatch ${id} lost`)),
    ...cap([...stored].filter((id) => !created.has(id)).map((id) => `hub has unknown ${id}`)),
  );

  const seq = hub
    .prepare(
      'SELECT count(*) AS n, count(DISTINCT seq) AS d, min(seq) AS lo, max(seq) AS hi FROM events',
    )
    .get() as { n: number; d: number; lo: number | null; hi: number | null };
  if (seq.n !== seq.d || (seq.n > 0 && (seq.lo !== 1 || seq.hi !== seq.n))) {
    out.push(`hub seq not gapless: ${seq.n} events, ${seq.d} distinct, ${seq.lo}…${seq.hi}`);
  }

  // A dispatch's status is the status of its last event.
  const last = lastDispatchEvents(hub);
  const rows = hub.prepare('SELECT id, status FROM dispatches').all() as Array<{
    id: string;
    status: string;
  }>;
  out.push(
    ...cap(
      rows
        .filter((r) => last.get(r.id)?.status !== r.status)
        .map((r) => `hub dispatch ${r.id} is ${r.status}, its log says ${last.get(r.id)?.status}`),
    ),
  );
  return out;
}

interface DeskCase {
  id: string;
  category_id: string;
  urgency: string;
  description: string;
  kecamatan_id: string;
  kelurahan_id: string;
  address: string;
  landmark: string;
  lat: number | null;
  lng: number | null;
  anonim: number;
  rahasia: number;
  caller_number: string | null;
  caller_name: string | null;
}

/** How a desk stores each case field the hub keeps; `undefined` means "not kept here". */
const DESK_FIELD: Record<string, (c: DeskCase) => unknown> = {
  categoryId: (c) => c.category_id,
  urgency: (c) => c.urgency,
  description: (c) => c.description,
  kecamatanId: (c) => c.kecamatan_id,
  kelurahanId: (c) => c.kelurahan_id,
  address: (c) => c.address,
  landmark: (c) => c.landmark,
  lat: (c) => c.lat,
  lng: (c) => c.lng,
  anonim: (c) => c.anonim === 1,
  rahasia: (c) => c.rahasia === 1,
  callerNumber: (c) => c.caller_number,
  // Kept with the desk's call; a case replicated from another desk has no call here.
  callerName: (c) => c.caller_name ?? undefined,
};
/**
 * A desk derives its case status from the dispatches' statuses (compared below); the
 * hub's `status` field is what the owning desk last sent.
 */
const DERIVED = new Set(['status']);

const DESK_STATUS: Record<string, string> = { queued: 'at_hub' };

/** One desk's replica against the hub's record. */
export function deskProblems(hub: Db, desk: Db, deskId: string): string[] {
  const out: string[] = [];
  const where = (what: string) => `${deskId}: ${what}`;

  const unsent = desk
    .prepare(
      'SELECT kind, message_id, refused, last_error FROM outbox WHERE sent_at IS NULL OR refused IS NOT NULL',
    )
    .all() as Array<{
    kind: string;
    message_id: string;
    refused: string | null;
    last_error: string | null;
  }>;
  out.push(
    ...cap(
      unsent.map((r) =>
        where(
          `outbox ${r.kind} ${r.message_id} ${r.refused ? `refused (${r.last_error})` : 'unsent'}`,
        ),
      ),
    ),
  );
  const lastSeq = (desk.prepare('SELECT last_seq FROM sync_state').get() as { last_seq: number })
    .last_seq;
  const hubSeq = hubMaxSeq(hub);
  if (lastSeq !== hubSeq)
    out.push(where(`applied events up to seq ${lastSeq}, hub is at ${hubSeq}`));

  // Cases: every field the hub keeps, on the desk's copy.
  const deskCase = desk.prepare(
    `SELECT cases.*, (SELECT caller_name FROM calls WHERE calls.case_id = cases.id
       ORDER BY started_at LIMIT 1) AS caller_name FROM cases WHERE id = ?`,
  );
  const hubCases = hub.prepare('SELECT id, holder_desk FROM cases').all() as Array<{
    id: string;
    holder_desk: string;
  }>;
  const fieldsOf = hub.prepare('SELECT field, value FROM case_fields WHERE case_id = ?');
  const caseLines: string[] = [];
  for (const hc of hubCases) {
    const copy = deskCase.get(hc.id) as DeskCase | undefined;
    if (!copy) {
      if (hc.holder_desk === deskId) caseLines.push(`own case ${hc.id} missing`);
      continue;
    }
    for (const { field, value } of fieldsOf.all(hc.id) as Array<{ field: string; value: string }>) {
      if (DERIVED.has(field)) continue;
      const read = DESK_FIELD[field];
      if (!read) {
        caseLines.push(`case field ${field} has no counterpart here`);
        continue;
      }
      const mine = read(copy);
      if (mine !== undefined && JSON.stringify(mine) !== value)
        caseLines.push(`case ${hc.id} ${field}: desk ${JSON.stringify(mine)}, hub ${value}`);
    }
  }
  const hubCaseIds = new Set(hubCases.map((c) => c.id));
  const own = desk.prepare('SELECT id FROM cases WHERE desk_id = ?').all(deskId) as Array<{
    id: string;
  }>;
  for (const c of own)
    if (!hubCaseIds.has(c.id)) caseLines.push(`case ${c.id} never reached the hub`);
  out.push(...cap(caseLines.map(where)));

  // Dispatches: same case, OPD and status; hub_seq is the seq of the last event applied to
  // it, so a missed or out-of-order event shows here.
  const deskDispatch = desk.prepare(
    'SELECT case_id, opd_id, status, hub_seq FROM dispatches WHERE id = ?',
  );
  const last = lastDispatchEvents(hub);
  const hubDispatches = hub
    .prepare('SELECT id, case_id, opd_id, status, desk_id FROM dispatches')
    .all() as Array<{
    id: string;
    case_id: string;
    opd_id: string;
    status: string;
    desk_id: string;
  }>;
  const dispatchLines: string[] = [];
  for (const hd of hubDispatches) {
    const copy = deskDispatch.get(hd.id) as
      { case_id: string; opd_id: string; status: string; hub_seq: number | null } | undefined;
    if (!copy) {
      if (hd.desk_id === deskId) dispatchLines.push(`own dispatch ${hd.id} missing`);
      continue;
    }
    const want = {
      case_id: hd.case_id,
      opd_id: hd.opd_id,
      status: DESK_STATUS[hd.status] ?? hd.status,
      hub_seq: last.get(hd.id)?.seq ?? null,
    };
    if (JSON.stringify(copy) !== JSON.stringify(want))
      dispatchLines.push(
        `dispatch ${hd.id}: desk ${JSON.stringify(copy)}, hub ${JSON.stringify(want)}`,
      );
  }
  const hubDispatchIds = new Set(hubDispatches.map((d) => d.id));
  const mine = desk.prepare('SELECT id FROM dispatches').all() as Array<{ id: string }>;
  for (const d of mine)
    if (!hubDispatchIds.has(d.id)) dispatchLines.push(`dispatch ${d.id} never reached the hub`);
  out.push(...cap(dispatchLines.map(where)));

  // Each OPD status event about a case here is one timeline entry: none missed, none twice
  // (entries operators write themselves, such as a phone call to the OPD, are not counted).
  const hubEntries = hub
    .prepare(
      `SELECT case_id, 'dispatch.' || json_extract(body, '$.status') AS kind, count(*) AS n
       FROM events WHERE type = 'dispatch.status' AND json_extract(body, '$.actor.role') = 'opd'
       GROUP BY case_id, kind`,
    )
    .all() as Array<{ case_id: string; kind: string; n: number }>;
  const deskEntries = new Map(
    (
      desk
        .prepare(
          `SELECT case_id, kind, count(*) AS n FROM case_timeline
           WHERE kind IN ('dispatch.seen', 'dispatch.accepted', 'dispatch.in_progress',
             'dispatch.resolved', 'dispatch.returned')
           GROUP BY case_id, kind`,
        )
        .all() as Array<{ case_id: string; kind: string; n: number }>
    ).map((r) => [`${r.case_id} ${r.kind}`, r.n]),
  );
  const hasCase = desk.prepare('SELECT 1 FROM cases WHERE id = ?');
  const timelineLines: string[] = [];
  for (const e of hubEntries) {
    if (!hasCase.get(e.case_id)) continue;
    const key = `${e.case_id} ${e.kind}`;
    const n = deskEntries.get(key) ?? 0;
    deskEntries.delete(key);
    if (n !== e.n)
      timelineLines.push(`case ${e.case_id}: ${n}× ${e.kind} on the timeline, hub has ${e.n}`);
  }
  for (const [key, n] of deskEntries)
    timelineLines.push(`${key}: ${n} timeline entries the hub never logged`);
  out.push(...cap(timelineLines.map(where)));
  return out;
}
