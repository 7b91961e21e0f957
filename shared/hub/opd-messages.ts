/**
 * What an OPD inbox is sent (the `/opd` namespace): a dispatch with its case as that OPD
 * may see it, and the pushes to an OPD's room when one of its dispatches changes, gains a
 * reporter or is escalated by a supervisor.
 */
import { z } from 'zod';
import { EpochMs, Uuid } from '../domain/case';
import { Reopens } from './closing-messages';
import { DispatchStatus, EventActor, EventCaseFields } from './messages';

/** A supervisor's latest note to the OPD about a dispatch (escalation). */
export const OpdEscalation = z.object({ note: z.string().max(1000), at: EpochMs });

/** What an OPD inbox receives: the dispatch and the case as that OPD may see it. */
export const OpdDispatch = z.object({
  dispatchId: Uuid,
  caseId: Uuid,
  status: DispatchStatus,
  queuedAt: EpochMs,
  case: EventCaseFields,
  /** The first caller and every co-reporter (a hub before co-reporters sends none: one). */
  reporters: z.number().int().positive().optional(),
  /** The latest escalation by a supervisor, when there is one. */
  escalation: OpdEscalation.optional(),
  ...Reopens,
});
export type OpdDispatch = z.infer<typeof OpdDispatch>;

/**
 * Pushed to the rooms of the OPDs holding an open dispatch of the case: how many people
 * reported it now that another caller joined it. Never who they are.
 */
export const OpdCaseReporters = z.object({
  caseId: Uuid,
  reporters: z.number().int().positive(),
});
export type OpdCaseReporters = z.infer<typeof OpdCaseReporters>;

/**
 * Pushed to an OPD's room only: one of its dispatches changed status (seen, accepted by
 * another clerk, resolved, returned, withdrawn by the center). `queued` never comes this
 * way: a new dispatch arrives as `dispatch.new`.
 */
export const OpdDispatchChanged = z.object({
  dispatchId: Uuid,
  status: DispatchStatus,
  note: z.string().optional(),
  actor: EventActor,
  at: EpochMs,
});
export type OpdDispatchChanged = z.infer<typeof OpdDispatchChanged>;

/** Pushed to an OPD's room only: a supervisor escalated one of its dispatches, with a note. */
export const OpdDispatchEscalated = z.object({
  dispatchId: Uuid,
  note: z.string().max(1000),
  actor: EventActor,
  at: EpochMs,
});
export type OpdDispatchEscalated = z.infer<typeof OpdDispatchEscalated>;
