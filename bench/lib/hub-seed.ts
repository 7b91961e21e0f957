/**
 * Fills a hub's store with a realistic center's history, as the hub itself would have
 * written it: cases with their fields and dispatches (accepted and resolved in their own
 * time, the latest still open), calls without a case, and the event of every change, in
 * time order. Calls and cases follow a day's rhythm (busy mornings and evenings) over
 * `days` days up to `now`. For the dashboard's benchmark, its screenshot and the e2e test of a
 * desk catching up (tests/e2e/desk-catch-up.spec.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { CategoriesFile } from '../../shared/domain/reference';
import { RoutingFile } from '../../shared/domain/routing';
import { wibDayStart } from '../../shared/domain/dashboard/hours';
import { openSqliteFile } from '../../hub/store/database';
import { repoRoot } from '../../tests/support/processes';

export interface HubSeed {
  cases: number;
  /** Calls without a case (prank, silent, …). */
  calls: number;
  days: number;
  now: number;
  desks: readonly string[];
  /** Seeded random numbers: the same seed, the same center. */
  seed?: number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Calls per WIB hour of a day, relative: quiet nights, busy mornings and evenings. */
const RHYTHM = [1, 1, 1, 1, 1, 2, 4, 7, 9, 9, 8, 7, 6, 6, 6, 7, 8, 9, 9, 8, 6, 4, 2, 1];
const DISPOSITIONS = [
  ['prank', 30],
  ['silent', 35],
  ['misdial', 12],
  ['info', 15],
  ['abusive', 5],
  ['test', 3],
] as const;
const PEOPLE = ['Rina Puspita', 'Agus Salim', 'Dewi Lestari', 'Bambang Wijaya', 'Sri Handayani'];
/** Common complaints weigh more (DESIGN §1: roads, waste, lights, health, adminduk). */
const CATEGORY_WEIGHT: Record<string, number> = {
  'jalan-rusak': 10,
  sampah: 9,
  'lampu-jalan': 9,
  'pohon-tumbang': 6,
  'jaringan-internet': 6,
  adminduk: 5,
  'layanan-kesehatan': 5,
  drainase: 5,
  kecelakaan: 4,
  medis: 4,
  kebakaran: 2,
};

export function seedHubStore(dataDir: string, o: HubSeed): { events: number } {
  let state = o.seed ?? 112;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(items: readonly (readonly [T, number])[]): T => {
    let r = random() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[0]![0];
  };
  const data = (file: string) =>
    JSON.parse(fs.readFileSync(path.join(repoRoot, 'resources', 'data', file), 'utf8')) as unknown;
  const categories = CategoriesFile.parse(data('categories.json')).categories;
  const routes = new Map(
    RoutingFile.parse(data('routing.json')).rules.map((r) => [r.categoryId, r.opdIds]),
  );
  const weighted = categories
    .filter((c) => routes.has(c.id))
    .map((c) => [c, CATEGORY_WEIGHT[c.id] ?? 1] as const);
  const hours = RHYTHM.map((w, h) => [h, w] as const);

  fs.mkdirSync(dataDir, { recursive: true });
  const db = openSqliteFile(dataDir);
  const ins = {
    event: db.prepare('INSERT INTO events (at, type, case_id, body) VALUES (?, ?, ?, ?)'),
    case: db.prepare('INSERT INTO cases (id, holder_desk, created_at) VALUES (?, ?, ?)'),
    editor: db.prepare('INSERT INTO case_editors (case_id, desk_id) VALUES (?, ?)'),
    field: db.prepare(
      'INSERT INTO case_fields (case_id, field, value, seq, actor_id) VALUES (?, ?, ?, ?, ?)',
    ),
    dispatch: db.prepare(
      'INSERT INTO dispatches (id, case_id, opd_id, status, queued_at, desk_id) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    call: db.prepare(
      `INSERT INTO calls (id, at, desk_id, disposition, caller_number, ended_at, operator)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
  };

  type Row = { at: number; write: () => void };
  let events = 0;
  const today = wibDayStart(o.now);
  const perDay = (n: number, day: number) =>
    Math.floor(((day + 1) * n) / o.days) - Math.floor((day * n) / o.days);
  /** A time of the day by its rhythm; none when that is still to come today. */
  const when = (dayStart: number): number | undefined => {
    const t = dayStart + pick(hours) * HOUR + Math.floor(random() * HOUR);
    return t < o.now - MIN ? t : undefined;
  };
  const number = () => `+62812${String(Math.floor(random() * 1e7)).padStart(7, '0')}`;

  for (let day = 0; day < o.days; day++) {
    const dayStart = today - (o.days - 1 - day) * 24 * HOUR;
    const rows: Row[] = [];
    for (let i = perDay(o.calls, day); i > 0; i--) {
      const at = when(dayStart);
      if (at === undefined) continue;
      const desk = o.desks[Math.floor(random() * o.desks.length)]!;
      const person = PEOPLE[Math.floor(random() * PEOPLE.length)]!;
      const call = {
        callId: uuidv7(),
        at,
        endedAt: at + 20_000,
        disposition: pick(DISPOSITIONS),
        callerNumber: number(),
        withheld: false,
        desk,
        operator: person,
      };
      rows.push({
        at: at + 20_000,
        write: () => {
          ins.call.run(
            call.callId,
            at,
            desk,
            call.disposition,
            call.callerNumber,
            call.endedAt,
            person,
          );
          const body = {
            type: 'call.logged',
            at: call.endedAt,
            actor: { id: desk, role: 'desk', person },
            call,
          };
          ins.event.run(call.endedAt, 'call.logged', null, JSON.stringify(body));
          events++;
        },
      });
    }
    for (let i = perDay(o.cases, day); i > 0; i--) {
      const at = when(dayStart);
      if (at === undefined) continue;
      const desk = o.desks[Math.floor(random() * o.desks.length)]!;
      const person = PEOPLE[Math.floor(random() * PEOPLE.length)]!;
      const category = pick(weighted);
      const opdId = routes.get(category.id)![0]!;
      const caseId = uuidv7();
      const dispatchId = uuidv7();
      const actor = { id: desk, role: 'desk', person };
      const opdActor = { id: opdId, role: 'opd', person: `Petugas ${opdId}` };
      const queued = at + MIN + Math.floor(random() * MIN);
      // Most OPDs accept within minutes; a few are slow; the latest are still waiting.
      const accepted =
        queued + Math.floor((random() < 0.85 ? 1 + random() * 6 : 8 + random() * 40) * MIN);
      const resolved =
        accepted + Math.floor((5 + random() * (category.resolveTargetMin ?? 240)) * MIN);
      const status = resolved <= o.now ? 'resolved' : accepted <= o.now ? 'accepted' : 'queued';
      const fields = {
        status: 'dispatched',
        categoryId: category.id,
        urgency: category.urgency,
        description: category.name.id,
        kecamatanId: 'taman',
        kelurahanId: 'kejuron',
        address: 'Jl. Pahlawan',
        landmark: '',
        anonim: false,
        rahasia: false,
        callerName: '',
        callerNumber: number(),
      };
      const event = (t: number, type: string, body: object) => {
        const { lastInsertRowid } = ins.event.run(
          t,
          type,
          caseId,
          JSON.stringify({ type, at: t, ...body }),
        );
        events++;
        return Number(lastInsertRowid);
      };
      rows.push({
        at,
        write: () => {
          ins.case.run(caseId, desk, at);
          ins.editor.run(caseId, desk);
          const seq = event(at, 'case.changed', { actor, caseId, fields });
          for (const [field, value] of Object.entries(fields)) {
            ins.field.run(caseId, field, JSON.stringify(value), seq, desk);
          }
          ins.dispatch.run(dispatchId, caseId, opdId, status, queued, desk);
        },
      });
      const move = (t: number, to: string, who: object) => ({
        at: t,
        write: () =>
          event(t, 'dispatch.status', { actor: who, caseId, dispatchId, opdId, status: to }),
      });
      rows.push(move(queued, 'queued', actor));
      if (accepted <= o.now) rows.push(move(accepted, 'accepted', opdActor));
      if (resolved <= o.now) rows.push(move(resolved, 'resolved', opdActor));
    }
    rows.sort((a, b) => a.at - b.at);
    db.transaction(() => {
      for (const r of rows) if (r.at <= o.now) r.write();
    })();
  }
  db.close();
  return { events };
}
