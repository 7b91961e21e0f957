/** The operator's queue: a query the store answers (filters, sort, text search, paging) and its rows. */
import { z } from 'zod';
import { Identifier } from '../hub/protocol';
import { CaseStatus, Disposition, EpochMs, Uuid } from './case';
import { DeskDispatchStatus } from './dispatch';
import { TimelineKind } from './timeline';
import { Classification, Urgency } from './reference';
import { ClockReading } from './clocks/reading';

export const QueueSortColumn = z.enum(['time', 'urgency', 'status', 'category', 'kelurahan']);
export type QueueSortColumn = z.infer<typeof QueueSortColumn>;

export const QueueQuery = z
  .object({
    status: z.array(CaseStatus).max(CaseStatus.options.length).optional(),
    urgency: z.array(Urgency).max(2).optional(),
    categoryId: z.array(Identifier).max(100).optional(),
    kecamatanId: z.array(Identifier).max(20).optional(),
    from: EpochMs.optional(),
    to: EpochMs.optional(),
    text: z.string().trim().max(100).optional(),
    sort: z
      .object({ column: QueueSortColumn, dir: z.enum(['asc', 'desc']) })
      .strict()
      .default({ column: 'time', dir: 'desc' }),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    /** Whether to count all matches; later pages of the same query skip it. */
    count: z.boolean().default(true),
  })
  .strict();
export type QueueQuery = z.input<typeof QueueQuery>;

export const QueueRow = z.object({
  caseId: Uuid,
  createdAt: EpochMs,
  callerMasked: z.string(),
  categoryId: z.string(),
  kelurahanId: z.string(),
  urgency: Urgency,
  status: CaseStatus,
  opd: z.string().nullable(),
  /** The first 160 characters of the description, as plain text. */
  summary: z.string(),
  /** A dispatch of this case needs a phone call to its OPD now ("Telepon OPD"). */
  callAlarm: z.boolean(),
});
export type QueueRow = z.infer<typeof QueueRow>;

export const QueuePage = z.object({
  rows: z.array(QueueRow),
  /** All matches, or null when the query asked not to count. */
  total: z.number().int().nonnegative().nullable(),
});
export type QueuePage = z.infer<typeof QueuePage>;

export const TimelineEntry = z.object({
  at: EpochMs,
  actor: z.string(),
  kind: TimelineKind,
  note: z.string().nullable(),
});

export const CaseDetail = z.object({
  caseId: Uuid,
  createdAt: EpochMs,
  status: CaseStatus,
  categoryId: z.string(),
  urgency: Urgency,
  /** Null for a case from another desk whose category this desk does not know. */
  classification: Classification.nullable(),
  description: z.string(),
  kecamatanId: z.string(),
  kelurahanId: z.string(),
  address: z.string(),
  landmark: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  anonim: z.boolean(),
  rahasia: z.boolean(),
  /** The first caller and every co-reporter who joined (from any desk). */
  reporters: z.number().int().positive(),
  calls: z.array(
    z.object({
      callId: Uuid,
      startedAt: EpochMs,
      endedAt: EpochMs.nullable(),
      callerNumber: z.string().nullable(),
      callerName: z.string(),
      operator: z.string(),
      deskId: z.string(),
      disposition: Disposition,
    }),
  ),
  timeline: z.array(TimelineEntry),
  /** The desk that opened the case, and the one holding it now (after a takeover). */
  deskId: z.string(),
  holderDesk: z.string(),
  /** Whether this desk may edit the case's fields (else it takes the case over first). */
  mayEdit: z.boolean(),
  dispatches: z.array(
    z.object({
      dispatchId: Uuid,
      opdId: z.string(),
      status: DeskDispatchStatus,
      createdAt: EpochMs,
      updatedAt: EpochMs,
      note: z.string().nullable(),
      /**
       * Why the hub refused it: the hub's error code, worded for the operator by the
       * console (a code from a newer hub gets a general text). Null unless refused.
       */
      refusal: z.string().max(64).nullable(),
      /** When an operator recorded phoning the OPD about it. */
      calledAt: EpochMs.nullable(),
      /** It needs a phone call to the OPD now (core's clock, shared/domain/call-alarm.ts). */
      callAlarm: z.boolean(),
    }),
  ),
  /** Its three clocks and its dispatches', read by core at the hub's time (shared/domain/clocks). */
  clocks: z.array(ClockReading),
});
export type CaseDetail = z.infer<typeof CaseDetail>;
/** A case as the store reads it: everything but the clocks, which core reads from it. */
export type StoredCaseDetail = Omit<CaseDetail, 'clocks'>;
