/**
 * The supervisor's live dashboard at the hub: folds committed events into the dashboard
 * facts (shared/domain/dashboard) in the bursts they come in — a few indexed lookups per
 * burst, never a table scan — and pushes the figures, at most PUSH_GAP_MS apart, to desks whose
 * supervisor subscribed (room `dashboard` of `/desk`) and to every `/supervisor` peer.
 * At start it reads today's events and the open dispatches once.
 */
import type { Server } from 'socket.io';
import {
  buildDashboard,
  createFacts,
  recordCall,
  recordCase,
  recordDispatch,
  recordOpen,
  rollDay,
  type FactStatus,
  type RosterOpd,
} from '../shared/domain/dashboard';
import type { AlarmClocks } from '../shared/domain/call-alarm';
import { MIN_COUNT_FOR_MEDIAN } from '../shared/domain/dashboard/model';
import { DISPATCH_LIFECYCLE, isUnseen, sqlStatusList } from '../shared/domain/lifecycle';
import type { Urgency } from '../shared/domain/reference';
import type { DashboardPush } from '../shared/hub/dashboard';
import type { HubEvent } from '../shared/hub/messages';
import type { Logger } from '../shared/log';
import type { HubPresence } from './presence';
import { sqlFor, type HubStore } from './store/store';

/** Cases looked up per statement when a burst of events is folded. */
const LOOKUP_CHUNK = 500;
/** At most four pushes a second, whatever the rate of events. */
export const PUSH_GAP_MS = 250;
/** Clocks turn amber and red by time alone: a push at least this often while anyone looks. */
const TICK_MS = 15_000;
export const DASHBOARD_ROOM = 'dashboard';

export interface DashboardRoster {
  opds: readonly RosterOpd[];
  /** Category id → minutes to resolve, where the city set a target. */
  resolveTargets: ReadonlyMap<string, number>;
  /** The clocks a case of a category and urgency runs (categories.json); absent: the defaults. */
  rulesFor?: AlarmClocks['rulesFor'] | undefined;
}

const OPEN_STATUSES = `(${sqlStatusList(DISPATCH_LIFECYCLE, (r) => r.open)})`;

export function createDashboardFeed(
  io: Server,
  db: HubStore,
  presence: HubPresence,
  roster: DashboardRoster,
  log: Logger,
  now: () => number = Date.now,
) {
  const opdIds = roster.opds.map((o) => o.id);
  const facts = createFacts(now());
  const caseFacts = db.prepare<[string], { field: string; value: string }>(
    "SELECT field, value FROM case_fields WHERE case_id = ? AND field IN ('urgency', 'categoryId')",
  );
  const caseRow = db.prepare<[string], { created_at: number }>(
    'SELECT created_at FROM cases WHERE id = ?',
  );

  // The same for many cases at once: the events a burst committed, folded together.
  const manyCaseFacts = db.prepare<[string], { case_id: string; field: string; value: string }>(
    sqlFor(db, {
      sqlite: `SELECT case_id, field, value FROM case_fields
        WHERE case_id IN (SELECT value FROM json_each(?)) AND field IN ('urgency', 'categoryId')`,
      postgres: `SELECT case_id, field, value FROM case_fields
        WHERE case_id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND field IN ('urgency', 'categoryId')`,
    }),
  );
  type FactRows = ReadonlyMap<string, Array<{ field: string; value: string }>>;
  const factsOf = (caseIds: readonly string[]): FactRows => {
    const rows = new Map(caseIds.map((id) => [id, [] as Array<{ field: string; value: string }>]));
    for (let i = 0; i < caseIds.length; i += LOOKUP_CHUNK) {
      const chunk = JSON.stringify(caseIds.slice(i, i + LOOKUP_CHUNK));
      for (const row of manyCaseFacts.all(chunk)) rows.get(row.case_id)?.push(row);
    }
    return rows;
  };

  const caseInfo = (caseId: string, known?: FactRows) => {
    let urgency: Urgency = 'non_darurat';
    let categoryId: string | undefined;
    for (const row of known?.get(caseId) ?? caseFacts.all(caseId)) {
      const value = JSON.parse(row.value) as unknown;
      if (row.field === 'urgency' && (value === 'darurat' || value === 'non_darurat'))
        urgency = value;
      if (row.field === 'categoryId' && typeof value === 'string') categoryId = value;
    }
    const target = categoryId ? roster.resolveTargets.get(categoryId) : undefined;
    const rules = roster.rulesFor?.(categoryId ?? '', urgency);
    return { urgency, resolveTargetMin: target ?? null, rules };
  };

  function fold(e: HubEvent, known?: FactRows): void {
    if (e.seq > facts.seq) facts.seq = e.seq;
    rollDay(facts, e.at);
    switch (e.type) {
      case 'case.changed': {
        if (typeof e.fields.categoryId !== 'string') return;
        const created = caseRow.get(e.caseId)?.created_at ?? e.at;
        const deskId = e.actor.id;
        recordCase(facts, {
          caseId: e.caseId,
          at: created,
          categoryId: e.fields.categoryId,
          deskId,
        });
        return;
      }
      case 'case.appended':
        if (e.entry.kind === 'co_reporter') {
          const callId = 'callId' in e.entry && e.entry.callId ? e.entry.callId : `seq:${e.seq}`;
          recordCall(facts, { callId, at: e.at, disposition: 'case', deskId: e.actor.id });
        }
        return;
      case 'call.logged':
        recordCall(facts, {
          callId: e.call.callId,
          at: e.call.at,
          disposition: e.call.disposition,
          deskId: e.call.desk ?? e.actor.id,
        });
        return;
      case 'dispatch.status': {
        const info = isUnseen(e.status)
          ? caseInfo(e.caseId, known)
          : { urgency: 'non_darurat' as const, resolveTargetMin: null };
        recordDispatch(facts, {
          dispatchId: e.dispatchId,
          caseId: e.caseId,
          opdId: e.opdId,
          status: e.status as FactStatus,
          at: e.at,
          ...info,
        });
        return;
      }
      default:
        return;
    }
  }

  load();

  /**
   * Events committed since the last fold. They are folded before the next push (at most
   * PUSH_GAP_MS later, whether or not anyone looks), with one lookup for all their cases
   * instead of one per dispatch: on PostgreSQL each lookup is a round trip the hub waits for.
   */
  let unfolded: HubEvent[] = [];
  const foldCommitted = (): void => {
    if (unfolded.length === 0) return;
    const queued = unfolded.flatMap((e) =>
      e.type === 'dispatch.status' && isUnseen(e.status) ? [e.caseId] : [],
    );
    // Read first: a store that cannot answer now (PostgreSQL restarting) leaves the events
    // for the next push.
    const known = factsOf([...new Set(queued)]);
    const batch = unfolded;
    unfolded = [];
    for (const e of batch) fold(e, known);
  };

  /** Today's events, then the dispatches still open from before today. */
  function load(): void {
    const started = now();
    const first = firstSeqFrom(db, facts.dayStart);
    const rows = db.prepare<[number], { seq: number; body: string }>(
      'SELECT seq, body FROM events WHERE seq >= ? ORDER BY seq',
    );
    let n = 0;
    for (const row of rows.iterate(first)) {
      fold({ seq: row.seq, ...(JSON.parse(row.body) as Omit<HubEvent, 'seq'>) } as HubEvent);
      n++;
    }
    const open = db.prepare<
      [],
      { id: string; case_id: string; opd_id: string; status: string; queued_at: number }
    >(
      `SELECT id, case_id, opd_id, status, queued_at FROM dispatches WHERE status IN ${OPEN_STATUSES}`,
    );
    for (const d of open.iterate()) {
      if (facts.open.has(d.id)) continue;
      recordOpen(facts, {
        dispatchId: d.id,
        caseId: d.case_id,
        opdId: d.opd_id,
        status: d.status as FactStatus,
        queuedAt: d.queued_at,
        acceptedAt: null,
        ...caseInfo(d.case_id),
      });
    }
    const seq = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM events').get();
    facts.seq = Math.max(facts.seq, seq?.seq ?? 0);
    log.info('dashboard loaded', { events: n, open: facts.open.size, ms: now() - started });
  }

  const snapshot = (): DashboardPush => {
    foldCommitted();
    const at = now();
    rollDay(facts, at);
    const figures = buildDashboard(facts, presence.snapshot(opdIds), roster.opds, at, {
      partial: false,
      minCountForMedian: MIN_COUNT_FOR_MEDIAN,
    });
    return { ...figures, emittedAt: now() };
  };

  let lastPush = 0;
  let timer: NodeJS.Timeout | undefined;
  const audience = () =>
    (io.of('/desk').adapter.rooms.get(DASHBOARD_ROOM)?.size ?? 0) +
    io.of('/supervisor').sockets.size;
  /** The store could not be read at the last push: said once, not at every retry. */
  let unreadable = false;
  const push = (): void => {
    timer = undefined;
    lastPush = now();
    try {
      foldCommitted();
      unreadable = false;
    } catch (error) {
      if (!unreadable)
        log.warn('dashboard cannot read the record; retrying', { error: String(error) });
      unreadable = true;
      return request();
    }
    if (audience() === 0) return;
    const figures = snapshot();
    io.of('/desk').local.to(DASHBOARD_ROOM).emit('dashboard', figures);
    io.of('/supervisor').local.emit('dashboard', figures);
  };
  const request = (): void => {
    if (timer) return;
    timer = setTimeout(push, Math.max(0, lastPush + PUSH_GAP_MS - now()));
  };
  const tick = setInterval(request, TICK_MS);
  tick.unref();

  return {
    /** Committed events, as they are broadcast. */
    observe(events: readonly HubEvent[]): void {
      if (events.length === 0) return;
      for (const e of events) unfolded.push(e);
      request();
    },
    /** Presence changed (a desk, a person, an inbox page). */
    changed: request,
    snapshot,
    close(): void {
      clearTimeout(timer);
      clearInterval(tick);
    },
  };
}

export type DashboardFeed = ReturnType<typeof createDashboardFeed>;

/**
 * The first event of the WIB day starting at `dayStart`, by binary search over seq (events
 * are appended in time order), so loading today never reads the days before.
 */
function firstSeqFrom(db: HubStore, dayStart: number): number {
  const atOf = db.prepare<[number], { seq: number; at: number }>(
    'SELECT seq, at FROM events WHERE seq >= ? ORDER BY seq LIMIT 1',
  );
  const bounds = db
    .prepare<[], { lo: number | null; hi: number | null }>(
      'SELECT min(seq) AS lo, max(seq) AS hi FROM events',
    )
    .get();
  let lo = bounds?.lo ?? 1;
  let hi = (bounds?.hi ?? 0) + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const row = atOf.get(mid);
    if (!row || row.at >= dayStart) hi = mid;
    else lo = row.seq + 1;
  }
  return lo;
}
