/**
 * Builds the report's snapshot from the store's report reads: counts, medians, clock
 * breaches, open cases with their next step. Callers' privacy is applied here, once:
 * numbers masked, anonim reporters nameless, rahasia cases without their description.
 */
import type { ClockRules } from '../../../shared/domain/clocks';
import type { Urgency } from '../../../shared/domain/reference';
import type { Disposition } from '../../../shared/domain/case';
import { maskNumber } from '../../../shared/domain/phone';
import type {
  OpdFigures,
  OpenCase,
  ReportPeriod,
  ReportSnapshot,
  Signatory,
} from '../../../shared/domain/report';
import type { CaseCountRow, OpenCaseRow, ReportReads } from '../store/report-reads';
import { clockBreaches } from './clocks';

const MIN_MS = 60_000;

export interface ReportInput {
  period: ReportPeriod;
  cutAt: number;
  hubDataUntil: number | null;
  language: 'id' | 'en';
  center: { city: string; center: string };
  deskId: string;
  outgoing: Signatory;
  incoming: Signatory;
  notes: string;
  /** The clocks a case of this category and urgency runs (the desk's, published targets included). */
  rulesFor(categoryId: string, urgency: Urgency): ClockRules;
}

const rate = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;

/** The middle value in minutes, one decimal; null for none. */
export function medianMinutes(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const ms = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round((ms / MIN_MS) * 10) / 10;
}

/** A stored number as prints show it: masked, and nothing of a number already hashed. */
const masked = (stored: string | null): string =>
  stored && stored.startsWith('+') ? maskNumber(stored) : '—';

const NEXT_STEP: Record<OpenCaseRow['status'], OpenCase['nextStep']> = {
  new: 'dispatch',
  dispatch_pending: 'send',
  dispatched: 'accept',
  accepted: 'follow_up',
  in_progress: 'follow_up',
  resolved: 'close',
  returned: 'reroute',
  closed: 'close',
  cancelled: 'close',
};

function named(rows: CaseCountRow[], language: 'id' | 'en') {
  return rows.map((r) => ({
    id: r.id,
    name: (language === 'en' ? r.name_en : r.name_id) ?? r.id,
    cases: r.cases,
  }));
}

function opdFigures(reads: ReportReads, input: ReportInput): OpdFigures[] {
  const byOpd = new Map<string, { fig: OpdFigures; accept: number[]; resolve: number[] }>();
  for (const d of reads.dispatches(
    { start: input.period.start, end: Math.min(input.period.end, input.cutAt) },
    input.cutAt,
  )) {
    let entry = byOpd.get(d.opd_id);
    if (!entry) {
      entry = {
        fig: {
          opdId: d.opd_id,
          short: d.short,
          dispatched: 0,
          accepted: 0,
          resolved: 0,
          returned: 0,
          medianAcceptMin: null,
          medianResolveMin: null,
          breaches: { send: 0, accept: 0, resolve: 0 },
        },
        accept: [],
        resolve: [],
      };
      byOpd.set(d.opd_id, entry);
    }
    const { fig } = entry;
    fig.dispatched += 1;
    if (d.accepted_at !== null) {
      fig.accepted += 1;
      entry.accept.push(d.accepted_at - d.created_at);
    }
    if (d.resolved_at !== null) {
      fig.resolved += 1;
      entry.resolve.push(d.resolved_at - d.created_at);
    }
    if (d.returned_at !== null) fig.returned += 1;
    const breached = clockBreaches(d, input.cutAt, input.rulesFor(d.category_id, d.urgency));
    for (const clock of ['send', 'accept', 'resolve'] as const) {
      if (breached[clock]) fig.breaches[clock] += 1;
    }
  }
  return [...byOpd.values()]
    .map(({ fig, accept, resolve }) => ({
      ...fig,
      medianAcceptMin: medianMinutes(accept),
      medianResolveMin: medianMinutes(resolve),
    }))
    .sort((a, b) => b.dispatched - a.dispatched || a.short.localeCompare(b.short));
}

function openCase(r: OpenCaseRow, input: ReportInput): OpenCase {
  const rahasia = r.rahasia === 1;
  return {
    caseId: r.id,
    openedAt: r.created_at,
    ageMin: Math.max(0, Math.floor((input.cutAt - r.created_at) / MIN_MS)),
    category: (input.language === 'en' ? r.category_en_name : r.category_id_name) ?? r.category_id,
    kecamatan: r.kecamatan ?? r.kecamatan_id,
    description: rahasia ? '' : r.description,
    rahasia,
    reporter: r.anonim === 1 ? null : (r.caller_name ?? ''),
    number: masked(r.caller_number),
    opds: r.opds ? r.opds.split(', ') : [],
    status: r.status,
    nextStep: NEXT_STEP[r.status],
  };
}

export function buildReport(reads: ReportReads, input: ReportInput): ReportSnapshot {
  // Counts stop at the cut: a shift printed while it runs shows what happened so far.
  const p = { start: input.period.start, end: Math.min(input.period.end, input.cutAt) };
  const dispositions: Partial<Record<Disposition, number>> = {};
  let calls = 0;
  for (const row of reads.dispositions(p)) {
    dispositions[row.disposition] = row.calls;
    calls += row.calls;
  }
  return {
    version: 1,
    language: input.language,
    period: input.period,
    header: {
      city: input.center.city,
      center: input.center.center,
      deskId: input.deskId,
      outgoing: input.outgoing,
      incoming: input.incoming,
    },
    cutAt: input.cutAt,
    hubDataUntil: input.hubDataUntil,
    totals: {
      calls,
      cases: reads.casesOpened(p),
      dispositions,
      prankRate: rate(dispositions.prank ?? 0, calls),
      silentRate: rate(dispositions.silent ?? 0, calls),
    },
    byCategory: named(reads.byCategory(p), input.language),
    byKecamatan: named(reads.byKecamatan(p), input.language),
    byOpd: opdFigures(reads, input),
    openCases: reads.openCases(input.cutAt).map((r) => openCase(r, input)),
    waitingDispatches: reads.waitingDispatches().map((d) => ({
      dispatchId: d.id,
      caseId: d.case_id,
      opd: d.short,
      since: d.created_at,
    })),
    reopenedCalls: reads.reopened(p).map((r) => ({
      callId: r.call_id,
      startedAt: r.started_at,
      disposition: r.disposition,
      screenedBy: r.screened_by,
      caseId: r.case_id,
      reopenedAt: r.at,
    })),
    blocks: reads.blocks(p).map((b) => ({
      number: masked(b.number),
      kind: b.kind,
      reason: b.reason,
      setAt: b.set_at,
      setBy: b.set_by,
      liftedAt: b.lifted_at,
      liftedBy: b.lifted_by,
    })),
    notes: input.notes,
  };
}
