/**
 * The one aggregation behind the dashboard, run by the hub on its live facts and by a desk
 * on facts from its own replica: per OPD (open, oldest, at risk, breached, medians, last
 * action, watched), per desk, today by hour, and the OPDs ranked by their medians. Pure.
 */
import { dispatchAlarm } from '../alarm';
import type { Disposition } from '../case';
import { clockRulesFor } from '../clocks';
import type { InboxHours } from '../reference';
import { shiftAt } from '../shift';
import type { DashboardFacts, OpenDispatch } from './facts';
import { wibDayStart, withinHours } from './hours';
import type { Dashboard, DeskRow, OpdRow, OpdWatch } from './model';

export type DispatchClock = 'ok' | 'at_risk' | 'breached';

/**
 * Where an open dispatch stands: the level of its alarm (shared/domain/alarm.ts, on its case's
 * clocks), so an OPD's at-risk and breached counts are the alarm panel's dispatches. Not yet
 * accepted, against its accept target; accepted, against its category's resolve target.
 */
export function dispatchClock(d: OpenDispatch, now: number): DispatchClock {
  const rules =
    d.rules ?? clockRulesFor({ resolveTargetMin: d.resolveTargetMin ?? undefined }, d.urgency);
  const status = d.deskStatus ?? d.status;
  const alarm = dispatchAlarm({ status, createdAt: d.queuedAt, urgency: d.urgency, rules }, now);
  return alarm?.level ?? 'ok';
}

export interface RosterOpd {
  id: string;
  short: string;
  phone?: string | undefined;
  usesInbox?: boolean | undefined;
  inboxHours?: InboxHours | undefined;
}

export interface DeskPresence {
  deskId: string;
  online: boolean;
  people: string[];
  onCall: boolean;
}

export interface Presence {
  desks: DeskPresence[];
  /** OPD id → how many inbox pages are open; unknown to a desk without its hub. */
  watchers?: ReadonlyMap<string, number> | undefined;
}

/**
 * Whether anyone watches the OPD's inbox: with open dispatches and nobody there, within its
 * inbox hours that is an alarm; outside them (or for an OPD without the inbox) the center
 * phones its duty number.
 */
export function opdWatch(
  opd: RosterOpd,
  open: number,
  watchers: number | undefined,
  now: number,
): OpdWatch {
  if (watchers !== undefined && watchers > 0) return 'watched';
  if (open === 0) return 'idle';
  if (opd.usesInbox && opd.inboxHours && withinHours(opd.inboxHours, now)) {
    return watchers === undefined ? 'unknown' : 'unwatched';
  }
  return 'phone';
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

export interface BuildOptions {
  partial: boolean;
  minCountForMedian: number;
}

export function buildDashboard(
  facts: DashboardFacts,
  presence: Presence,
  roster: readonly RosterOpd[],
  now: number,
  options: BuildOptions,
): Dashboard {
  const sameDay = facts.dayStart === wibDayStart(now);
  const byOpd = new Map<string, OpenDispatch[]>();
  for (const d of facts.open.values()) {
    const list = byOpd.get(d.opdId);
    if (list) list.push(d);
    else byOpd.set(d.opdId, [d]);
  }
  const shown = (values: readonly number[]) =>
    values.length >= options.minCountForMedian ? median(values) : null;

  const opds: OpdRow[] = roster.map((opd) => {
    const open = byOpd.get(opd.id) ?? [];
    const day = sameDay ? facts.opds.get(opd.id) : undefined;
    let oldestAt: number | null = null;
    let atRisk = 0;
    let breached = 0;
    for (const d of open) {
      if (oldestAt === null || d.queuedAt < oldestAt) oldestAt = d.queuedAt;
      const clock = dispatchClock(d, now);
      if (clock === 'at_risk') atRisk += 1;
      else if (clock === 'breached') breached += 1;
    }
    const watchers = presence.watchers ? (presence.watchers.get(opd.id) ?? 0) : undefined;
    return {
      opdId: opd.id,
      short: opd.short,
      dutyPhone: opd.phone ?? null,
      usesInbox: opd.usesInbox ?? false,
      open: open.length,
      oldestAt,
      atRisk,
      breached,
      today: day?.today ?? 0,
      medianAcceptMs: shown(day?.accept ?? []),
      medianResolveMs: shown(day?.resolve ?? []),
      acceptCount: day?.accept.length ?? 0,
      resolveCount: day?.resolve.length ?? 0,
      lastAction: day?.last ?? null,
      watchers: watchers ?? 0,
      watch: opdWatch(opd, open.length, watchers, now),
    };
  });

  const shift = shiftAt(now).start;
  const desks = new Map<string, DeskRow>();
  const callsOf = (deskId: string) => {
    const d = facts.desks.get(deskId);
    return d && d.shiftStart === shift ? d.calls : 0;
  };
  for (const p of presence.desks) {
    desks.set(p.deskId, { ...p, people: [...p.people], callsThisShift: callsOf(p.deskId) });
  }
  for (const deskId of facts.desks.keys()) {
    if (!desks.has(deskId)) {
      desks.set(deskId, {
        deskId,
        online: false,
        people: [],
        callsThisShift: callsOf(deskId),
        onCall: false,
      });
    }
  }

  const rank = (pick: (o: OpdRow) => number | null, count: (o: OpdRow) => number) =>
    opds
      .flatMap((o) => {
        const m = pick(o);
        return m === null ? [] : [{ opdId: o.opdId, short: o.short, medianMs: m, count: count(o) }];
      })
      .sort((a, b) => a.medianMs - b.medianMs || b.count - a.count);

  const empty = () => Array.from({ length: 24 }, () => ({}));
  return {
    at: now,
    dayStart: wibDayStart(now),
    partial: options.partial,
    seq: facts.seq,
    opds,
    desks: [...desks.values()].sort((a, b) => a.deskId.localeCompare(b.deskId)),
    callsByHour: sameDay
      ? facts.callsByHour.map((h) => ({ ...h }) as Partial<Record<Disposition, number>>)
      : empty(),
    casesByHour: sameDay ? facts.casesByHour.map((h) => ({ ...h })) : empty(),
    rankAccept: rank(
      (o) => o.medianAcceptMs,
      (o) => o.acceptCount,
    ),
    rankResolve: rank(
      (o) => o.medianResolveMs,
      (o) => o.resolveCount,
    ),
    minCountForMedian: options.minCountForMedian,
  };
}
