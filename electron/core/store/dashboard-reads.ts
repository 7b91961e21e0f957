/**
 * Reads for the dashboard a desk computes from its own replica while the hub is away: the
 * day's calls, cases and co-reporters, and the dispatches open or closed today, folded into
 * the same facts the hub keeps (shared/domain/dashboard). Read only; indexed ranges only.
 */
import { DEFAULT_ALARM_CLOCKS, type AlarmClocks } from '../../../shared/domain/call-alarm';
import type { Disposition } from '../../../shared/domain/case';
import {
  createFacts,
  recordCall,
  recordCase,
  recordDispatch,
  recordOpen,
  type DashboardFacts,
  type FactStatus,
} from '../../../shared/domain/dashboard';
import type { DeskDispatchStatus } from '../../../shared/domain/dispatch';
import {
  DESK_DISPATCH_LIFECYCLE,
  isDeskDispatchOpen,
  sqlStatusList,
} from '../../../shared/domain/lifecycle';
import type { Urgency } from '../../../shared/domain/reference';
import type { Store } from './database';

interface DispatchRow {
  id: string;
  case_id: string;
  opd_id: string;
  status: DeskDispatchStatus;
  created_at: number;
  updated_at: number;
  urgency: Urgency;
  category_id: string;
  resolve_target_min: number | null;
}

/** The desk's words for a dispatch in the hub's: not yet at the OPD counts as queued there. */
function hubStatus(status: DeskDispatchStatus): FactStatus {
  return DESK_DISPATCH_LIFECYCLE[status].stage === 'sent'
    ? (status as Exclude<DeskDispatchStatus, 'waiting' | 'at_hub' | 'refused'>)
    : 'queued';
}

export function createDashboardReads(db: Store, clocks: AlarmClocks = DEFAULT_ALARM_CLOCKS) {
  const DAY = 86_400_000;
  const calls = db.prepare<
    [number, number],
    { id: string; started_at: number; disposition: Disposition; desk_id: string }
  >(
    `SELECT id, started_at, disposition, desk_id FROM calls
     WHERE started_at >= ? AND started_at < ? AND disposition <> 'case'`,
  );
  const cases = db.prepare<
    [number, number],
    { id: string; created_at: number; category_id: string; desk_id: string }
  >(
    'SELECT id, created_at, category_id, desk_id FROM cases WHERE created_at >= ? AND created_at < ?',
  );
  const reporters = db.prepare<[number, number], { call_id: string; at: number; desk_id: string }>(
    'SELECT call_id, at, desk_id FROM case_reporters WHERE at >= ? AND at < ?',
  );
  const dispatchColumns = `d.id, d.case_id, d.opd_id, d.status, d.created_at, d.updated_at,
    k.urgency, k.category_id, c.resolve_target_min
    FROM dispatches d JOIN cases k ON k.id = d.case_id
    LEFT JOIN categories c ON c.id = k.category_id`;
  const openDispatches = db.prepare<[], DispatchRow>(
    `SELECT ${dispatchColumns}
     WHERE d.status IN (${sqlStatusList(DESK_DISPATCH_LIFECYCLE, (r) => r.open)})`,
  );
  const closedToday = db.prepare<[number], DispatchRow>(
    `SELECT ${dispatchColumns}
     WHERE d.status NOT IN (${sqlStatusList(DESK_DISPATCH_LIFECYCLE, (r) => r.open)})
       AND d.updated_at >= ?`,
  );

  return {
    /**
     * The facts of the WIB day holding `now`, as far as this desk knows them. A dispatch's
     * time to accept is not kept on a desk: a desk's figures have no accept median.
     */
    facts(now: number): DashboardFacts {
      const f = createFacts(now);
      const end = f.dayStart + DAY;
      for (const c of cases.iterate(f.dayStart, end)) {
        recordCase(f, {
          caseId: c.id,
          at: c.created_at,
          categoryId: c.category_id,
          deskId: c.desk_id,
        });
      }
      for (const c of calls.iterate(f.dayStart, end)) {
        recordCall(f, {
          callId: c.id,
          at: c.started_at,
          disposition: c.disposition,
          deskId: c.desk_id,
        });
      }
      for (const r of reporters.iterate(f.dayStart, end)) {
        recordCall(f, { callId: r.call_id, at: r.at, disposition: 'case', deskId: r.desk_id });
      }
      const fold = (d: DispatchRow) => {
        const base = {
          dispatchId: d.id,
          caseId: d.case_id,
          opdId: d.opd_id,
          urgency: d.urgency,
          resolveTargetMin: d.resolve_target_min,
          rules: clocks.rulesFor(d.category_id, d.urgency),
        };
        recordDispatch(f, { ...base, status: 'queued', at: d.created_at });
        if (isDeskDispatchOpen(d.status)) {
          recordOpen(f, {
            ...base,
            status: hubStatus(d.status),
            queuedAt: d.created_at,
            acceptedAt: null,
            deskStatus: d.status,
          });
          const open = f.open.get(d.id);
          if (open) {
            open.status = hubStatus(d.status);
            open.deskStatus = d.status;
          }
        } else {
          recordDispatch(f, { ...base, status: hubStatus(d.status), at: d.updated_at });
        }
      };
      for (const d of openDispatches.iterate()) fold(d);
      for (const d of closedToday.iterate(f.dayStart)) fold(d);
      return f;
    },
  };
}

export type DashboardReads = ReturnType<typeof createDashboardReads>;
