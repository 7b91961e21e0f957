/**
 * The shift handover and daily report as data: a plain snapshot cut from the desk's store
 * at the period's end, the same on screen, in the PDF and when signed (its SHA-256 is taken
 * over its canonical JSON). Caller numbers in it are already masked, anonim reporters carry
 * no name and rahasia cases no description: nothing downstream has to remember to hide them.
 */
import { z } from 'zod';
import { CaseStatus, Disposition, EpochMs, Uuid } from './case';

const Text = (max: number) => z.string().max(max);
const Count = z.number().int().nonnegative();
/** Minutes, or null when nothing was measured. */
const Minutes = z.number().nonnegative().nullable();

export const ReportKind = z.enum(['shift', 'day']);
export type ReportKind = z.infer<typeof ReportKind>;

export const ReportPeriod = z
  .object({
    kind: ReportKind,
    /** The WIB date the shift (or the report day) began, "2026-11-28". */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** The shift's id in the schedule (resources/data/shifts.json); null for a day. */
    shiftId: z.string().nullable(),
    start: EpochMs,
    end: EpochMs,
  })
  .strict();
export type ReportPeriod = z.infer<typeof ReportPeriod>;

export const Signatory = z.object({ name: Text(120), nip: Text(30) }).strict();
export type Signatory = z.infer<typeof Signatory>;

const Named = z.object({ id: z.string(), name: Text(120), cases: Count }).strict();

/** Breaches of each clock, counted by one function (electron/core/report/clocks.ts). */
export const ClockBreaches = z
  .object({
    /** Still in the desk's outbox after the send target. */
    send: Count,
    /** Not accepted by the OPD within the accept target. */
    accept: Count,
    /** Not resolved within the category's resolve target. */
    resolve: Count,
  })
  .strict();
export type ClockBreaches = z.infer<typeof ClockBreaches>;

export const OpdFigures = z
  .object({
    opdId: z.string(),
    short: Text(40),
    dispatched: Count,
    accepted: Count,
    resolved: Count,
    returned: Count,
    medianAcceptMin: Minutes,
    medianResolveMin: Minutes,
    breaches: ClockBreaches,
  })
  .strict();
export type OpdFigures = z.infer<typeof OpdFigures>;

export const OpenCase = z
  .object({
    caseId: Uuid,
    openedAt: EpochMs,
    ageMin: Count,
    category: Text(120),
    kecamatan: Text(120),
    /** Caller text, shown as text; "" for a rahasia case. */
    description: Text(2000),
    rahasia: z.boolean(),
    /** The reporter's name, or null for an anonim case (never printed). */
    reporter: Text(120).nullable(),
    /** The reporter's number, masked. */
    number: Text(40),
    opds: z.array(Text(40)),
    status: CaseStatus,
    /** What should happen next, as an i18n key of the report area. */
    nextStep: z.enum(['dispatch', 'send', 'accept', 'follow_up', 'reroute', 'close']),
  })
  .strict();
export type OpenCase = z.infer<typeof OpenCase>;

export const WaitingDispatch = z
  .object({ dispatchId: Uuid, caseId: Uuid, opd: Text(40), since: EpochMs })
  .strict();

export const ReopenedCall = z
  .object({
    callId: Uuid,
    startedAt: EpochMs,
    disposition: Disposition,
    screenedBy: Text(120),
    caseId: Uuid,
    reopenedAt: EpochMs,
  })
  .strict();

export const BlockLine = z
  .object({
    /** Masked. */
    number: Text(40),
    kind: z.enum(['manual', 'auto_prank', 'auto_silent']),
    reason: Text(500),
    setAt: EpochMs,
    setBy: Text(120),
    liftedAt: EpochMs.nullable(),
    liftedBy: Text(120).nullable(),
  })
  .strict();

export const ReportSnapshot = z
  .object({
    version: z.literal(1),
    /** The language its names (categories) were taken in, and it prints in. */
    language: z.enum(['id', 'en']),
    period: ReportPeriod,
    header: z
      .object({
        city: Text(120),
        center: Text(120),
        deskId: Text(64),
        outgoing: Signatory,
        incoming: Signatory,
      })
      .strict(),
    /** Data up to this instant: the period's end, or the moment it was printed if earlier. */
    cutAt: EpochMs,
    /** When the hub was unreachable while printing: the last time the desk heard from it. */
    hubDataUntil: EpochMs.nullable(),
    totals: z
      .object({
        calls: Count,
        cases: Count,
        dispositions: z.partialRecord(Disposition, Count),
        /** Share of calls, 0–1, rounded to 3 places. */
        prankRate: z.number().min(0).max(1),
        silentRate: z.number().min(0).max(1),
      })
      .strict(),
    byCategory: z.array(Named),
    byKecamatan: z.array(Named),
    byOpd: z.array(OpdFigures),
    openCases: z.array(OpenCase),
    waitingDispatches: z.array(WaitingDispatch),
    reopenedCalls: z.array(ReopenedCall),
    blocks: z.array(BlockLine),
    notes: Text(4000),
  })
  .strict();
export type ReportSnapshot = z.infer<typeof ReportSnapshot>;

/** What a supervisor asks for: a shift (by date and id) or a day; notes and signatories. */
export const ReportRequest = z
  .object({
    kind: ReportKind,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'report.bad_date'),
    shiftId: z.string().max(20).nullable(),
    notes: z.string().max(4000, 'report.notes_too_long'),
    outgoing: Signatory,
    incoming: Signatory,
    language: z.enum(['id', 'en']),
  })
  .strict();
export type ReportRequest = z.infer<typeof ReportRequest>;

/** A signed report as listed: its period, hash, who signed and when. */
export const SignedReport = z
  .object({
    reportId: Uuid,
    kind: ReportKind,
    date: z.string(),
    shiftId: z.string().nullable(),
    start: EpochMs,
    end: EpochMs,
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    signedAt: EpochMs,
    signerName: Text(120),
    /** Signed while the hub was unreachable. */
    offline: z.boolean(),
  })
  .strict();
export type SignedReport = z.infer<typeof SignedReport>;

/** The PDF of a report, for the screen to download or open. */
export const ReportFile = z
  .object({
    fileName: z.string(),
    /** The PDF's bytes, base64. */
    pdf: z.string(),
    hash: z.string(),
  })
  .strict();
export type ReportFile = z.infer<typeof ReportFile>;

/** The incoming supervisor signs on the same screen with their own username and password. */
export const ReportSign = z
  .object({
    request: ReportRequest,
    signer: z
      .object({
        username: z.string().trim().min(1, 'report.signer_required').max(64),
        password: z.string().min(1, 'report.password_required').max(256),
      })
      .strict(),
  })
  .strict();
export type ReportSign = z.infer<typeof ReportSign>;
