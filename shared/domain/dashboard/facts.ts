/**
 * What the dashboard is computed from, kept incrementally: each call, case and dispatch
 * change is folded in once (O(1)), so the hub never rescans its tables per event, and a
 * desk builds the same facts from its replica's rows. Pure: no clock, no I/O.
 */
import type { DispatchStatus } from '../../hub/messages';
import type { Disposition } from '../case';
import type { ClockRules } from '../clocks';
import type { DeskDispatchStatus } from '../dispatch';
import { isDispatchOpen, isUnseen } from '../lifecycle';
import type { Urgency } from '../reference';
import { shiftAt } from '../shift';
import { wibDayStart, wibHour } from './hours';

/** Dispatch statuses as the hub's events say them. */
export type FactStatus = DispatchStatus;

export interface OpenDispatch {
  dispatchId: string;
  caseId: string;
  opdId: string;
  status: FactStatus;
  queuedAt: number;
  acceptedAt: number | null;
  urgency: Urgency;
  /** The category's minutes to resolve, where the city set one. */
  resolveTargetMin: number | null;
  /** The clocks its case runs (its category's targets); absent: the defaults with the above. */
  rules?: ClockRules | undefined;
  /** A desk's own status where it knows more than the hub's words (unsent, refused). */
  deskStatus?: DeskDispatchStatus | undefined;
}

export interface OpdDay {
  /** Dispatches made to the OPD today. */
  today: number;
  /** Today's times from dispatch to accept, and to resolve (ms). */
  accept: number[];
  resolve: number[];
  last: { at: number; status: FactStatus } | null;
}

export interface DashboardFacts {
  dayStart: number;
  open: Map<string, OpenDispatch>;
  opds: Map<string, OpdDay>;
  callsByHour: Partial<Record<Disposition, number>>[];
  casesByHour: Record<string, number>[];
  /** Calls and cases already counted today: a call sent again (its callback) counts once. */
  counted: Set<string>;
  desks: Map<string, { shiftStart: number; calls: number }>;
  /** The hub's latest event seq folded in. */
  seq: number;
}

const hours = <T>(make: () => T): T[] => Array.from({ length: 24 }, make);

export function createFacts(now: number): DashboardFacts {
  return {
    dayStart: wibDayStart(now),
    open: new Map(),
    opds: new Map(),
    callsByHour: hours(() => ({})),
    casesByHour: hours(() => ({})),
    counted: new Set(),
    desks: new Map(),
    seq: 0,
  };
}

/** A new WIB day starts the day's counts again; open dispatches stay open. */
export function rollDay(f: DashboardFacts, now: number): void {
  const day = wibDayStart(now);
  if (day <= f.dayStart) return;
  f.dayStart = day;
  f.opds.clear();
  f.callsByHour = hours(() => ({}));
  f.casesByHour = hours(() => ({}));
  f.counted.clear();
}

const opdDay = (f: DashboardFacts, opdId: string): OpdDay => {
  let d = f.opds.get(opdId);
  if (!d) {
    d = { today: 0, accept: [], resolve: [], last: null };
    f.opds.set(opdId, d);
  }
  return d;
};

const isToday = (f: DashboardFacts, at: number): boolean =>
  at >= f.dayStart && at < f.dayStart + 86_400_000;

export interface CallFact {
  callId: string;
  at: number;
  disposition: Disposition;
  deskId: string;
}

/** A call answered: by disposition and hour, and to its desk's shift count. Once per id. */
export function recordCall(f: DashboardFacts, c: CallFact): void {
  if (!isToday(f, c.at) || f.counted.has(c.callId)) return;
  f.counted.add(c.callId);
  const hour = f.callsByHour[wibHour(c.at)]!;
  hour[c.disposition] = (hour[c.disposition] ?? 0) + 1;
  const shiftStart = shiftAt(c.at).start;
  const desk = f.desks.get(c.deskId);
  if (!desk || desk.shiftStart < shiftStart) f.desks.set(c.deskId, { shiftStart, calls: 1 });
  else if (desk.shiftStart === shiftStart) desk.calls += 1;
}

export interface CaseFact {
  caseId: string;
  /** When the case was opened (its first call). */
  at: number;
  categoryId: string;
  deskId: string;
}

/** A case opened: by category and hour; its first call counts as a call of disposition case. */
export function recordCase(f: DashboardFacts, c: CaseFact): void {
  if (!isToday(f, c.at) || f.counted.has(`case:${c.caseId}`)) return;
  f.counted.add(`case:${c.caseId}`);
  const hour = f.casesByHour[wibHour(c.at)]!;
  hour[c.categoryId] = (hour[c.categoryId] ?? 0) + 1;
  recordCall(f, { callId: c.caseId, at: c.at, disposition: 'case', deskId: c.deskId });
}

export interface DispatchFact {
  dispatchId: string;
  caseId: string;
  opdId: string;
  status: FactStatus;
  at: number;
  urgency: Urgency;
  resolveTargetMin: number | null;
  rules?: ClockRules | undefined;
}

/**
 * A dispatch changed status (`queued` is its making). Times to accept and to resolve are
 * taken from the dispatch's queuing; one whose queuing this fold never saw adds no time.
 */
export function recordDispatch(f: DashboardFacts, d: DispatchFact): void {
  const known = f.open.get(d.dispatchId);
  const today = isToday(f, d.at);
  const day = today ? opdDay(f, d.opdId) : undefined;
  if (day && (!day.last || day.last.at <= d.at)) day.last = { at: d.at, status: d.status };
  if (isUnseen(d.status)) {
    if (known) return;
    f.open.set(d.dispatchId, {
      dispatchId: d.dispatchId,
      caseId: d.caseId,
      opdId: d.opdId,
      status: d.status,
      queuedAt: d.at,
      acceptedAt: null,
      urgency: d.urgency,
      resolveTargetMin: d.resolveTargetMin,
      rules: d.rules,
    });
    if (day) day.today += 1;
    return;
  }
  if (!known) return;
  if (d.status === 'accepted' && known.acceptedAt === null) {
    known.acceptedAt = d.at;
    day?.accept.push(Math.max(0, d.at - known.queuedAt));
  }
  if (d.status === 'resolved') day?.resolve.push(Math.max(0, d.at - known.queuedAt));
  if (!isDispatchOpen(d.status)) f.open.delete(d.dispatchId);
  else known.status = d.status;
}

/** A dispatch still open from before the fold began (read from a store at start). */
export function recordOpen(f: DashboardFacts, d: OpenDispatch): void {
  if (!f.open.has(d.dispatchId)) f.open.set(d.dispatchId, { ...d });
}
